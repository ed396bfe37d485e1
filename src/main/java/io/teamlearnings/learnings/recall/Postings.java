package io.teamlearnings.learnings.recall;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.teamlearnings.learnings.analysis.TermVector;

import org.springframework.lang.Nullable;

/**
 * Where a term occurs: the documents, and per document its frequency in each field. For
 * the bound of a term's score, it also tells, per field, the highest frequency and the
 * shortest field among the documents that have the term there.
 * <p>
 * A posting takes 8 bytes once {@link #trim trimmed}: the document number, and one
 * {@code int} holding the five fields' frequencies in {@value #BITS} bits each. A
 * frequency of {@value #OVERFLOW} or more (a word repeated that often in one field of one
 * row, which generated and real learnings almost never have) is kept in a small map
 * beside them. The corpus of 100,000 rows holds about 15 million postings: at 14 bytes
 * (five {@code short} frequencies) and the slack of doubling arrays they took 300 MB,
 * more than half of a 512 MB heap.
 */
final class Postings {

	private static final int FIELDS = TermVector.Field.ALL.length;

	/** Bits of a packed frequency. */
	static final int BITS = 6;

	/** The packed value meaning "look in {@link #overflow}". */
	static final int OVERFLOW = (1 << BITS) - 1;

	/** Heap per posting of room: two ints. */
	static final int BYTES = 8;

	private static final int[] NONE = new int[0];

	private int[] docs = NONE;

	private int[] packed = NONE;

	private int size;

	/**
	 * Frequencies of {@value #OVERFLOW} or more, by {@code position * FIELDS + field};
	 * null while there are none.
	 */
	@Nullable
	private Map<Long, Integer> overflow;

	/**
	 * Per field, the highest frequency (first {@code FIELDS}) and the shortest field
	 * length (next {@code FIELDS}; {@code Integer.MAX_VALUE} when no document has the
	 * term in that field). Worked out when first asked (most terms never are), kept up to
	 * date by {@link #add} after that.
	 */
	@Nullable
	private volatile int[] fieldExtremes;

	/**
	 * Records that {@code doc} has {@code term} {@code frequency} times in {@code field},
	 * whose length in {@code doc} is {@code length}; docs come in order. Frequencies are
	 * kept up to {@link Short#MAX_VALUE}.
	 */
	void add(int doc, TermVector.Field field, int frequency, int length) {
		int stored = Math.min(frequency, Short.MAX_VALUE);
		int[] extremes = this.fieldExtremes;
		if (extremes != null && stored > 0) {
			include(extremes, field.ordinal(), stored, length);
		}
		if (this.size == 0 || this.docs[this.size - 1] != doc) {
			if (this.size == this.docs.length) {
				// a quarter more: a corpus being loaded holds at most a quarter of slack
				int capacity = Math.max(4, this.size + (this.size >> 2));
				this.docs = Arrays.copyOf(this.docs, capacity);
				this.packed = Arrays.copyOf(this.packed, capacity);
			}
			this.docs[this.size] = doc;
			this.packed[this.size] = 0;
			this.size++;
		}
		set(this.size - 1, field.ordinal(), stored);
	}

	private void set(int i, int field, int frequency) {
		int shift = field * BITS;
		int value = Math.min(frequency, OVERFLOW);
		this.packed[i] = (this.packed[i] & ~(OVERFLOW << shift)) | (value << shift);
		long key = (long) i * FIELDS + field;
		if (value == OVERFLOW) {
			if (this.overflow == null) {
				this.overflow = new HashMap<>();
			}
			this.overflow.put(key, frequency);
		}
		else if (this.overflow != null) {
			this.overflow.remove(key);
		}
	}

	/** Postings these arrays have room for: each takes {@value #BYTES} bytes of heap. */
	int capacity() {
		return this.docs.length;
	}

	/**
	 * Gives back the room kept for more postings; the corpus calls it after adding many
	 * rows at once, so that a loaded corpus holds no slack.
	 */
	void trim() {
		if (this.docs.length > this.size) {
			this.docs = Arrays.copyOf(this.docs, this.size);
			this.packed = Arrays.copyOf(this.packed, this.size);
		}
	}

	int size() {
		return this.size;
	}

	int doc(int i) {
		return this.docs[i];
	}

	/** Where document {@code doc} is in these postings, or -1. */
	int indexOf(int doc) {
		int found = Arrays.binarySearch(this.docs, 0, this.size, doc);
		return (found >= 0) ? found : -1;
	}

	/**
	 * The first position from {@code from} on whose document is {@code doc} or after it;
	 * {@link #size()} if there is none. Gallops, then bisects, so that stepping through
	 * the postings costs little whether the documents asked for are near or far apart.
	 */
	int advance(int from, int doc) {
		if (from >= this.size || this.docs[from] >= doc) {
			return from;
		}
		int low = from;
		int step = 1;
		int high = from + step;
		while (high < this.size && this.docs[high] < doc) {
			low = high;
			step <<= 1;
			high = from + step;
		}
		int found = Arrays.binarySearch(this.docs, low + 1, Math.min(high, this.size - 1) + 1, doc);
		return (found >= 0) ? found : -found - 1;
	}

	int frequency(int i, TermVector.Field field) {
		return frequency(i, field.ordinal());
	}

	int frequency(int i, int field) {
		int value = (this.packed[i] >>> (field * BITS)) & OVERFLOW;
		if (value == OVERFLOW) {
			Map<Long, Integer> large = this.overflow;
			Integer frequency = (large != null) ? large.get((long) i * FIELDS + field) : null;
			return (frequency != null) ? frequency : OVERFLOW;
		}
		return value;
	}

	/** The highest frequency of the term in {@code field}; 0 if it never occurs there. */
	int maxFrequency(RecallCorpus.Corpus corpus, int field) {
		return fieldExtremes(corpus)[field];
	}

	/**
	 * The shortest {@code field} of a document that has the term there;
	 * {@code Integer.MAX_VALUE} if none has.
	 */
	int minLength(RecallCorpus.Corpus corpus, int field) {
		return fieldExtremes(corpus)[FIELDS + field];
	}

	/**
	 * Read under the corpus's read lock, so {@link #add} (under its write lock) never
	 * runs meanwhile; two readers may both work the extremes out, to the same values.
	 */
	private int[] fieldExtremes(RecallCorpus.Corpus corpus) {
		int[] extremes = this.fieldExtremes;
		if (extremes == null) {
			extremes = new int[2 * FIELDS];
			Arrays.fill(extremes, FIELDS, 2 * FIELDS, Integer.MAX_VALUE);
			for (int i = 0; i < this.size; i++) {
				for (int field = 0; field < FIELDS; field++) {
					int frequency = frequency(i, field);
					if (frequency > 0) {
						include(extremes, field, frequency, corpus.length(this.docs[i], field));
					}
				}
			}
			this.fieldExtremes = extremes;
		}
		return extremes;
	}

	private static void include(int[] extremes, int field, int frequency, int length) {
		extremes[field] = Math.max(extremes[field], frequency);
		extremes[FIELDS + field] = Math.min(extremes[FIELDS + field], length);
	}

}

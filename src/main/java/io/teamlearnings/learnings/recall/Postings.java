package io.teamlearnings.learnings.recall;

import java.util.Arrays;

import io.teamlearnings.learnings.analysis.TermVector;

/**
 * Where a term occurs: the documents, and per document its frequency in each field.
 */
final class Postings {

	private static final int FIELDS = TermVector.Field.ALL.length;

	private int[] docs = new int[4];

	private short[] frequencies = new short[4 * FIELDS];

	private int size;

	/**
	 * Records that {@code doc} has {@code term} {@code frequency} times in {@code field};
	 * docs come in order.
	 */
	void add(int doc, TermVector.Field field, int frequency) {
		if (this.size > 0 && this.docs[this.size - 1] == doc) {
			this.frequencies[(this.size - 1) * FIELDS + field.ordinal()] = (short) Math.min(frequency, Short.MAX_VALUE);
			return;
		}
		if (this.size == this.docs.length) {
			this.docs = Arrays.copyOf(this.docs, this.size * 2);
			this.frequencies = Arrays.copyOf(this.frequencies, this.size * 2 * FIELDS);
		}
		this.docs[this.size] = doc;
		this.frequencies[this.size * FIELDS + field.ordinal()] = (short) Math.min(frequency, Short.MAX_VALUE);
		this.size++;
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

	int frequency(int i, TermVector.Field field) {
		return this.frequencies[i * FIELDS + field.ordinal()];
	}

	int frequency(int i, int field) {
		return this.frequencies[i * FIELDS + field];
	}

}

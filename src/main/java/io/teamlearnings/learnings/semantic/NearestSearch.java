package io.teamlearnings.learnings.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntFunction;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * The rows nearest a query vector, best first. A view of at most {@code shortlist} rows
 * (or {@code count}) is compared exactly. A larger one goes through three passes, each
 * reading less of fewer rows than a comparison of every row would (the int8 dot product
 * of every row takes 18 ms at 100,000 rows here):
 * <ol>
 * <li>the Hamming distance of every row's sign bits from the query's (binary
 * quantization, 48 bytes a row, read in order) keeps the {@code shortlist} closest;</li>
 * <li>of these, the {@code 10 x count} whose sign bits score highest against the query's
 * own values (asymmetric scoring: a table lookup a byte of sign bits, which the first
 * pass has just read) go on;</li>
 * <li>those are rescored exactly (384 bytes a row, read from anywhere in memory).</li>
 * </ol>
 * Over the 100,000 rows of the benchmark and its 300 questions, the second pass keeps
 * 0.993 of the exact top 10 where rescoring the whole shortlist keeps 0.994, and the
 * search takes 3.4 ms on one thread against 4.9 ms. When the rows admitted number no more
 * than the shortlist, all of them are rescored.
 * <p>
 * The first and last passes run over slices of the rows at once, one a core, the calling
 * thread taking the first. The answer does not depend on the slicing: each cut is taken
 * over every slice's rows (ties at a cut go to the earlier rows), and rows are ranked by
 * similarity, then by line, later first.
 * <p>
 * A search may be limited to some rows (those a recall's filters admit): the others are
 * left out of every pass, so the shortlist and the answer are drawn from the admitted
 * rows alone, however few they are.
 */
final class NearestSearch {

	/** Below this many rows a search is not worth a second thread. */
	static final int ROWS_PER_SLICE = 20_000;

	/** Below this many rows to rescore, rescoring is not worth a second thread. */
	static final int RESCORED_PER_SLICE = 500;

	/**
	 * How many rows of the shortlist are rescored exactly for each row asked for, chosen
	 * by asymmetric scoring: 1,000 of the 5,000 for recall's 100.
	 */
	static final int RESCORED_PER_ROW_ASKED = 10;

	/** Best first: the higher similarity, then the later line. */
	private static final Comparator<SemanticIndex.Near> BEST_FIRST = Comparator
		.comparingDouble(SemanticIndex.Near::similarity)
		.thenComparingLong(SemanticIndex.Near::line)
		.reversed();

	private NearestSearch() {
	}

	/**
	 * The {@code count} rows of {@code view} nearest {@code query}.
	 * @param view the rows
	 * @param query the query's vector, {@code view.dimensions()} bytes
	 * @param count at most this many rows
	 * @param shortlist how many rows the sign-bit pass keeps
	 * @param slices how many slices to search at once (1: on the calling thread alone)
	 * @return the nearest rows, best first
	 */
	static List<SemanticIndex.Near> nearest(Vectors.View view, byte[] query, int count, int shortlist, int slices) {
		return nearest(view, query, count, shortlist, slices, null);
	}

	/**
	 * As above, of the rows whose line {@code admitted} accepts (every row when null).
	 * @param admitted whether a row, by its line number, may be among the nearest
	 * @return the nearest admitted rows, best first
	 */
	static List<SemanticIndex.Near> nearest(Vectors.View view, byte[] query, int count, int shortlist, int slices,
			@Nullable LongPredicate admitted) {
		int n = view.size();
		int keep = Math.min(count, n);
		if (keep == 0) {
			return List.of();
		}
		int parts = Math.max(1, Math.min(slices, n / ROWS_PER_SLICE));
		int[] candidates;
		if (n <= Math.max(shortlist, count)) {
			long[] lines = view.lines();
			candidates = IntStream.range(0, n).filter((i) -> admitted == null || admitted.test(lines[i])).toArray();
		}
		else {
			long[] queryBits = new long[view.words()];
			Vectors.signBits(query, queryBits, 0);
			short[] distance = new short[n];
			List<int[]> histograms = inParallel(parts, (part) -> hamming(view, queryBits,
					(int) ((long) n * part / parts), (int) ((long) n * (part + 1) / parts), admitted, distance));
			int[] histogram = new int[view.dimensions() + 1];
			histograms.forEach((part) -> Arrays.setAll(histogram, (d) -> histogram[d] + part[d]));
			int admittedRows = Arrays.stream(histogram).sum();
			int[] shortlisted = shortlisted(distance, histogram, Math.min(Math.max(shortlist, count), admittedRows));
			candidates = (admittedRows > shortlisted.length)
					? refine(view, query, shortlisted, Math.max(count, RESCORED_PER_ROW_ASKED * count)) : shortlisted;
		}
		int rescoringParts = Math.max(1, Math.min(slices, candidates.length / RESCORED_PER_SLICE));
		List<List<SemanticIndex.Near>> found = inParallel(rescoringParts, (part) -> rescore(view, query, candidates,
				candidates.length * part / rescoringParts, candidates.length * (part + 1) / rescoringParts, keep));
		List<SemanticIndex.Near> nearest = new ArrayList<>(keep * rescoringParts);
		found.forEach(nearest::addAll);
		nearest.sort(BEST_FIRST);
		return List.copyOf(nearest.subList(0, Math.min(keep, nearest.size())));
	}

	/**
	 * Applies {@code task} to each part, the first on this thread and the others on the
	 * common fork-join pool; a part no pool thread has taken by the time this thread is
	 * done with its own is run here too.
	 */
	private static <T> List<T> inParallel(int parts, IntFunction<T> task) {
		List<ForkJoinTask<T>> others = new ArrayList<>(parts - 1);
		for (int part = 1; part < parts; part++) {
			int index = part;
			others.add(ForkJoinTask.adapt(() -> task.apply(index)).fork());
		}
		List<T> results = new ArrayList<>(parts);
		results.add(task.apply(0));
		others.forEach((other) -> results.add(other.join()));
		return results;
	}

	/**
	 * The Hamming distance of the sign bits of rows {@code from} to {@code to}
	 * (exclusive) from the query's, into {@code distance}; a row {@code admitted} turns
	 * down is put one further than any row can be, and not counted.
	 * @return how many of those rows are at each distance, 0 to the dimensions
	 */
	private static int[] hamming(Vectors.View view, long[] queryBits, int from, int to,
			@Nullable LongPredicate admitted, short[] distance) {
		int words = view.words();
		long[] bits = view.bits();
		long[] lines = view.lines();
		int[] histogram = new int[view.dimensions() + 1];
		for (int i = from; i < to; i++) {
			if (admitted != null && !admitted.test(lines[i])) {
				distance[i] = (short) (view.dimensions() + 1);
				continue;
			}
			int offset = i * words;
			int d;
			if (words == 6) {
				// the shipped models' 384 dimensions: unrolled, a third faster here
				d = Long.bitCount(queryBits[0] ^ bits[offset]) + Long.bitCount(queryBits[1] ^ bits[offset + 1])
						+ Long.bitCount(queryBits[2] ^ bits[offset + 2])
						+ Long.bitCount(queryBits[3] ^ bits[offset + 3])
						+ Long.bitCount(queryBits[4] ^ bits[offset + 4])
						+ Long.bitCount(queryBits[5] ^ bits[offset + 5]);
			}
			else {
				d = 0;
				for (int w = 0; w < words; w++) {
					d += Long.bitCount(queryBits[w] ^ bits[offset + w]);
				}
			}
			distance[i] = (short) d;
			histogram[d]++;
		}
		return histogram;
	}

	/**
	 * The rows of the sign-bit pass's shortlist: the {@code keep} rows nearest by Hamming
	 * distance, those at the cut in row order (the earlier first), by row index,
	 * ascending. Rows left out of the pass are one further than any row can be.
	 * @param histogram how many rows are at each distance
	 */
	private static int[] shortlisted(short[] distance, int[] histogram, int keep) {
		int cut = 0;
		int below = 0;
		while (cut < histogram.length && below + histogram[cut] < keep) {
			below += histogram[cut++];
		}
		int atCut = keep - below;
		int[] rows = new int[keep];
		int size = 0;
		for (int i = 0; i < distance.length && size < keep; i++) {
			int d = distance[i];
			if (d < cut || (d == cut && atCut-- > 0)) {
				rows[size++] = i;
			}
		}
		return (size == keep) ? rows : Arrays.copyOf(rows, size);
	}

	/**
	 * The {@code keep} of {@code rows} whose sign bits score highest against the query's
	 * own values (asymmetric binary scoring: the sum of the query's values over the
	 * dimensions where the row's is positive, which orders rows as
	 * {@code sum(query x sign(row))} does), the earlier row first on a tie. One table of
	 * 256 sums for each byte of sign bits makes a row's score 48 lookups.
	 * @param rows row indexes, ascending
	 * @return the rows kept, by row index, ascending; {@code rows} itself when it has no
	 * more than {@code keep}
	 */
	private static int[] refine(Vectors.View view, byte[] query, int[] rows, int keep) {
		if (rows.length <= keep) {
			return rows;
		}
		// byte j of a row's sign bits covers dimensions 8j to 8j + 7
		int dimensions = view.dimensions();
		int bytes = (dimensions + 7) / 8;
		short[] table = new short[bytes * 256];
		for (int j = 0; j < bytes; j++) {
			for (int b = 1; b < 256; b++) {
				int dimension = j * 8 + Integer.numberOfTrailingZeros(b);
				int value = (dimension < dimensions) ? query[dimension] : 0;
				table[j * 256 + b] = (short) (table[j * 256 + (b & (b - 1))] + value);
			}
		}
		long[] bits = view.bits();
		int words = view.words();
		// best first: the higher score, then the earlier row
		long[] ranked = new long[rows.length];
		int wholeWords = bytes / 8;
		for (int r = 0; r < rows.length; r++) {
			int offset = rows[r] * words;
			int score = 0;
			for (int w = 0; w < wholeWords; w++) {
				// a word's eight bytes, unrolled: the whole search 0.3 ms faster here
				long word = bits[offset + w];
				int base = w * 8 * 256;
				score += table[base + (int) (word & 0xFF)] + table[base + 256 + (int) ((word >>> 8) & 0xFF)]
						+ table[base + 512 + (int) ((word >>> 16) & 0xFF)]
						+ table[base + 768 + (int) ((word >>> 24) & 0xFF)]
						+ table[base + 1024 + (int) ((word >>> 32) & 0xFF)]
						+ table[base + 1280 + (int) ((word >>> 40) & 0xFF)]
						+ table[base + 1536 + (int) ((word >>> 48) & 0xFF)] + table[base + 1792 + (int) (word >>> 56)];
			}
			for (int w = wholeWords; w < words; w++) {
				long word = bits[offset + w];
				int base = w * 8 * 256;
				for (int k = 0; w * 8 + k < bytes; k++) {
					score += table[base + k * 256 + (int) ((word >>> (k * 8)) & 0xFF)];
				}
			}
			ranked[r] = ((long) -score << 32) | rows[r];
		}
		Arrays.sort(ranked);
		int[] kept = new int[keep];
		for (int r = 0; r < keep; r++) {
			kept[r] = (int) ranked[r];
		}
		Arrays.sort(kept);
		return kept;
	}

	/**
	 * The best {@code keep} rows of {@code rows[from]} to {@code rows[to - 1]} by exact
	 * similarity. A min-heap of row indexes: n log keep, no boxing of every row.
	 */
	private static List<SemanticIndex.Near> rescore(Vectors.View view, byte[] query, int[] rows, int from, int to,
			int keep) {
		long[] lines = view.lines();
		int[] heap = new int[keep];
		double[] heapScore = new double[keep];
		int size = 0;
		for (int r = from; r < to; r++) {
			int i = rows[r];
			double similarity = TextEmbedder.cosine(query, view.vectors(), i * view.dimensions());
			if (size < keep) {
				heap[size] = i;
				heapScore[size] = similarity;
				siftUp(heap, heapScore, lines, size++);
			}
			else if (worse(heap[0], heapScore[0], i, similarity, lines)) {
				heap[0] = i;
				heapScore[0] = similarity;
				siftDown(heap, heapScore, lines, size);
			}
		}
		List<SemanticIndex.Near> kept = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			kept.add(new SemanticIndex.Near(lines[heap[i]], heapScore[i]));
		}
		return kept;
	}

	/**
	 * Whether row {@code a} ranks below row {@code b}: less similar, or as similar and
	 * earlier.
	 */
	private static boolean worse(int a, double scoreA, int b, double scoreB, long[] lines) {
		return (scoreA != scoreB) ? scoreA < scoreB : lines[a] < lines[b];
	}

	private static void siftUp(int[] heap, double[] score, long[] lines, int at) {
		while (at > 0) {
			int parent = (at - 1) / 2;
			if (!worse(heap[at], score[at], heap[parent], score[parent], lines)) {
				return;
			}
			swap(heap, score, parent, at);
			at = parent;
		}
	}

	private static void siftDown(int[] heap, double[] score, long[] lines, int size) {
		int at = 0;
		while (true) {
			int worst = at;
			int left = 2 * at + 1;
			int right = left + 1;
			if (left < size && worse(heap[left], score[left], heap[worst], score[worst], lines)) {
				worst = left;
			}
			if (right < size && worse(heap[right], score[right], heap[worst], score[worst], lines)) {
				worst = right;
			}
			if (worst == at) {
				return;
			}
			swap(heap, score, at, worst);
			at = worst;
		}
	}

	private static void swap(int[] heap, double[] score, int a, int b) {
		int row = heap[a];
		heap[a] = heap[b];
		heap[b] = row;
		double value = score[a];
		score[a] = score[b];
		score[b] = value;
	}

}

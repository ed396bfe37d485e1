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
 * (or {@code count}) is compared exactly; a larger one first by the Hamming distance of
 * the sign bits (binary quantization), which keeps the {@code shortlist} closest; of
 * these, the {@code 10 x count} whose sign bits score highest against the query's own
 * values (asymmetric scoring, 48 bytes read a row) are rescored exactly (384 bytes a row,
 * read from anywhere in memory: rescoring all 5,000 took 3.4 ms of a hybrid recall's p50
 * at 100,000 rows, against 0.8 ms for the 1,000 and 1.9 ms to pick them). At 100,000 rows
 * the shortlist keeps 0.94 of the exact top 10 (the benchmark's figure). When the rows
 * admitted number no more than the shortlist, all of them are rescored.
 * <p>
 * The Hamming pass and rescoring run over slices of the rows at once, one a core, the
 * calling thread taking the first: rescoring reads each row's vector from anywhere in
 * memory, and two cores wait on memory for half as long. The answer does not depend on
 * the slicing: the shortlist's cut is taken over every slice's distances and the
 * asymmetric scores' over the whole shortlist (ties at a cut go to the earlier rows), and
 * rows are ranked by similarity, then by line, later first.
 * <p>
 * A search may be limited to some rows (those a recall's filters admit): the others are
 * left out of both passes, so the shortlist and the answer are drawn from the admitted
 * rows alone, however few they are.
 */
final class NearestSearch {

	/** Below this many rows a search is not worth a second thread. */
	static final int ROWS_PER_SLICE = 20_000;

	/** Below this many rows to rescore, rescoring is not worth a second thread. */
	static final int RESCORED_PER_SLICE = 500;

	/**
	 * How many rows of the sign-bit pass's shortlist are rescored exactly for each row
	 * asked for, chosen by asymmetric scoring: 1,000 of the 5,000 for recall's 100.
	 */
	static final int REFINED_PER_ROW_ASKED = 10;

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
	 * @param shortlist how many rows the sign-bit pass keeps for rescoring
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
		int[] bounds = new int[parts + 1];
		for (int part = 0; part <= parts; part++) {
			bounds[part] = (int) ((long) n * part / parts);
		}
		int[] candidates;
		if (n <= Math.max(shortlist, count)) {
			candidates = IntStream.range(0, n)
				.filter((i) -> admitted == null || admitted.test(view.lines()[i]))
				.toArray();
		}
		else {
			long[] queryBits = new long[view.words()];
			Vectors.signBits(query, queryBits, 0);
			short[] distance = new short[n];
			List<int[]> histograms = inParallel(parts,
					(part) -> hamming(view, queryBits, bounds[part], bounds[part + 1], admitted, distance));
			int[] histogram = new int[view.dimensions() + 1];
			histograms.forEach((part) -> Arrays.setAll(histogram, (d) -> histogram[d] + part[d]));
			int admittedRows = Arrays.stream(histogram).sum();
			int keepShortlist = Math.min(Math.max(shortlist, count), admittedRows);
			int[] shortlisted = shortlisted(distance, histogram, keepShortlist);
			candidates = (admittedRows > keepShortlist)
					? refine(view, query, shortlisted, Math.max(count, REFINED_PER_ROW_ASKED * count)) : shortlisted;
		}
		int rescoringParts = (candidates.length < RESCORED_PER_SLICE) ? 1 : parts;
		List<List<SemanticIndex.Near>> found = inParallel(rescoringParts, (part) -> rescore(view, query, candidates,
				candidates.length * part / rescoringParts, candidates.length * (part + 1) / rescoringParts, keep));
		List<SemanticIndex.Near> nearest = new ArrayList<>(keep * parts);
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
			int d = 0;
			int offset = i * words;
			for (int w = 0; w < words; w++) {
				d += Long.bitCount(queryBits[w] ^ bits[offset + w]);
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
		return Arrays.copyOf(rows, size);
	}

	/**
	 * The {@code keep} of {@code rows} whose vectors look most similar to the query by
	 * their sign bits against the query's own values (asymmetric binary scoring: the sum
	 * of the query's values where the row's dimension is positive, which orders rows as
	 * {@code sum(query x sign(row))} does): it reads a row's 48 bytes of sign bits, where
	 * rescoring reads its 384 bytes of vector from wherever it lies in memory, and keeps
	 * far more of the exact order than the Hamming distance does. Ties go to the earlier
	 * row.
	 * @param rows row indexes, ascending
	 * @return the rows kept, by row index, ascending; {@code rows} itself when it has no
	 * more than {@code keep}
	 */
	private static int[] refine(Vectors.View view, byte[] query, int[] rows, int keep) {
		if (rows.length <= keep) {
			return rows;
		}
		// byte j of a row's sign bits covers dimensions 8j to 8j + 7
		int bytes = (view.dimensions() + 7) / 8;
		int[] table = new int[bytes * 256];
		for (int j = 0; j < bytes; j++) {
			for (int bit = 0; bit < 8 && j * 8 + bit < view.dimensions(); bit++) {
				int value = query[j * 8 + bit];
				int step = 1 << bit;
				for (int b = step; b < 256; b = (b + 1) | step) {
					table[j * 256 + b] += value;
				}
			}
		}
		long[] bits = view.bits();
		int words = view.words();
		int[] scores = new int[rows.length];
		for (int r = 0; r < rows.length; r++) {
			int offset = rows[r] * words;
			int score = 0;
			for (int j = 0; j < bytes; j++) {
				score += table[j * 256 + (int) ((bits[offset + (j >>> 3)] >>> ((j & 7) * 8)) & 0xFF)];
			}
			scores[r] = score;
		}
		// the score of the keep-th best row: every row above it is kept, and the earliest
		// of the rows at it
		int[] sorted = scores.clone();
		Arrays.sort(sorted);
		int cut = sorted[sorted.length - keep];
		int atCut = 0;
		for (int k = sorted.length - keep; k < sorted.length && sorted[k] == cut; k++) {
			atCut++;
		}
		int[] kept = new int[keep];
		int size = 0;
		for (int r = 0; r < rows.length; r++) {
			if (scores[r] > cut || (scores[r] == cut && atCut-- > 0)) {
				kept[size++] = rows[r];
			}
		}
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

package io.teamlearnings.learnings.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntFunction;
import java.util.function.LongPredicate;

import org.jspecify.annotations.Nullable;

/**
 * The rows nearest a query vector, best first. A view of at most {@code shortlist} rows
 * (or {@code count}) is compared exactly; a larger one first by the Hamming distance of
 * the sign bits (binary quantization: 0.7 ms for 100,000 rows here, where the int8 dot
 * product of every row takes 18 ms), and the {@code shortlist} closest are rescored
 * exactly: the usual binary quantization with rescoring.
 * <p>
 * Both passes run over slices of the rows at once, one a core, the calling thread taking
 * the first: rescoring reads each shortlisted row's vector from anywhere in memory, and
 * two cores wait on memory for half as long. The answer does not depend on the slicing:
 * the shortlist's cut is taken over every slice's distances (ties at the cut go to the
 * earlier rows), and rows are ranked by similarity, then by line, later first.
 * <p>
 * A search may be limited to some rows (those a recall's filters admit): the others are
 * left out of both passes, so the shortlist and the answer are drawn from the admitted
 * rows alone, however few they are.
 */
final class NearestSearch {

	/** Below this many rows a search is not worth a second thread. */
	static final int ROWS_PER_SLICE = 20_000;

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
		List<List<SemanticIndex.Near>> found;
		if (n <= Math.max(shortlist, count)) {
			found = inParallel(parts,
					(part) -> rescore(view, query, bounds[part], bounds[part + 1], admitted, null, n + 1, 0, keep));
		}
		else {
			long[] queryBits = new long[view.words()];
			Vectors.signBits(query, queryBits, 0);
			short[] distance = new short[n];
			List<int[]> histograms = inParallel(parts,
					(part) -> hamming(view, queryBits, bounds[part], bounds[part + 1], admitted, distance));
			int[] histogram = new int[view.dimensions() + 1];
			histograms.forEach((part) -> Arrays.setAll(histogram, (d) -> histogram[d] + part[d]));
			int keepShortlist = Math.min(Math.max(shortlist, count), Arrays.stream(histogram).sum());
			if (keepShortlist == 0) {
				return List.of();
			}
			int cut = 0;
			int below = 0;
			while (below + histogram[cut] < keepShortlist) {
				below += histogram[cut++];
			}
			// the rows at the cut that get in, earlier slices first
			int[] tiesIn = new int[parts];
			int atCut = keepShortlist - below;
			for (int part = 0; part < parts; part++) {
				tiesIn[part] = Math.min(atCut, histograms.get(part)[cut]);
				atCut -= tiesIn[part];
			}
			int shortlistCut = cut;
			found = inParallel(parts, (part) -> rescore(view, query, bounds[part], bounds[part + 1], null, distance,
					shortlistCut, tiesIn[part], keep));
		}
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
	 * The best {@code keep} rows of {@code from} to {@code to} (exclusive) by exact
	 * similarity, of those shortlisted: every row {@code admitted} accepts (every row
	 * when it is null) when {@code distance} is null, else those closer than {@code cut}
	 * and the first {@code tiesIn} at it. A min-heap of row indexes: n log keep, no
	 * boxing of every row.
	 */
	private static List<SemanticIndex.Near> rescore(Vectors.View view, byte[] query, int from, int to,
			@Nullable LongPredicate admitted, short @Nullable [] distance, int cut, int tiesIn, int keep) {
		long[] lines = view.lines();
		int[] heap = new int[keep];
		double[] heapScore = new double[keep];
		int size = 0;
		int ties = tiesIn;
		for (int i = from; i < to; i++) {
			if (distance != null) {
				int d = distance[i];
				if (d > cut || (d == cut && ties-- <= 0)) {
					continue;
				}
			}
			else if (admitted != null && !admitted.test(lines[i])) {
				continue;
			}
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

package io.teamlearnings.learnings.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The rows' embeddings of each repository in memory (one signed byte a dimension, 384
 * bytes a row for the shipped models: 38 MB for 100,000 rows), loaded from H2 when first
 * asked and again after the worker embedded more or the index was rebuilt; and the rows
 * nearest a query.
 */
@Service
public class SemanticIndex {

	private final EmbeddingStore store;

	private final TextEmbedder embedder;

	private final SemanticProperties properties;

	private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

	/** Repositories whose stored embeddings changed since their snapshot was taken. */
	private final Map<String, Boolean> stale = new ConcurrentHashMap<>();

	/** Embedded rows of each repository's live generation: {generation, count}. */
	private final Map<String, long[]> counts = new ConcurrentHashMap<>();

	/**
	 * How old a snapshot may grow while the worker adds embeddings: reloading every
	 * repository's vectors after each batch of 32 would copy them all again and again
	 * (tens of MB a second at 100,000 rows). Rows embedded since are found lexically.
	 */
	private static final long RELOAD_AFTER_NANOS = 5_000_000_000L;

	SemanticIndex(EmbeddingStore store, TextEmbedder embedder, SemanticProperties properties) {
		this.store = store;
		this.embedder = embedder;
		this.properties = properties;
	}

	/** One repository's embedded rows: line numbers and their vectors, back to back. */
	private record Snapshot(long generation, long[] lines, byte[] vectors, int dimensions, long takenAt) {

		int size() {
			return this.lines.length;
		}

	}

	/**
	 * A row near the query.
	 *
	 * @param line its line number in the repository's file
	 * @param similarity the cosine similarity of its text and the query, -1 to 1
	 */
	public record Near(long line, double similarity) {
	}

	/**
	 * Whether semantic recall is on ({@code learnings.recall.semantic.enabled}).
	 * @return true when rows are embedded and queries may be
	 */
	public boolean enabled() {
		return this.properties.enabled();
	}

	/**
	 * The rows of {@code repo} nearest {@code queryVector}, best first.
	 * @param repo the repository
	 * @param queryVector the query's vector ({@link #embedQuery})
	 * @param count at most this many
	 * @return the nearest embedded rows of the repository's live index
	 */
	public List<Near> nearest(String repo, byte[] queryVector, int count) {
		Snapshot snapshot = snapshot(repo);
		if (snapshot == null || snapshot.size() == 0) {
			return List.of();
		}
		int n = snapshot.size();
		int keep = Math.min(count, n);
		// the best `keep` by similarity, in a min-heap of row indexes: n log keep, no
		// boxing
		// of every row
		int[] heap = new int[keep];
		double[] heapScore = new double[keep];
		int size = 0;
		for (int i = 0; i < n; i++) {
			double similarity = TextEmbedder.cosine(queryVector, snapshot.vectors(), i * snapshot.dimensions());
			if (size < keep) {
				heap[size] = i;
				heapScore[size] = similarity;
				siftUp(heap, heapScore, size++);
			}
			else if (similarity > heapScore[0]) {
				heap[0] = i;
				heapScore[0] = similarity;
				siftDown(heap, heapScore, size);
			}
		}
		List<Near> nearest = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			nearest.add(new Near(snapshot.lines()[heap[i]], heapScore[i]));
		}
		nearest.sort((a, b) -> (a.similarity() != b.similarity()) ? Double.compare(b.similarity(), a.similarity())
				: Long.compare(b.line(), a.line()));
		return nearest;
	}

	private static void siftUp(int[] heap, double[] score, int at) {
		while (at > 0) {
			int parent = (at - 1) / 2;
			if (score[parent] <= score[at]) {
				return;
			}
			swap(heap, score, parent, at);
			at = parent;
		}
	}

	private static void siftDown(int[] heap, double[] score, int size) {
		int at = 0;
		while (true) {
			int smallest = at;
			int left = 2 * at + 1;
			int right = left + 1;
			if (left < size && score[left] < score[smallest]) {
				smallest = left;
			}
			if (right < size && score[right] < score[smallest]) {
				smallest = right;
			}
			if (smallest == at) {
				return;
			}
			swap(heap, score, at, smallest);
			at = smallest;
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

	/**
	 * A query's vector.
	 * @param query what is asked
	 * @return its vector, for {@link #nearest}
	 */
	public byte[] embedQuery(String query) {
		return this.embedder.query(query);
	}

	/**
	 * How many rows of {@code repo}'s live index have an embedding, as of the last
	 * snapshot the worker or a query took.
	 * @param repo the repository
	 * @return embedded rows, or 0 before any
	 */
	public long embedded(String repo) {
		if (!enabled()) {
			return 0;
		}
		Long generation = this.store.generation(repo);
		if (generation == null) {
			return 0;
		}
		long[] count = this.counts.get(repo);
		if (count == null || count[0] != generation) {
			count = new long[] { generation, this.store.embeddedCount(generation, this.embedder.modelId()) };
			this.counts.put(repo, count);
		}
		return count[1];
	}

	/**
	 * Marks {@code repo}'s snapshot out of date: the worker stored vectors for it.
	 * @param generation the generation the rows belong to
	 * @param added how many rows it embedded
	 */
	void changed(String repo, long generation, int added) {
		this.stale.put(repo, Boolean.TRUE);
		this.counts.computeIfPresent(repo,
				(key, count) -> (count[0] == generation) ? new long[] { generation, count[1] + added } : null);
	}

	@Nullable private Snapshot snapshot(String repo) {
		Long generation = this.store.generation(repo);
		if (generation == null) {
			return null;
		}
		Snapshot current = this.snapshots.get(repo);
		if (current != null && current.generation() == generation
				&& (!this.stale.containsKey(repo) || System.nanoTime() - current.takenAt() < RELOAD_AFTER_NANOS)) {
			return current;
		}
		this.stale.remove(repo);
		List<EmbeddingStore.Embedded> rows = this.store.embedded(generation, this.embedder.modelId());
		int dimensions = rows.isEmpty() ? 0 : rows.get(0).vector().length;
		long[] lines = new long[rows.size()];
		byte[] vectors = new byte[rows.size() * dimensions];
		for (int i = 0; i < rows.size(); i++) {
			lines[i] = rows.get(i).line();
			System.arraycopy(rows.get(i).vector(), 0, vectors, i * dimensions, dimensions);
		}
		Snapshot taken = new Snapshot(generation, lines, vectors, dimensions, System.nanoTime());
		this.snapshots.put(repo, taken);
		return taken;
	}

}

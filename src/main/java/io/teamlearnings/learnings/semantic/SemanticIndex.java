package io.teamlearnings.learnings.semantic;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The rows' embeddings of each repository in memory, and the rows nearest a query. Each
 * repository's live index generation has one {@link Vectors}, filled by the
 * {@link EmbeddingWorker} as it walks the generation's rows (vectors already stored in H2
 * are read, the others computed): 384 bytes of int8 vector, 48 bytes of sign bits and 8
 * of line number a row for the shipped models, 44 MB for 100,000 rows. A rebuilt index
 * starts a new one.
 * <p>
 * Nearest rows: binary quantization with rescoring, over slices of a large repository's
 * rows at once ({@link NearestSearch}).
 */
@Service
public class SemanticIndex {

	private final EmbeddingStore store;

	private final TextEmbedder embedder;

	private final SemanticProperties properties;

	private final Map<String, Vectors> vectors = new ConcurrentHashMap<>();

	private final Map<String, Refusal> refused = new ConcurrentHashMap<>();

	private final ThreadPoolExecutor queryThreads;

	SemanticIndex(EmbeddingStore store, TextEmbedder embedder, SemanticProperties properties) {
		this.store = store;
		this.embedder = embedder;
		this.properties = properties;
		int cores = Runtime.getRuntime().availableProcessors();
		AtomicInteger threads = new AtomicInteger();
		this.queryThreads = new ThreadPoolExecutor(cores, cores, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
				(task) -> {
					Thread thread = new Thread(task, "query-embedding-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
		this.queryThreads.allowCoreThreadTimeOut(true);
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
	 * Whether the worker has visited every row {@code repo}'s live index had when it
	 * began (rows appended since may still wait for theirs): from then on recall is
	 * hybrid by default.
	 * @param repo the repository
	 * @return false while semantic recall is off or the first walk is under way
	 */
	public boolean ready(String repo) {
		Vectors current = live(repo);
		return current != null && current.walked();
	}

	/**
	 * The rows of {@code repo} nearest {@code queryVector}, best first.
	 * @param repo the repository
	 * @param queryVector the query's vector ({@link #embedQuery})
	 * @param count at most this many
	 * @param admitted whether a row, by its line number, may be among them (a recall's
	 * filters); null for every row. The others are left out before the search, not after,
	 * so that a filter admitting few rows still gets its nearest
	 * @return the nearest embedded rows of the repository's live index
	 */
	public List<Near> nearest(String repo, byte[] queryVector, int count, @Nullable LongPredicate admitted) {
		return nearest(repo, queryVector, count, admitted, Runtime.getRuntime().availableProcessors());
	}

	private List<Near> nearest(String repo, byte[] queryVector, int count, @Nullable LongPredicate admitted,
			int slices) {
		Vectors current = live(repo);
		if (current == null || current.size() == 0) {
			return List.of();
		}
		return NearestSearch.nearest(current.view(), queryVector, count, this.properties.shortlist(), slices, admitted);
	}

	/**
	 * As {@link #nearest}, searched on a query thread once {@code queryVector} is
	 * computed, so that the caller can rank the rows lexically meanwhile. The search
	 * takes that one thread, not a slice a core: with the caller busy, a second slice
	 * would put three threads on two cores, and slicing saves little here (over the
	 * benchmark's 100,000 rows, 2.1 ms on two slices against 2.2 to 2.6 on one).
	 * @param repo the repository
	 * @param queryVector the query's vector, being computed ({@link #embedQueryAsync})
	 * @param count at most this many
	 * @param admitted as for {@link #nearest}; read on the query thread, so it must not
	 * change meanwhile
	 * @return the nearest rows when found; fails as computing the vector failed
	 */
	public CompletableFuture<List<Near>> nearestAsync(String repo, CompletableFuture<byte[]> queryVector, int count,
			@Nullable LongPredicate admitted) {
		return queryVector.thenApplyAsync((vector) -> nearest(repo, vector, count, admitted, 1), this.queryThreads);
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
	 * A query's vector, computed on another thread so that the caller can rank the rows
	 * lexically meanwhile; on the caller's own thread when every query thread (one a
	 * core) is busy and 64 queries wait.
	 * @param query what is asked
	 * @return its vector when done; fails as {@link #embedQuery} would
	 */
	public CompletableFuture<byte[]> embedQueryAsync(String query) {
		return CompletableFuture.supplyAsync(() -> this.embedder.query(query), this.queryThreads);
	}

	@PreDestroy
	void stop() {
		this.queryThreads.shutdownNow();
	}

	/**
	 * How many rows of {@code repo}'s live index have their embedding in memory.
	 * @param repo the repository
	 * @return embedded rows, or 0 before any or while semantic recall is off
	 */
	public long embedded(String repo) {
		Vectors current = live(repo);
		return (current != null) ? current.size() : 0;
	}

	/**
	 * The vectors of {@code repo}'s {@code generation}, for the worker to fill: a new,
	 * empty one when the index was rebuilt since (the old one is dropped); none when
	 * {@code rows} of them would take more than what the other repositories leave of the
	 * budget ({@code heap-fraction} of the heap).
	 * @param rowCount the generation's rows, to make room for; asked only when a new one
	 * is made
	 * @return the vectors, or null when the repository is over the budget
	 */
	@Nullable Vectors forWorker(String repo, long generation, LongSupplier rowCount) {
		Vectors current = this.vectors.get(repo);
		if (current != null && current.generation() == generation) {
			return current;
		}
		Refusal refusal = this.refused.get(repo);
		if (refusal != null && refusal.generation() == generation) {
			return null;
		}
		// counted only for a new generation: the worker asks on every poll
		long rows = rowCount.getAsLong();
		int dimensions = this.embedder.dimensions();
		long needed = rows * Vectors.bytesPerRow(dimensions);
		long others = this.vectors.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals(repo))
			.mapToLong((entry) -> entry.getValue().bytes())
			.sum();
		long budget = (long) (Runtime.getRuntime().maxMemory() * this.properties.heapFraction());
		if (others + needed > budget || rows > Integer.MAX_VALUE / dimensions) {
			this.vectors.remove(repo);
			this.refused.put(repo, new Refusal(generation, rows, needed, Math.max(0, budget - others)));
			return null;
		}
		this.refused.remove(repo);
		Vectors fresh = new Vectors(generation, dimensions, (int) rows);
		this.vectors.put(repo, fresh);
		return fresh;
	}

	/**
	 * Refuses semantic recall of a repository left unembedded for its size.
	 * @param repo the repository
	 * @throws SemanticIndexTooLargeException if its live generation's vectors would go
	 * over the budget
	 */
	public void requireWithinBudget(String repo) {
		Refusal refusal = this.refused.get(repo);
		Long generation = (refusal != null) ? this.store.generation(repo) : null;
		if (refusal != null && generation != null && generation == refusal.generation()) {
			throw new SemanticIndexTooLargeException(repo, refusal.rows(), refusal.neededBytes(), refusal.budgetBytes(),
					this.properties.heapFraction());
		}
	}

	/** Why a repository's generation is not embedded: its size against the budget. */
	private record Refusal(long generation, long rows, long neededBytes, long budgetBytes) {
	}

	/** The vectors of {@code repo}'s live generation, or null when there are none yet. */
	@Nullable private Vectors live(String repo) {
		if (!enabled()) {
			return null;
		}
		Vectors current = this.vectors.get(repo);
		if (current == null) {
			return null;
		}
		Long generation = this.store.generation(repo);
		return (generation != null && generation == current.generation()) ? current : null;
	}

}

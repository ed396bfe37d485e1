package io.teamlearnings.learnings.semantic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Embeds rows in the background: one low-priority thread that, once the service is ready,
 * walks the rows of each repository's live index newest first, reading the vectors H2
 * holds and computing the others a batch at a time, and then looks again every
 * {@code poll-interval} for rows appended since. It never holds a lock an append or a
 * read waits for; a row is found lexically until its embedding is stored. Progress is
 * logged and shown in {@code GET /api/repos}.
 */
@Component
class EmbeddingWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingWorker.class);

	/**
	 * Lines read from the index at a time: a window of the {@code (generation, line_no)}
	 * key, so that each read touches only its own rows (a {@code LIMIT} over the rest of
	 * the range made H2 sort all of it, every time).
	 */
	private static final int WALK_LINES = 512;

	private final Repositories repositories;

	private final EmbeddingStore store;

	private final TextEmbedder embedder;

	private final SemanticIndex index;

	private final SemanticProperties properties;

	private volatile boolean running;

	/** The generation of each repository last found over the vectors' budget. */
	private final Map<String, Long> overBudget = new HashMap<>();

	private volatile Thread thread;

	EmbeddingWorker(Repositories repositories, EmbeddingStore store, TextEmbedder embedder, SemanticIndex index,
			SemanticProperties properties) {
		this.repositories = repositories;
		this.store = store;
		this.embedder = embedder;
		this.index = index;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void begin() {
		if (!this.properties.enabled() || !this.running || this.thread != null) {
			return;
		}
		Thread worker = new Thread(this::work, "embedding-worker");
		worker.setDaemon(true);
		worker.setPriority(Thread.MIN_PRIORITY);
		this.thread = worker;
		worker.start();
	}

	private void work() {
		while (this.running) {
			boolean embedded = false;
			for (Repo repo : this.repositories.all()) {
				try {
					embedded |= catchUp(repo.name());
				}
				catch (RuntimeException ex) {
					log.warn("Could not embed the rows of {}; trying again later", repo.name(), ex);
				}
				if (!this.running) {
					return;
				}
			}
			if (!embedded) {
				try {
					Thread.sleep(this.properties.pollInterval().toMillis());
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}
	}

	/**
	 * Walks the rows of {@code repo}'s live index not visited yet, newest first: each
	 * row's stored vector is read, or computed and stored, and the row joins the
	 * repository's {@link Vectors}. Rows appended meanwhile are visited before the older
	 * ones still waiting. Stops early when the index is rebuilt (the next call starts the
	 * new generation) or the service stops.
	 * @return whether any row was visited
	 */
	boolean catchUp(String repo) {
		Long generation = this.store.generation(repo);
		if (generation == null) {
			return false;
		}
		Vectors vectors = this.index.forWorker(repo, generation, () -> this.store.rowCount(generation));
		if (vectors == null) {
			if (!generation.equals(this.overBudget.put(repo, generation))) {
				log.warn("Not embedding the rows of {}: their vectors would go over the budget of "
						+ "learnings.recall.semantic.heap-fraction; its recall stays lexical", repo);
			}
			return false;
		}
		vectors.extendWalk(this.store.lastLine(generation));
		if (vectors.nextRange() == null) {
			return false;
		}
		String model = this.embedder.modelId();
		long start = System.nanoTime();
		int before = vectors.size();
		long computed = 0;
		long[] range;
		while (this.running && (range = vectors.nextRange()) != null) {
			long low = Math.max(range[0], range[1] - WALK_LINES);
			List<EmbeddingStore.Row> rows = this.store.rows(generation, model, low, range[1]);
			for (int from = 0; from < rows.size() && this.running; from += this.properties.batchSize()) {
				List<EmbeddingStore.Row> chunk = rows.subList(from,
						Math.min(from + this.properties.batchSize(), rows.size()));
				long embedded = add(repo, vectors, model, chunk);
				// the chunk's rows are in: a retry after a failure starts below them
				vectors.visitedDownTo(range, chunk.get(chunk.size() - 1).line());
				if (computed / 1000 != (computed + embedded) / 1000) {
					log.info("Embedded {} rows of {} ({} in memory)", computed + embedded, repo, vectors.size());
				}
				computed += embedded;
			}
			if (!this.running) {
				break;
			}
			vectors.visitedDownTo(range, low + 1);
			Long now = this.store.generation(repo);
			if (now == null || now.longValue() != generation.longValue()) {
				break;
			}
			vectors.extendWalk(this.store.lastLine(generation));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		log.info("{} rows of {} now have their embedding in memory: {} read, {} computed with {} in {} s ({} rows/s)",
				vectors.size(), repo, vectors.size() - before - computed, computed, model,
				Math.round(seconds * 10) / 10.0, Math.round(computed / Math.max(seconds, 1e-3)));
		return true;
	}

	/**
	 * Computes and stores the vectors {@code chunk} lacks, then adds its rows to
	 * {@code vectors} in order. A row with no text (a blank learning, no application, no
	 * tags) has nothing to embed, and a row the model refuses is logged and left out:
	 * both are still found by their words, and neither keeps the others from being
	 * embedded.
	 * @return how many were computed
	 */
	private int add(String repo, Vectors vectors, String model, List<EmbeddingStore.Row> chunk) {
		List<EmbeddingStore.Row> missing = chunk.stream()
			.filter((row) -> row.vector() == null && !row.text().isBlank())
			.toList();
		Map<Long, byte[]> computed = embed(repo, model, missing);
		for (EmbeddingStore.Row row : chunk) {
			byte[] vector = (row.vector() != null) ? row.vector() : computed.get(row.line());
			if (vector != null) {
				vectors.add(row.line(), vector);
			}
		}
		return computed.size();
	}

	/**
	 * The vectors of {@code rows}, stored; one at a time if the model refuses the lot.
	 */
	private Map<Long, byte[]> embed(String repo, String model, List<EmbeddingStore.Row> rows) {
		if (rows.isEmpty()) {
			return Map.of();
		}
		List<byte[]> fresh;
		try {
			fresh = this.embedder.rows(rows.stream().map(EmbeddingStore.Row::text).toList());
		}
		catch (RuntimeException ex) {
			if (rows.size() == 1) {
				log.warn("Line {} of {} is not embedded (found by its words only): {}", rows.get(0).line(), repo,
						ex.toString());
				return Map.of();
			}
			Map<Long, byte[]> each = new HashMap<>();
			rows.forEach((row) -> each.putAll(embed(repo, model, List.of(row))));
			return each;
		}
		this.store.save(model, rows, fresh);
		Map<Long, byte[]> computed = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			computed.put(rows.get(i).line(), fresh.get(i));
		}
		return computed;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread worker = this.thread;
		if (worker != null) {
			worker.interrupt();
			try {
				worker.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}

package io.teamlearnings.learnings.semantic;

import java.util.List;

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
 * looks every {@code poll-interval} for rows of each repository's live index without an
 * embedding and embeds them, newest first, a batch at a time. It never holds a lock an
 * append or a read waits for; a row is found lexically until its embedding is stored.
 * Progress is logged and shown in {@code GET /api/repos}.
 */
@Component
class EmbeddingWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingWorker.class);

	private final Repositories repositories;

	private final EmbeddingStore store;

	private final TextEmbedder embedder;

	private final SemanticIndex index;

	private final SemanticProperties properties;

	private volatile boolean running;

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
	 * Embeds every row of {@code repo}'s live index that has no embedding yet.
	 * @return whether any was
	 */
	boolean catchUp(String repo) {
		Long generation = this.store.generation(repo);
		if (generation == null) {
			return false;
		}
		String model = this.embedder.modelId();
		List<EmbeddingStore.Pending> batch = this.store.pending(generation, model, this.properties.batchSize());
		if (batch.isEmpty()) {
			return false;
		}
		long total = this.store.pendingCount(generation, model);
		long start = System.nanoTime();
		long done = 0;
		log.info("Embedding {} rows of {} with {}", total, repo, model);
		while (!batch.isEmpty() && this.running) {
			this.store.save(model, batch,
					this.embedder.rows(batch.stream().map(EmbeddingStore.Pending::text).toList()));
			done += batch.size();
			this.index.changed(repo, generation, batch.size());
			if (done % 1000 < batch.size() && done < total) {
				log.info("Embedded {} of {} rows of {}", done, total, repo);
			}
			Long now = this.store.generation(repo);
			if (now == null || now.longValue() != generation.longValue()) {
				break;
			}
			batch = this.store.pending(generation, model, this.properties.batchSize());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		log.info("Embedded {} rows of {} in {} s ({} rows/s)", done, repo, Math.round(seconds * 10) / 10.0,
				Math.round(done / Math.max(seconds, 1e-3)));
		return true;
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

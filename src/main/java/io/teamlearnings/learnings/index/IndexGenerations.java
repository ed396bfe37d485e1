package io.teamlearnings.learnings.index;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The generations of each repository's index ({@code index_generation}, migration V9): a
 * rebuild writes its rows into a new generation, committed chunk by chunk and read by
 * nobody, while the live one keeps serving; {@link #makeLive} then switches the
 * repository over in the caller's transaction, and the rows of the generation it replaces
 * are deleted afterwards on a thread of their own, {@value #DELETE_CHUNK} rows per
 * transaction, so that neither step holds a transaction as large as the file. A
 * generation still {@code building} when no rebuild of its repository runs in this
 * process was left by a crash or a failed rebuild: {@link #abandoned} finds it.
 */
@Component
class IndexGenerations {

	private static final Logger log = LoggerFactory.getLogger(IndexGenerations.class);

	/** Rows deleted per transaction when a retired generation is dropped. */
	static final int DELETE_CHUNK = 2000;

	private final JdbcTemplate jdbc;

	private final ExecutorService deleter = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "index-generation-deleter");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean deletionQueued = new AtomicBoolean();

	/**
	 * Set when the context closes: deletion stops between chunks (never by interrupting
	 * H2 in the middle of a write).
	 */
	private volatile boolean stopping;

	IndexGenerations(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Starts a new generation of a repository's index, committed at once as
	 * {@code building}.
	 * @param repo the repository
	 * @return its number, unique across repositories
	 */
	long create(String repo) {
		Long generation = this.jdbc.queryForObject("SELECT NEXT VALUE FOR index_generation_seq", Long.class);
		if (generation == null) {
			throw new IllegalStateException("index_generation_seq gave no value");
		}
		this.jdbc.update("INSERT INTO index_generation (generation, repo, state, created_at) VALUES (?, ?, ?, ?)",
				generation, repo, "building", OffsetDateTime.now(ZoneOffset.UTC));
		return generation;
	}

	/**
	 * Marks {@code generation} live and the repository's previous live generation
	 * retired; run in the transaction that points {@code index_state} at it, so that
	 * readers see the one generation or the other.
	 * @param repo the repository
	 * @param generation a generation of it that is being built
	 */
	void makeLive(String repo, long generation) {
		this.jdbc.update("UPDATE index_generation SET state = 'retired' WHERE repo = ? AND state = 'live'", repo);
		this.jdbc.update("UPDATE index_generation SET state = 'live' WHERE generation = ?", generation);
	}

	/**
	 * Gives up a generation that will not become live (a rebuild that failed), so that
	 * its rows are deleted.
	 * @param generation the generation
	 */
	void retire(long generation) {
		this.jdbc.update("UPDATE index_generation SET state = 'retired' WHERE generation = ? AND state = 'building'",
				generation);
	}

	/**
	 * Generations of a repository left {@code building}: by a process that was killed in
	 * a rebuild, or by a rebuild that failed and could not retire its generation. Callers
	 * hold the repository's lock, so no rebuild of it is running.
	 * @param repo the repository
	 * @return the generations; empty almost always
	 */
	List<Long> abandoned(String repo) {
		return this.jdbc.queryForList(
				"SELECT generation FROM index_generation WHERE repo = ? AND state = 'building' ORDER BY generation",
				Long.class, repo);
	}

	/**
	 * Deletes the rows of every retired generation, in the background, a chunk per
	 * transaction; at most one deletion is queued at a time.
	 */
	void deleteRetiredLater() {
		if (this.deletionQueued.compareAndSet(false, true)) {
			this.deleter.execute(() -> {
				this.deletionQueued.set(false);
				try {
					deleteRetired();
				}
				catch (RuntimeException ex) {
					log.warn("Could not delete the rows of a replaced index generation; the next rebuild tries again",
							ex);
				}
			});
		}
	}

	/** Deletes the rows of every retired generation, a chunk per transaction. */
	void deleteRetired() {
		for (Long generation : this.jdbc.queryForList(
				"SELECT generation FROM index_generation WHERE state = 'retired' ORDER BY generation", Long.class)) {
			deleteChunked("DELETE FROM indexed_row WHERE generation = ? FETCH FIRST " + DELETE_CHUNK + " ROWS ONLY",
					generation);
			deleteChunked(
					"DELETE FROM indexed_malformed WHERE generation = ? FETCH FIRST " + DELETE_CHUNK + " ROWS ONLY",
					generation);
			if (this.stopping) {
				return;
			}
			this.jdbc.update("DELETE FROM index_generation WHERE generation = ?", generation);
		}
	}

	private void deleteChunked(String delete, long generation) {
		// each statement commits on its own (no transaction around it)
		int deleted;
		do {
			deleted = this.stopping ? 0 : this.jdbc.update(delete, generation);
		}
		while (deleted > 0);
	}

	@PreDestroy
	void stopDeleting() {
		this.stopping = true;
		this.deleter.shutdown();
	}

}

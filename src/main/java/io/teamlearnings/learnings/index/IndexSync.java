package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Keeps every repository's index in step with its canonical file, and owns the
 * per-repository lock under which files are written and indexes synced. Everything that
 * reads the index asks this service for a fresh repository first; everything that writes
 * a file does so under {@link #underLock}. A failed sync is remembered per repository
 * (shown as {@code failed} in {@code GET /api/repos}, described without SQL or stack
 * text) until the next sync succeeds. A read served while a repository's index is failed
 * says so: its answer carries an {@value #INDEX_FAILED_HEADER} header naming the
 * repository. Rows an append wrote and answered are indexed after the answer, by a
 * follower thread ({@link #followWrite}) or by whichever read or write of the repository
 * takes its lock first.
 */
@Service
public class IndexSync {

	private static final Logger log = LoggerFactory.getLogger(IndexSync.class);

	/**
	 * Header on an answer read from an index whose last sync failed, naming the
	 * repository (one header per repository).
	 */
	public static final String INDEX_FAILED_HEADER = "Index-Failed";

	private final Repositories repositories;

	private final LearningIndex index;

	private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	private final Map<String, String> syncErrors = new ConcurrentHashMap<>();

	private final Duration lockWait;

	/** Repositories whose index the follower is about to catch up. */
	private final Set<String> following = ConcurrentHashMap.newKeySet();

	private final ExecutorService follower = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "index-follower");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Set when the context closes: the follower starts no more syncs (one under way is
	 * never interrupted, which would close H2's file under it).
	 */
	private volatile boolean stopping;

	IndexSync(Repositories repositories, LearningIndex index, StoreProperties properties) {
		this.repositories = repositories;
		this.index = index;
		this.lockWait = properties.lockWait();
	}

	/**
	 * The repository named {@code name}, its index caught up with its file.
	 * @param name a configured repository
	 * @return the repository
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if none has that name
	 */
	public Repo fresh(String name) {
		Repo repo = this.repositories.require(name);
		ensureFresh(repo);
		return repo;
	}

	/**
	 * Catches the index of {@code repo} up with its file if the file changed since the
	 * last sync (one {@code stat} when it did not). Reads go on from the index as it is
	 * when the file cannot be read; the failure is logged and shown in the repository's
	 * state.
	 * @param repo the repository
	 */
	public void ensureFresh(Repo repo) {
		try {
			if (this.index.isCurrent(repo)) {
				return;
			}
		}
		catch (IOException ex) {
			this.syncErrors.put(repo.name(), describe(ex));
			markAnswer(repo);
			return;
		}
		ReentrantLock lock = lockOf(repo);
		lock.lock();
		try {
			if (!this.index.isCurrent(repo)) {
				this.index.sync(repo);
			}
			this.syncErrors.remove(repo.name());
		}
		catch (IOException | RuntimeException ex) {
			this.syncErrors.put(repo.name(), describe(ex));
			log.warn("Could not sync the index of {} with {}", repo.name(), repo.storeFile(), ex);
			markAnswer(repo);
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Marks the answer to the current request, if any, as read from the failed index of
	 * {@code repo}.
	 */
	private static void markAnswer(Repo repo) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				&& request.getResponse() != null && !request.getResponse().isCommitted()) {
			request.getResponse().addHeader(INDEX_FAILED_HEADER, repo.name());
		}
	}

	/**
	 * What a client is told about a failed sync: the kind of I/O failure, or that the
	 * index could not be updated; never SQL, paths or stack text (those go to the log).
	 */
	static String describe(Throwable failure) {
		if (failure instanceof IOException) {
			return "the file could not be read (" + failure.getClass().getSimpleName() + ")";
		}
		return "the index could not be updated; the file is unchanged (details are in the service log)";
	}

	/** Picks up changes made to any store without the service, between requests. */
	@Scheduled(fixedDelayString = "${learnings.store.poll-interval:2s}",
			initialDelayString = "${learnings.store.poll-interval:2s}")
	void syncAll() {
		this.repositories.all().forEach(this::ensureFresh);
	}

	/**
	 * Runs {@code work} under the repository's write locks (see {@link #lockedForWrite}),
	 * after catching its index up with the file.
	 * @param <T> what the work returns
	 * @param repo the repository
	 * @param work what to do; may write the file, then call {@link #afterWrite}
	 * @return what the work returned
	 * @throws StoreUnavailableException if the file cannot be read
	 * @throws StoreLockBusyException if another process held the store's lock for longer
	 * than {@code learnings.store.lock-wait}
	 */
	public <T> T underLock(Repo repo, Supplier<T> work) {
		try {
			return lockedForWrite(repo, () -> {
				catchUpForWrite(repo);
				return work.get();
			});
		}
		catch (IOException ex) {
			throw StoreUnavailableException.reading(repo.name(), ex);
		}
	}

	/**
	 * Runs {@code work} while holding the repository's lock, without syncing first.
	 * @param <T> what the work returns
	 * @param repo the repository
	 * @param work what to do
	 * @return what the work returned
	 * @throws IOException if the work failed to read or write
	 */
	public <T> T locked(Repo repo, IoWork<T> work) throws IOException {
		ReentrantLock lock = lockOf(repo);
		lock.lock();
		try {
			return work.run();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Runs {@code work} holding the repository's in-JVM lock and, inside it, the OS lock
	 * on the store's sibling lock file ({@code <store>.lock}, see {@link StoreLock}) that
	 * other service processes over the same file take too; without syncing first. Every
	 * append to a store runs under this, around its duplicate check and its write, and
	 * catches the index up with the file (which another process may have appended to)
	 * after taking it.
	 * @param <T> what the work returns
	 * @param repo the repository
	 * @param work what to do
	 * @return what the work returned
	 * @throws StoreLockBusyException if the OS lock stayed held for longer than
	 * {@code learnings.store.lock-wait}; the work did not run
	 * @throws IOException if the work failed to read or write, or the lock file cannot be
	 * created
	 */
	public <T> T lockedForWrite(Repo repo, IoWork<T> work) throws IOException {
		return locked(repo, () -> {
			try (StoreLock held = StoreLock.acquire(repo.storeFile(), this.lockWait)) {
				return work.run();
			}
		});
	}

	/**
	 * Work done under a repository's lock that may fail to read or write.
	 *
	 * @param <T> what the work returns
	 */
	@FunctionalInterface
	public interface IoWork<T> {

		/**
		 * Does the work.
		 * @return its result
		 * @throws IOException if reading or writing failed
		 */
		T run() throws IOException;

	}

	/**
	 * Indexes rows the caller, holding the lock, just wrote. A failure is logged and
	 * remembered, never thrown: the rows are on disk and the next sync indexes them.
	 * @param repo the repository written to
	 * @return whether the rows were indexed
	 */
	public boolean afterWrite(Repo repo) {
		try {
			this.index.sync(repo);
			this.syncErrors.remove(repo.name());
			return true;
		}
		catch (IOException | RuntimeException ex) {
			this.syncErrors.put(repo.name(), describe(ex));
			log.warn("Row written to {} but not indexed yet; the next sync indexes it", repo.storeFile(), ex);
			return false;
		}
	}

	/**
	 * Catches the index of {@code repo} up with its file soon, on the follower thread,
	 * under the lock, as {@link #ensureFresh} does: for rows a caller wrote and answered
	 * without indexing them. Returns at once; requests made while one is pending make one
	 * catch-up. A read ({@link #ensureFresh}) or a write decision
	 * ({@link #catchUpForWrite}) that takes the lock first indexes the rows itself, and
	 * the follower then finds the index current.
	 * @param repo the repository written to
	 */
	public void followWrite(Repo repo) {
		if (this.stopping || !this.following.add(repo.name())) {
			return;
		}
		try {
			this.follower.execute(() -> {
				// cleared first: a write after this point asks again and is not missed
				this.following.remove(repo.name());
				if (!this.stopping) {
					ensureFresh(repo);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// the context is closing: the next start's sync indexes the rows
			this.following.remove(repo.name());
		}
	}

	@PreDestroy
	void stopFollowing() throws InterruptedException {
		this.stopping = true;
		this.follower.shutdown();
		// a catch-up under way finishes before the database closes
		this.follower.awaitTermination(30, TimeUnit.SECONDS);
	}

	/**
	 * Catches the index up with the file before a write decision; callers hold the lock.
	 * @param repo the repository
	 * @throws StoreUnavailableException if the file cannot be read
	 */
	public void catchUpForWrite(Repo repo) {
		try {
			if (!this.index.isCurrent(repo)) {
				this.index.sync(repo);
			}
			this.syncErrors.remove(repo.name());
		}
		catch (IOException ex) {
			this.syncErrors.put(repo.name(), describe(ex));
			throw StoreUnavailableException.reading(repo.name(), ex);
		}
	}

	/**
	 * The last sync failure of a repository.
	 * @param repo the repository
	 * @return the failure, or null if its last sync succeeded
	 */
	@Nullable
	public String syncError(Repo repo) {
		return this.syncErrors.get(repo.name());
	}

	private ReentrantLock lockOf(Repo repo) {
		return this.locks.computeIfAbsent(repo.name(), (name) -> new ReentrantLock());
	}

}

package io.teamlearnings.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.teamlearnings.learnings.LearningsAppended;
import io.teamlearnings.repos.GitSyncSettings;
import io.teamlearnings.repos.GitSyncState;
import io.teamlearnings.repos.GitSyncStatus;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Runs git sync ({@link GitSync}) for every repository that has it enabled, on one daemon
 * thread: on its interval, about {@link #DEBOUNCE} after the last append of a burst, and
 * on request ({@code POST /api/repos/{repo}/sync}); never two syncs of one repository at
 * once. A failed sync is retried after 5 s, doubling with each failure in a row up to 10
 * minutes (appends do not bring a retry forward); appends go on meanwhile and their rows
 * are pushed by the first sync that succeeds. Keeps each repository's
 * {@link GitSyncState}. With {@code git.branch} blank, the branch checked out when a
 * repository's first sync ran is remembered and kept in step from then on.
 */
@Service
class GitSyncService implements GitSyncStatus {

	private static final Logger log = LoggerFactory.getLogger(GitSyncService.class);

	/** How long after an append its sync starts: a burst of appends makes one sync. */
	static final Duration DEBOUNCE = Duration.ofSeconds(2);

	static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	static final Duration MAX_RETRY = Duration.ofMinutes(10);

	private final Repositories repositories;

	private final GitSync engine;

	private final Clock clock;

	private final Map<String, RepoSync> syncs = new ConcurrentHashMap<>();

	private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (task) -> {
		Thread thread = new Thread(task, "git-sync");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean stopping;

	GitSyncService(Repositories repositories, GitSync engine, Clock clock) {
		this.repositories = repositories;
		this.engine = engine;
		this.clock = clock;
		this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.timer.setRemoveOnCancelPolicy(true);
		for (Repo repo : repositories.all()) {
			GitSyncSettings settings = repositories.git(repo);
			if (settings.enabled()) {
				this.syncs.put(repo.name(), new RepoSync(repo, settings));
			}
		}
	}

	/** One repository's sync: its settings, state and next run. */
	private static final class RepoSync {

		final Repo repo;

		final GitSyncSettings settings;

		final ReentrantLock running = new ReentrantLock();

		@Nullable
		ScheduledFuture<?> next;

		@Nullable
		volatile Instant nextAt;

		@Nullable
		volatile String branch;

		/**
		 * With {@code git.branch} blank, the branch checked out when sync first ran for
		 * the repository in this service: later syncs keep that branch in step and stop
		 * on another one.
		 */
		@Nullable
		volatile String remembered;

		@Nullable
		volatile Instant lastRun;

		@Nullable
		volatile Instant lastFetch;

		@Nullable
		volatile Instant lastPush;

		@Nullable
		volatile Integer ahead;

		@Nullable
		volatile Integer behind;

		volatile long received;

		volatile long sent;

		/** Rows committed by a sync and not yet known to be pushed. */
		volatile long unpushed;

		@Nullable
		volatile GitSyncState.SyncError error;

		volatile int failures;

		volatile List<String> warnings = List.of();

		RepoSync(Repo repo, GitSyncSettings settings) {
			this.repo = repo;
			this.settings = settings;
		}

	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.syncs.values().forEach((sync) -> schedule(sync, DEBOUNCE, false));
	}

	/** Schedules a sync of the repository appended to, unless one is due sooner. */
	@EventListener
	void appended(LearningsAppended event) {
		RepoSync sync = this.syncs.get(event.repo());
		if (sync != null && sync.failures == 0) {
			schedule(sync, DEBOUNCE, false);
		}
	}

	/**
	 * Schedules the next sync after {@code delay}; unless {@code replace}, a sync already
	 * due sooner stays as it is.
	 */
	private void schedule(RepoSync sync, Duration delay, boolean replace) {
		synchronized (sync) {
			if (this.stopping) {
				return;
			}
			Instant at = this.clock.instant().plus(delay);
			if (sync.next != null && !sync.next.isDone()) {
				if (!replace && sync.nextAt != null && !sync.nextAt.isAfter(at)) {
					return;
				}
				sync.next.cancel(false);
			}
			sync.nextAt = at;
			sync.next = this.timer.schedule(() -> runScheduled(sync), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void runScheduled(RepoSync sync) {
		synchronized (sync) {
			sync.next = null;
			sync.nextAt = null;
		}
		try {
			run(sync);
		}
		catch (GitFailure ex) {
			// recorded in the state and logged by run
		}
		catch (RuntimeException ex) {
			log.warn("Git sync of {} failed unexpectedly", sync.repo.name(), ex);
		}
	}

	/**
	 * Runs a sync of {@code repoName} now, waiting for one under way to finish first.
	 * @param repoName the repository
	 * @return its state after the sync
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if it is not served
	 * @throws GitSyncOffException if sync is not enabled for it
	 * @throws SyncFailedException if the sync failed or stopped
	 */
	GitSyncState syncNow(String repoName) {
		Repo repo = this.repositories.require(repoName);
		RepoSync sync = this.syncs.get(repo.name());
		if (sync == null) {
			throw new GitSyncOffException(repo.name());
		}
		try {
			run(sync);
		}
		catch (GitFailure ex) {
			throw new SyncFailedException(ex.kind(), ex.getMessage(), state(sync, sync.warnings));
		}
		return state(sync, sync.warnings);
	}

	private void run(RepoSync sync) throws GitFailure {
		sync.running.lock();
		GitSync.Tally tally = new GitSync.Tally();
		try {
			GitSync.Run run = this.engine.run(sync.repo, sync.settings, sync.remembered, tally);
			sync.warnings = run.warnings();
			sync.error = null;
			sync.failures = 0;
			if (run.ahead() == 0) {
				sync.sent += sync.unpushed + tally.committed;
				sync.unpushed = 0;
			}
			else {
				sync.unpushed += tally.committed;
			}
			// a sync that appends made due sooner (rows appended during this one) stays
			schedule(sync, sync.settings.interval(), false);
		}
		catch (GitFailure ex) {
			sync.unpushed += tally.committed;
			sync.error = new GitSyncState.SyncError(ex.kind().label(), ex.getMessage(), this.clock.instant());
			sync.failures++;
			Duration retry = retryAfter(sync.failures);
			log.warn("Git sync of {} failed ({}), retrying in {} s: {}", sync.repo.name(), ex.kind().label(),
					retry.toSeconds(), ex.getMessage());
			schedule(sync, retry, true);
			throw ex;
		}
		finally {
			sync.branch = (tally.branch != null) ? tally.branch : sync.branch;
			if (sync.settings.branch().isBlank() && sync.remembered == null) {
				sync.remembered = tally.branch;
			}
			// however the sync ended: counted from local refs, or unknown
			sync.ahead = tally.ahead;
			sync.behind = tally.behind;
			sync.lastFetch = (tally.fetchedAt != null) ? tally.fetchedAt : sync.lastFetch;
			sync.lastPush = (tally.pushedAt != null) ? tally.pushedAt : sync.lastPush;
			sync.received += tally.received;
			sync.lastRun = this.clock.instant();
			sync.running.unlock();
		}
	}

	/** 5 s after the first failure in a row, doubling, at most 10 minutes. */
	static Duration retryAfter(int failures) {
		long seconds = FIRST_RETRY.toSeconds() << Math.min(failures - 1, 20);
		return Duration.ofSeconds(Math.min(seconds, MAX_RETRY.toSeconds()));
	}

	@Override
	public GitSyncState of(Repo repo) {
		RepoSync sync = this.syncs.get(repo.name());
		if (sync == null) {
			GitSyncSettings settings = this.repositories.git(repo);
			return new GitSyncState(false, settings.remote(), settings.branch().isBlank() ? null : settings.branch(),
					"off", null, null, null, null, null, 0, 0, null, 0, null, List.of());
		}
		return state(sync, sync.warnings);
	}

	/**
	 * The state of a repository, its warnings checked now.
	 * @param repoName the repository
	 * @return its state
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if it is not served
	 */
	GitSyncState stateNow(String repoName) {
		Repo repo = this.repositories.require(repoName);
		GitSyncState state = of(repo);
		List<String> warnings = this.engine.warnings(repo);
		return new GitSyncState(state.enabled(), state.remote(), state.branch(), state.state(), state.lastRun(),
				state.lastFetch(), state.lastPush(), state.ahead(), state.behind(), state.rowsReceived(),
				state.rowsSent(), state.lastError(), state.failures(), state.nextAttempt(), warnings);
	}

	private static GitSyncState state(RepoSync sync, List<String> warnings) {
		GitSyncState.SyncError error = sync.error;
		String state = (error != null)
				? (error.kind().equals("remote") || error.kind().equals("git") ? "failed" : "stopped")
				: (sync.lastRun == null) ? "pending" : "ok";
		String branch = (sync.branch != null) ? sync.branch
				: sync.settings.branch().isBlank() ? null : sync.settings.branch();
		return new GitSyncState(true, sync.settings.remote(), branch, state, sync.lastRun, sync.lastFetch,
				sync.lastPush, sync.ahead, sync.behind, sync.received, sync.sent, error, sync.failures, sync.nextAt,
				warnings);
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.stopping = true;
		this.timer.shutdown();
		// a sync under way finishes its git command (each has a time limit)
		this.timer.awaitTermination(30, TimeUnit.SECONDS);
	}

}

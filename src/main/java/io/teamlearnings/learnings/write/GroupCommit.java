package io.teamlearnings.learnings.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.teamlearnings.learnings.LearningsAppended;
import io.teamlearnings.learnings.index.AckJournal;
import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.learnings.index.LearningView;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.index.StoreLockBusyException;
import io.teamlearnings.learnings.index.StoreUnavailableException;
import io.teamlearnings.learnings.jsonl.LearningLog;
import io.teamlearnings.repos.Repo;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Commits appends to a repository's file in groups, so that many callers share one write,
 * one {@code fdatasync} and one decision pass. What is serial and what is not:
 * <ul>
 * <li>Before any lock, on each caller's thread: the draft is prepared
 * ({@link WriteDecision#prepare}: its duplicate key, its row's context, its analysed
 * terms, for the decision and for the index) and queued.</li>
 * <li>Serial, under the repository's write locks ({@link IndexSync#lockedForWrite}: its
 * in-JVM lock and the OS lock on the store's lock file, which other service processes
 * take too): one caller at a time, the one with the turn ({@link Waiting}), takes them
 * and commits every draft waiting, its own among them. It catches the index up with the
 * file (rows other processes appended, and earlier batches the index has not followed
 * yet), decides each draft in arrival order ({@link WriteDecision}), writes the accepted
 * rows with one write and one {@code fdatasync}, and journals them as acknowledged
 * ({@link AckJournal}: one more write and {@code fdatasync}); then it lets go of the
 * locks and hands the turn on.</li>
 * <li>After that, off the locks: the committing caller completes every outcome, each
 * caller builds its answer from its own on its own thread, and the new rows are indexed
 * by the index follower ({@link IndexSync#followWrite}), or by the next read or write of
 * the repository if it takes the lock first (under the lock, as every sync). Reads catch
 * the index up with the file before they answer, so a row is found as soon as its append
 * is answered.</li>
 * </ul>
 * No caller is answered before its row is on disk and journaled, and no answer waits for
 * the index. A caller whose draft another caller committed takes no lock at all: it is
 * woken by its outcome. A caller whose lock wait runs out is answered 503 and its draft
 * is never written; the turn passes to the next caller waiting.
 */
@Component
class GroupCommit {

	private final IndexSync sync;

	private final LearningIndex index;

	private final WriteDecision decision;

	private final LearningViews views;

	private final AckJournal journal;

	private final ApplicationEventPublisher events;

	private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

	GroupCommit(IndexSync sync, LearningIndex index, WriteDecision decision, LearningViews views, AckJournal journal,
			ApplicationEventPublisher events) {
		this.events = events;
		this.sync = sync;
		this.journal = journal;
		this.index = index;
		this.decision = decision;
		this.views = views;
	}

	/**
	 * An append waiting to be committed: where its outcome goes, and its turn to commit
	 * the appends waiting, if it is handed one before another caller commits it.
	 */
	private record Pending(WriteDecision.Prepared draft, boolean force, boolean targetInPath,
			CompletableFuture<Committed> result, CompletableFuture<Void> turn) {
	}

	/**
	 * The appends waiting for one repository, in arrival order, and whether one of their
	 * callers has the turn to commit them. The turn passes from caller to caller: the
	 * caller that has it commits every append waiting, then hands it to the first append
	 * that arrived meanwhile, or gives it up if none did. Callers whose appends are
	 * committed wake as soon as their outcome is complete, without waiting for any lock.
	 */
	private static final class Waiting {

		private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean taken = new AtomicBoolean();

		/** Queues an append; it has the turn at once if nobody else has it. */
		void add(Pending pending) {
			this.queue.add(pending);
			if (this.taken.compareAndSet(false, true)) {
				pending.turn().complete(null);
			}
		}

		/** Every append waiting, taken off the queue to be committed. */
		List<Pending> drain() {
			List<Pending> batch = new ArrayList<>();
			for (Pending next = this.queue.poll(); next != null; next = this.queue.poll()) {
				batch.add(next);
			}
			return batch;
		}

		/** Takes back an append that could not be committed, if still queued. */
		boolean remove(Pending pending) {
			return this.queue.remove(pending);
		}

		/**
		 * Hands the turn on to the first append waiting, or gives it up; an append queued
		 * while it is given up takes it itself or is handed it here.
		 */
		void handOn() {
			for (;;) {
				Pending next = this.queue.peek();
				if (next != null) {
					next.turn().complete(null);
					return;
				}
				this.taken.set(false);
				if (this.queue.isEmpty() || !this.taken.compareAndSet(false, true)) {
					return;
				}
			}
		}

	}

	/** What was decided for one waiting append. */
	private record Decided(Pending pending, WriteDecision.Decision decision) {
	}

	/**
	 * What a commit did for one append: its decision, and the row the decision names if
	 * the same batch wrote it (the append's own row, or the earlier row of the batch it
	 * duplicates); null for a row that was in the index before the batch.
	 */
	private record Committed(WriteDecision.Decision decision, @Nullable Written row) {
	}

	/** A row written by a batch: its line number and its line, without newline. */
	private record Written(long line, String text) {
	}

	/**
	 * Appends one row, committed together with whatever other appends to the same
	 * repository are waiting.
	 * @param repo the repository
	 * @param draft the row
	 * @param force write even if a near-duplicate exists
	 * @param targetInPath whether a superseded id came from the request path
	 * @return the answer: appended, or a duplicate-skip naming the existing row
	 */
	AppendResult append(Repo repo, Draft draft, boolean force, boolean targetInPath) {
		Pending mine = new Pending(this.decision.prepare(repo, draft), force, targetInPath, new CompletableFuture<>(),
				new CompletableFuture<>());
		Waiting appends = this.waiting.computeIfAbsent(repo.name(), (name) -> new Waiting());
		appends.add(mine);
		try {
			CompletableFuture.anyOf(mine.result(), mine.turn()).join();
		}
		catch (CompletionException ex) {
			// the outcome failed: outcome(mine) throws what it failed with
		}
		if (!mine.result().isDone()) {
			commitWaiting(repo, appends, mine);
		}
		return answer(repo, outcome(mine));
	}

	/**
	 * Commits every append waiting, {@code mine} among them, under the repository's write
	 * locks, then hands the turn on; the index follows the rows written.
	 */
	private void commitWaiting(Repo repo, Waiting appends, Pending mine) {
		List<Pending> taken = new ArrayList<>();
		List<Committing> done = new ArrayList<>(1);
		try {
			this.sync.lockedForWrite(repo, () -> {
				taken.addAll(appends.drain());
				done.add(commit(repo, taken));
				return null;
			});
		}
		catch (IOException | StoreLockBusyException ex) {
			// the caller is told nothing was written: take the draft back, unless it was
			// committed before the lock failed to be released (then its answer is the
			// truth)
			if (appends.remove(mine)) {
				throw (ex instanceof IOException io) ? StoreUnavailableException.writing(repo.name(), io)
						: (StoreLockBusyException) ex;
			}
		}
		finally {
			appends.handOn();
			// off the locks: waking the callers costs the next batch nothing
			done.forEach(Committing::complete);
			taken.forEach((pending) -> pending.result()
				.completeExceptionally(new IllegalStateException("The append was not decided")));
			if (done.stream().anyMatch(Committing::wrote)) {
				this.sync.followWrite(repo);
			}
		}
	}

	private static Committed outcome(Pending pending) {
		try {
			return pending.result().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * The answer to one append, built on its caller's thread: a row the batch wrote is
	 * viewed from its line as written, which needs no index; a row that was in the index
	 * before the batch, from the index.
	 */
	private AppendResult answer(Repo repo, Committed committed) {
		WriteDecision.Decision decision = committed.decision();
		Written row = committed.row();
		LearningView view = (row != null) ? this.views.appended(repo.name(), row.line(), row.text())
				: this.views.require(repo.name(), decision.id());
		return new AppendResult(decision.outcome(), decision.proof(), decision.id(), repo.storeFile().toString(),
				decision.similarity(), view, null, List.of());
	}

	/**
	 * What one commit did.
	 *
	 * @param outcomes the outcome of each append decided and, if it was accepted, written
	 * and journaled; the other appends of the batch are already completed with what
	 * failed
	 * @param wrote whether rows were (or may have been) written, for the index to follow
	 */
	private record Committing(Map<Pending, Committed> outcomes, boolean wrote) {

		/** Completes the appends decided with their outcomes. */
		void complete() {
			this.outcomes.forEach((pending, outcome) -> pending.result().complete(outcome));
		}

	}

	/**
	 * Decides and writes a batch of appends, forced to disk and journaled, without
	 * indexing the rows; callers hold the repository's write locks and complete the
	 * appends ({@link Committing#complete}) once they have let go of them. An append
	 * whose decision failed, or every append if the write failed, is completed here with
	 * the failure.
	 */
	private Committing commit(Repo repo, List<Pending> batch) {
		Map<Pending, Committed> outcomes = new LinkedHashMap<>();
		boolean writing = false;
		try {
			this.sync.catchUpForWrite(repo);
			WriteDecision.Batch decided = new WriteDecision.Batch(repo);
			List<Decided> answers = new ArrayList<>();
			for (Pending pending : batch) {
				try {
					answers.add(new Decided(pending,
							this.decision.decide(decided, pending.draft(), pending.force(), pending.targetInPath())));
				}
				catch (RuntimeException ex) {
					pending.result().completeExceptionally(ex);
				}
			}
			Map<String, Written> written = new HashMap<>();
			if (!decided.accepted().isEmpty()) {
				long line = firstNewLine(repo);
				List<String> lines = new ArrayList<>();
				for (WriteDecision.Accepted accepted : decided.accepted()) {
					String text = accepted.row().toLine();
					written.put(accepted.id(), new Written(line++, text));
					lines.add(text);
				}
				writing = true;
				write(repo, lines);
			}
			for (Decided answer : answers) {
				outcomes.put(answer.pending(), new Committed(answer.decision(), written.get(answer.decision().id())));
			}
		}
		catch (RuntimeException ex) {
			outcomes.clear();
			batch.forEach((pending) -> pending.result().completeExceptionally(ex));
		}
		return new Committing(outcomes, writing);
	}

	/**
	 * Appends complete lines as given, in one write forced to disk, records them in the
	 * repository's journal of acknowledged rows ({@link AckJournal}, one more write and
	 * {@code fdatasync}), then indexes them. Callers hold the repository's write locks
	 * ({@link IndexSync#lockedForWrite}) and answer only after this returns.
	 * @throws StoreUnavailableException if the file or the journal cannot be written (if
	 * only the journal failed, the rows are in the file but not protected by the journal)
	 */
	void appendLines(Repo repo, List<String> lines) {
		write(repo, lines);
		this.sync.afterWrite(repo);
	}

	/**
	 * Appends lines in one write forced to disk and journals them, forced too; does not
	 * index them.
	 * @throws StoreUnavailableException as {@link #appendLines} does
	 */
	private void write(Repo repo, List<String> lines) {
		try {
			LearningLog.append(repo.storeFile(), lines.toArray(String[]::new));
			this.journal.record(repo, lines);
			this.events.publishEvent(new LearningsAppended(repo.name(), lines.size()));
		}
		catch (IOException ex) {
			throw StoreUnavailableException.writing(repo.name(), ex);
		}
	}

	private long firstNewLine(Repo repo) {
		try {
			return this.index.nextLine(repo);
		}
		catch (IOException ex) {
			throw StoreUnavailableException.reading(repo.name(), ex);
		}
	}

}

package io.teamlearnings.learnings.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.teamlearnings.learnings.index.AckJournal;
import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.learnings.index.LearningView;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.index.StoreLockBusyException;
import io.teamlearnings.learnings.index.StoreUnavailableException;
import io.teamlearnings.learnings.jsonl.LearningLog;
import io.teamlearnings.repos.Repo;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Commits appends to a repository's file in groups, so that many callers share one write,
 * one {@code fdatasync} and one decision pass. What is serial and what is not:
 * <ul>
 * <li>Before any lock, on each caller's thread: the draft is prepared
 * ({@link WriteDecision#prepare}: its duplicate key and its analysed terms) and
 * queued.</li>
 * <li>Serial, under the repository's write locks ({@link IndexSync#lockedForWrite}: its
 * in-JVM lock and the OS lock on the store's lock file, which other service processes
 * take too): the first caller to take them commits every draft waiting. It catches the
 * index up with the file (rows other processes appended, and earlier batches the index
 * has not followed yet), decides each draft in arrival order ({@link WriteDecision}),
 * writes the accepted rows with one write and one {@code fdatasync}, journals them as
 * acknowledged ({@link AckJournal}: one more write and {@code fdatasync}), and completes
 * every caller's outcome.</li>
 * <li>After that, off the locks: each caller builds its answer from its outcome on its
 * own thread, and the new rows are indexed by the index follower
 * ({@link IndexSync#followWrite}), or by the next read or write of the repository if it
 * takes the lock first. Reads catch the index up with the file before they answer, so a
 * row is found as soon as its append is answered.</li>
 * </ul>
 * No caller is answered before its row is on disk and journaled, and no answer waits for
 * the index. A caller whose draft another caller committed meanwhile never takes the OS
 * lock; a caller whose lock wait runs out is answered 503 and its draft is never written.
 */
@Component
class GroupCommit {

	private final IndexSync sync;

	private final LearningIndex index;

	private final WriteDecision decision;

	private final LearningViews views;

	private final AckJournal journal;

	private final Map<String, Queue<Pending>> queues = new ConcurrentHashMap<>();

	GroupCommit(IndexSync sync, LearningIndex index, WriteDecision decision, LearningViews views, AckJournal journal) {
		this.sync = sync;
		this.journal = journal;
		this.index = index;
		this.decision = decision;
		this.views = views;
	}

	/** An append waiting to be committed, and where its outcome goes. */
	private record Pending(WriteDecision.Prepared draft, boolean force, boolean targetInPath,
			CompletableFuture<Committed> result) {
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
		Pending mine = new Pending(this.decision.prepare(draft), force, targetInPath, new CompletableFuture<>());
		Queue<Pending> queue = this.queues.computeIfAbsent(repo.name(), (name) -> new ConcurrentLinkedQueue<>());
		queue.add(mine);
		boolean wrote = false;
		try {
			// the in-JVM lock first: a caller whose draft was committed while it waited
			// leaves without taking the OS lock
			wrote = this.sync.locked(repo,
					() -> !mine.result().isDone() && this.sync.lockedForWrite(repo, () -> commit(repo, drain(queue))));
		}
		catch (IOException | StoreLockBusyException ex) {
			// the caller is told nothing was written: take the draft back, unless another
			// caller already took it into its batch (then its answer is the truth)
			if (queue.remove(mine)) {
				throw (ex instanceof IOException io) ? StoreUnavailableException.writing(repo.name(), io)
						: (StoreLockBusyException) ex;
			}
		}
		finally {
			if (wrote) {
				this.sync.followWrite(repo);
			}
		}
		return answer(repo, outcome(mine));
	}

	private static List<Pending> drain(Queue<Pending> queue) {
		List<Pending> batch = new ArrayList<>();
		for (Pending next = queue.poll(); next != null; next = queue.poll()) {
			batch.add(next);
		}
		return batch;
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
	 * Decides and writes a batch of appends and completes every one of them, without
	 * indexing the rows. Callers hold the repository's write locks.
	 * @return whether rows were (or may have been) written, for the index to follow
	 */
	private boolean commit(Repo repo, List<Pending> batch) {
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
				answer.pending()
					.result()
					.complete(new Committed(answer.decision(), written.get(answer.decision().id())));
			}
		}
		catch (RuntimeException ex) {
			batch.forEach((pending) -> pending.result().completeExceptionally(ex));
		}
		finally {
			batch.forEach((pending) -> pending.result()
				.completeExceptionally(new IllegalStateException("The append was not decided")));
		}
		return writing;
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

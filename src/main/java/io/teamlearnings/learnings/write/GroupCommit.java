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

import org.springframework.stereotype.Component;

/**
 * Commits appends to a repository's file in groups: each caller prepares its draft
 * ({@link WriteDecision#prepare}: its duplicate key and analysed terms) before it queues,
 * then the first caller to take the repository's lock decides every waiting draft in
 * arrival order, writes the accepted rows with one write and one {@code fdatasync},
 * journals them as acknowledged ({@link AckJournal}: one more write and
 * {@code fdatasync}), indexes them in one transaction, and answers each caller. No caller
 * is answered before its row is on disk. The first caller decides and writes holding both
 * the repository's in-JVM lock and the OS lock on the store's lock file
 * ({@link IndexSync#lockedForWrite}), after catching the index up with rows other
 * processes appended; a caller whose lock wait runs out is answered 503 and its draft is
 * never written.
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

	/** An append waiting to be committed, prepared, and where its answer goes. */
	private record Pending(WriteDecision.Prepared draft, boolean force, boolean targetInPath,
			CompletableFuture<AppendResult> result) {
	}

	/** What was decided for one waiting append. */
	private record Decided(Pending pending, WriteDecision.Decision decision) {
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
		// what depends on the draft alone is worked out before the lock, on this thread
		Pending mine = new Pending(this.decision.prepare(draft), force, targetInPath, new CompletableFuture<>());
		Queue<Pending> queue = this.queues.computeIfAbsent(repo.name(), (name) -> new ConcurrentLinkedQueue<>());
		queue.add(mine);
		try {
			this.sync.lockedForWrite(repo, () -> {
				if (!mine.result().isDone()) {
					List<Pending> batch = new ArrayList<>();
					for (Pending next = queue.poll(); next != null; next = queue.poll()) {
						batch.add(next);
					}
					commit(repo, batch);
				}
				return null;
			});
		}
		catch (IOException | StoreLockBusyException ex) {
			// the caller is told nothing was written: take the draft back, unless another
			// caller already took it into its batch (then its answer is the truth)
			if (queue.remove(mine)) {
				throw (ex instanceof IOException io) ? StoreUnavailableException.writing(repo.name(), io)
						: (StoreLockBusyException) ex;
			}
		}
		try {
			return mine.result().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** Decides, writes and indexes a batch of appends; completes every one of them. */
	private void commit(Repo repo, List<Pending> batch) {
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
			Map<String, Long> newLines = new HashMap<>();
			Map<String, String> written = new HashMap<>();
			if (!decided.accepted().isEmpty()) {
				long line = firstNewLine(repo);
				List<String> lines = new ArrayList<>();
				for (WriteDecision.Accepted accepted : decided.accepted()) {
					String text = accepted.row().toLine();
					newLines.put(accepted.id(), line++);
					written.put(accepted.id(), text);
					lines.add(text);
				}
				appendLines(repo, lines);
			}
			for (Decided answer : answers) {
				WriteDecision.Decision decision = answer.decision();
				String text = written.get(decision.id());
				LearningView view = (text != null) ? this.views.appended(repo.name(), newLines.get(decision.id()), text)
						: this.views.require(repo.name(), decision.id());
				answer.pending()
					.result()
					.complete(new AppendResult(decision.outcome(), decision.proof(), decision.id(),
							repo.storeFile().toString(), decision.similarity(), view, null, List.of()));
			}
		}
		catch (RuntimeException ex) {
			batch.forEach((pending) -> pending.result().completeExceptionally(ex));
		}
		finally {
			batch.forEach((pending) -> pending.result()
				.completeExceptionally(new IllegalStateException("The append was not decided")));
		}
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
		try {
			LearningLog.append(repo.storeFile(), lines.toArray(String[]::new));
			this.journal.record(repo, lines);
		}
		catch (IOException ex) {
			throw StoreUnavailableException.writing(repo.name(), ex);
		}
		this.sync.afterWrite(repo);
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

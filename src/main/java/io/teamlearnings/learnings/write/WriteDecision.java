package io.teamlearnings.learnings.write;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.teamlearnings.learnings.analysis.TermVector;
import io.teamlearnings.learnings.analysis.TermsAhead;
import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.learnings.index.LearningNotFoundException;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.recall.NearDuplicates;
import io.teamlearnings.repos.Repo;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides whether a draft is written: an exact duplicate (same fingerprint, or the same
 * status and the same learning once NFC-normalised, whitespace-collapsed and case-folded)
 * of a row in the index or earlier in the same batch is skipped, even when forced, so is
 * a near-duplicate of a row with the same status unless forced; a row may only supersede
 * the head of its chain.
 * <p>
 * In two steps, so that only the comparison is serial. {@link #prepare} works out what
 * depends on the draft alone on the caller's thread, holding no lock: its duplicate key,
 * the context its row is written with (git is read there), and the analysed terms of its
 * texts, the costly part, for the near-duplicate checks and for the index
 * ({@link TermsAhead}). {@link #decide} compares the prepared draft with the index
 * (fingerprint and duplicate-key lookups, the near-duplicate search over the recall
 * corpus, the supersession checks) and with the drafts accepted before it in the batch,
 * and builds the row with its id and capture time; it is serial: the caller holds the
 * repository's write lock with the index caught up, so that two appends of one rule never
 * both pass.
 */
@Component
class WriteDecision {

	private final LearningIndex index;

	private final NearDuplicates nearDuplicates;

	private final TermsAhead ahead;

	private final Clock clock;

	WriteDecision(LearningIndex index, NearDuplicates nearDuplicates, TermsAhead ahead, Clock clock) {
		this.index = index;
		this.nearDuplicates = nearDuplicates;
		this.ahead = ahead;
		this.clock = clock;
	}

	/**
	 * What was decided for one draft.
	 *
	 * @param outcome {@link AppendResult#APPENDED} or {@link AppendResult#DUPLICATE_SKIP}
	 * @param proof the proof line
	 * @param id the new row's id, or the existing row's
	 * @param similarity for a near-duplicate, its similarity
	 */
	record Decision(String outcome, String proof, String id, @Nullable Double similarity) {
	}

	/**
	 * What deciding a draft needs that depends on the draft alone, worked out by
	 * {@link #prepare} on the caller's thread before any lock is taken.
	 *
	 * @param draft the draft
	 * @param duplicateKey its exact-duplicate key: status and learning NFC-normalised,
	 * whitespace-collapsed and case-folded ({@link CanonicalFormat#duplicateKey}; field
	 * report case D), while the fingerprint written stays the learnings tool's
	 * @param terms its learning's analysed terms, for the near-duplicate checks
	 * @param context the context its row is written with: the draft's repository and
	 * branch, else the git work tree's, read when the draft is prepared
	 */
	record Prepared(Draft draft, String duplicateKey, NearDuplicates.Terms terms, LearningRecord.Context context) {
	}

	/**
	 * A row accepted in a batch, not yet written.
	 *
	 * @param id the new row's id
	 * @param prepared its draft as prepared
	 * @param row the row to write
	 */
	record Accepted(String id, Prepared prepared, LearningRecord row) {

		Draft draft() {
			return this.prepared.draft();
		}

	}

	/** The drafts of one group commit as decided so far, in arrival order. */
	static final class Batch {

		private final Repo repo;

		private final List<Accepted> accepted = new ArrayList<>();

		private final Map<String, Accepted> acceptedById = new HashMap<>();

		private final Map<String, String> idsByFingerprint = new HashMap<>();

		private final Map<String, String> idsByDuplicateKey = new HashMap<>();

		private final Map<String, String> supersededBy = new HashMap<>();

		Batch(Repo repo) {
			this.repo = repo;
		}

		List<Accepted> accepted() {
			return this.accepted;
		}

		@Nullable
		Accepted accepted(String id) {
			return this.acceptedById.get(id);
		}

		private void accept(Accepted row) {
			this.accepted.add(row);
			this.acceptedById.put(row.id(), row);
			this.idsByFingerprint.put(row.draft().fingerprint(), row.id());
			this.idsByDuplicateKey.putIfAbsent(row.prepared().duplicateKey(), row.id());
			if (row.draft().supersedesId() != null) {
				this.supersededBy.put(row.draft().supersedesId(), row.id());
			}
		}

	}

	/**
	 * Works out what deciding {@code draft} needs from the draft alone: its duplicate
	 * key, its analysed terms and the context its row is written with (git is read here
	 * when the draft has no repository or branch of its own). Takes no lock; callers
	 * prepare before they queue. The texts the index analyses when it takes the row are
	 * analysed here, once ({@link TermsAhead}): the learning's terms serve both.
	 * @param repo the repository the draft is for
	 * @param draft the draft
	 * @return the draft, prepared
	 */
	Prepared prepare(Repo repo, Draft draft) {
		LearningRecord.Context context = LearningRecord.contextOf(draft, repo.root());
		String[] texts = TermVector.texts(draft.learning(), draft.application(), draft.evidence(), context.repo(),
				context.branch(), context.paths(), draft.tags());
		for (TermVector.Field field : TermVector.Field.ALL) {
			if (field != TermVector.Field.LEARNING) {
				this.ahead.analyse(texts[field.ordinal()]);
			}
		}
		List<String> learning = this.ahead.analyse(texts[TermVector.Field.LEARNING.ordinal()]);
		return new Prepared(draft, CanonicalFormat.duplicateKey(draft.status(), draft.learning()),
				NearDuplicates.Terms.of(learning), context);
	}

	/**
	 * Decides a prepared draft against the index and the drafts accepted before it in
	 * {@code batch}; an accepted draft joins the batch. The caller holds the repository's
	 * write lock with the index caught up.
	 * @param targetInPath whether the superseded id came from the request path (an
	 * unknown one is then a 404, not a 400)
	 * @throws AlreadySupersededException if the draft supersedes a row that is not the
	 * head of its chain, or withdraws a withdrawal
	 */
	Decision decide(Batch batch, Prepared prepared, boolean force, boolean targetInPath) {
		Repo repo = batch.repo;
		Draft draft = prepared.draft();
		String path = repo.storeFile().toString();
		if (draft.supersedesId() != null) {
			String supersededInBatch = batch.supersededBy.get(draft.supersedesId());
			if (supersededInBatch != null) {
				throw AlreadySupersededException.of(repo.name(), draft.supersedesId(), supersededInBatch);
			}
			checkSupersedable(repo, draft.supersedesId(), targetInPath);
			if (CanonicalFormat.WITHDRAWN.equals(draft.status())
					&& this.index.isWithdrawal(repo.name(), draft.supersedesId())) {
				throw AlreadySupersededException.withdrawal(repo.name(), draft.supersedesId());
			}
		}
		String existing = batch.idsByFingerprint.get(draft.fingerprint());
		if (existing == null) {
			existing = this.index.idByFingerprint(repo.name(), draft.fingerprint());
		}
		if (existing == null) {
			existing = batch.idsByDuplicateKey.get(prepared.duplicateKey());
			if (existing == null) {
				existing = this.index.idByDuplicateKey(repo.name(), prepared.duplicateKey());
			}
		}
		if (existing != null) {
			return new Decision(AppendResult.DUPLICATE_SKIP,
					"duplicate-skip: fingerprint=" + draft.fingerprint() + " existing_id=" + existing + " path=" + path,
					existing, null);
		}
		NearDuplicates.Match near = null;
		if (!force) {
			near = nearestInBatch(batch, draft, prepared.terms().signature());
			if (near == null) {
				near = this.nearDuplicates.find(repo, draft.status(), prepared.terms(), draft.supersedesId());
			}
		}
		if (near != null) {
			return new Decision(AppendResult.DUPLICATE_SKIP,
					"duplicate-skip: near-duplicate similarity=" + String.format(Locale.ROOT, "%.2f", near.similarity())
							+ " existing_id=" + near.id() + " path=" + path + " (append with force=true to keep both)",
					near.id(), near.similarity());
		}
		String capturedAt = CanonicalFormat.capturedAt(this.clock.instant());
		String id = CanonicalFormat.id(capturedAt, draft.fingerprint());
		batch.accept(new Accepted(id, prepared, LearningRecord.of(draft, id, capturedAt, prepared.context())));
		return new Decision(AppendResult.APPENDED, "appended: id=" + id + " status=" + draft.status() + " path=" + path,
				id, null);
	}

	/** The most similar row accepted earlier in the batch, if near enough. */
	@Nullable
	private NearDuplicates.Match nearestInBatch(Batch batch, Draft draft, int[] terms) {
		NearDuplicates.Match best = null;
		for (Accepted other : batch.accepted) {
			if (!other.draft().status().equals(draft.status()) || other.id().equals(draft.supersedesId())) {
				continue;
			}
			NearDuplicates.Match match = this.nearDuplicates.match(other.id(), terms,
					other.prepared().terms().signature());
			if (match != null && (best == null || match.similarity() > best.similarity())) {
				best = match;
			}
		}
		return best;
	}

	/**
	 * Only an existing row that nothing supersedes yet (the head of its chain) can be
	 * superseded.
	 */
	private void checkSupersedable(Repo repo, String id, boolean targetInPath) {
		if (!this.index.containsId(repo.name(), id)) {
			throw targetInPath ? LearningNotFoundException.forId(repo.name(), id)
					: InvalidLearningException.unknownSupersededRow(id, repo.name());
		}
		String head = this.index.headOf(repo.name(), id);
		if (!head.equals(id)) {
			throw AlreadySupersededException.of(repo.name(), id, head);
		}
	}

}

package io.teamlearnings.learnings.write;

import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.quality.QualityGate;
import io.teamlearnings.learnings.quality.QualityMode;
import io.teamlearnings.learnings.quality.QualityVerdict;
import io.teamlearnings.repos.Repo;

import org.springframework.lang.Nullable;

/**
 * A row to append, normalised as the {@code learnings} tool normalises its arguments
 * ({@code append_learning.zig}): status and tags as labels, a missing status
 * {@code review_later}, whitespace collapsed in the learning, evidence and application,
 * empty evidence items dropped, related ids split on commas; the fingerprint computed.
 * Built only through the factories, which refuse what the store never writes.
 */
record Draft(String status, String learning, List<String> evidence, String application, String source,
		@Nullable String contextRepo, @Nullable String branch, List<String> paths, List<String> tags,
		List<String> relatedIds, @Nullable String supersedesId, String fingerprint) {

	/**
	 * The draft of an append or supersede request. In best-effort mode, as in the tool,
	 * no evidence becomes {@code ["none_provided"]} and no application
	 * {@code capture_follow_up_later}; in strict mode they stay empty for the quality
	 * gate to refuse.
	 * @throws InvalidLearningException for control characters or an unpaired surrogate
	 * (text that is not Unicode), a learning that is empty once normalised, or the status
	 * {@code withdrawn} (written only by a withdrawal)
	 */
	static Draft of(AppendRequest request, String source, @Nullable String supersedesId, QualityMode mode) {
		// every text that reaches the file, each refused under its own name
		orEmpty(request.tags()).forEach((tag) -> rejectControlCharacters("tags", tag));
		orEmpty(request.relatedIds()).forEach((id) -> rejectControlCharacters("related_ids", id));
		rejectControlCharacters("source", source);
		rejectControlCharacters("supersedes_id", supersedesId);
		if (request.context() != null) {
			orEmpty(request.context().paths()).forEach((path) -> rejectControlCharacters("context.paths", path));
			rejectControlCharacters("context.repo", request.context().repo());
			rejectControlCharacters("context.branch", request.context().branch());
		}
		String status = CanonicalFormat.normalizeStatus(request.status());
		if (CanonicalFormat.WITHDRAWN.equals(status)) {
			throw InvalidLearningException.reservedStatus(status);
		}
		String learning = normalized("learning", request.learning());
		if (learning.isEmpty()) {
			throw InvalidLearningException.blankAfterNormalising("learning");
		}
		List<String> evidence = new ArrayList<>();
		for (String item : orEmpty(request.evidence())) {
			String normalized = normalized("evidence", item);
			if (!normalized.isEmpty()) {
				evidence.add(normalized);
			}
		}
		String application = normalized("application", (request.application() != null) ? request.application() : "");
		if (mode == QualityMode.BEST_EFFORT && evidence.isEmpty()) {
			evidence.add(QualityGate.NO_EVIDENCE_PLACEHOLDER);
		}
		if (mode == QualityMode.BEST_EFFORT && application.isEmpty()) {
			application = QualityGate.NO_APPLICATION_PLACEHOLDER;
		}
		AppendRequest.ContextInput context = request.context();
		String supersedes = (supersedesId != null) ? CanonicalFormat.trimLineWhitespace(supersedesId) : "";
		return new Draft(status, learning, List.copyOf(evidence), application, source,
				(context != null) ? context.repo() : null, (context != null) ? context.branch() : null,
				(context != null) ? orEmpty(context.paths()) : List.of(),
				CanonicalFormat.normalizeTags(orEmpty(request.tags())),
				CanonicalFormat.normalizeIds(orEmpty(request.relatedIds())), supersedes.isEmpty() ? null : supersedes,
				CanonicalFormat.fingerprint(status, learning));
	}

	/** What the tool's strict quality gate says of this draft in {@code repo}. */
	QualityVerdict judge(Repo repo, boolean allowTemporaryRoot) {
		return QualityGate.forRepository(repo.root(), allowTemporaryRoot)
			.judge(this.status, this.learning, this.evidence, this.application);
	}

	/**
	 * The {@code withdrawn} row that takes row {@code id} out of recall and memory.
	 * @throws InvalidLearningException for control characters or an unpaired surrogate in
	 * the reason or the source, as an append refuses them
	 */
	static Draft withdrawal(String id, String reason, String source) {
		rejectControlCharacters("reason", CanonicalFormat.collapseWhitespace(reason));
		rejectControlCharacters("source", source);
		String learning = CanonicalFormat.collapseWhitespace("Withdrawn " + id + ": " + reason);
		return new Draft(CanonicalFormat.WITHDRAWN, learning, List.of(reason.strip()),
				"Leave " + id + " out of recall and memory.", source, null, null, List.of(), List.of("withdrawal"),
				List.of(), id, CanonicalFormat.fingerprint(CanonicalFormat.WITHDRAWN, learning));
	}

	/**
	 * A copy of {@code row} for another repository, relating back to row {@code id}
	 * (first in its related ids).
	 */
	static Draft sharedCopy(LearningRow row, String id, String source) {
		List<String> related = new ArrayList<>();
		related.add(id);
		row.relatedIds().stream().filter((other) -> !other.equals(id)).forEach(related::add);
		String status = CanonicalFormat.normalizeStatus(row.status());
		return new Draft(status, row.learning(), row.evidence(), row.application(), source, row.contextRepo(),
				row.branch(), row.paths(), CanonicalFormat.normalizeTags(row.tags()), related, null,
				CanonicalFormat.fingerprint(status, row.learning()));
	}

	/**
	 * {@code value} with its whitespace collapsed; control characters other than the
	 * whitespace collapsed away are refused.
	 */
	private static String normalized(String field, String value) {
		String normalized = CanonicalFormat.collapseWhitespace(value);
		rejectControlCharacters(field, normalized);
		return normalized;
	}

	private static void rejectControlCharacters(String field, @Nullable String value) {
		if (value != null && CanonicalFormat.hasControlCharacters(value)) {
			throw InvalidLearningException.controlCharacters(field);
		}
		if (value != null && CanonicalFormat.hasUnpairedSurrogate(value)) {
			throw InvalidLearningException.unpairedSurrogate(field);
		}
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

}

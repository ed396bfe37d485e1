package io.teamlearnings.learnings.write;

import java.util.List;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.LearningRow;

import org.springframework.lang.Nullable;

/**
 * A row to append, normalised to the store's conventions: status and tags as labels, the
 * learning's whitespace collapsed, the fingerprint computed. Built only through the
 * factories, which refuse what the store never writes.
 */
record Draft(String status, String learning, List<String> evidence, String application, String source,
		@Nullable String contextRepo, @Nullable String branch, List<String> paths, List<String> tags,
		List<String> relatedIds, @Nullable String supersedesId, String fingerprint) {

	/**
	 * The draft of an append or supersede request.
	 * @throws InvalidLearningException for control characters, an unknown status or tags
	 * that are all blank once normalised
	 */
	static Draft of(AppendRequest request, String source, @Nullable String supersedesId) {
		rejectControlCharacters("learning", request.learning());
		rejectControlCharacters("application", request.application());
		request.evidence().forEach((item) -> rejectControlCharacters("evidence", item));
		orEmpty(request.tags()).forEach((tag) -> rejectControlCharacters("tags", tag));
		rejectControlCharacters("source", source);
		if (request.context() != null) {
			orEmpty(request.context().paths()).forEach((path) -> rejectControlCharacters("context.paths", path));
		}
		String status = CanonicalFormat.normalizeLabel(request.status());
		if (!CanonicalFormat.STATUSES.contains(status)) {
			throw InvalidLearningException.unknownStatus(request.status(), status);
		}
		String learning = CanonicalFormat.collapseWhitespace(request.learning());
		List<String> tags = CanonicalFormat.normalizeTags(orEmpty(request.tags()));
		if (request.tags() != null && !request.tags().isEmpty() && tags.isEmpty()) {
			throw InvalidLearningException.blankAfterNormalising("tags");
		}
		AppendRequest.ContextInput context = request.context();
		String supersedes = (supersedesId != null && !supersedesId.isBlank()) ? supersedesId.strip() : null;
		return new Draft(status, learning, request.evidence().stream().map(String::strip).toList(),
				request.application().strip(), source, (context != null) ? context.repo() : null,
				(context != null) ? context.branch() : null, (context != null) ? orEmpty(context.paths()) : List.of(),
				tags, orEmpty(request.relatedIds()).stream().map(String::strip).distinct().toList(), supersedes,
				CanonicalFormat.fingerprint(status, learning));
	}

	/** The {@code withdrawn} row that takes row {@code id} out of recall and memory. */
	static Draft withdrawal(String id, String reason, String source) {
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
		List<String> related = new java.util.ArrayList<>();
		related.add(id);
		row.relatedIds().stream().filter((other) -> !other.equals(id)).forEach(related::add);
		String status = CanonicalFormat.normalizeLabel(row.status());
		return new Draft(status, row.learning(), row.evidence(), row.application(), source, row.contextRepo(),
				row.branch(), row.paths(), CanonicalFormat.normalizeTags(row.tags()), related, null,
				CanonicalFormat.fingerprint(status, row.learning()));
	}

	private static void rejectControlCharacters(String field, @Nullable String value) {
		if (value != null && CanonicalFormat.hasControlCharacters(value)) {
			throw InvalidLearningException.controlCharacters(field);
		}
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

}

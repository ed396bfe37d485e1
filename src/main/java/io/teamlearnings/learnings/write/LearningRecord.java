package io.teamlearnings.learnings.write;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.springframework.lang.Nullable;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A row as this service writes it to {@code .learnings.jsonl}, byte for byte as the
 * {@code learnings} tool writes one ({@code encodeRecordJsonAlloc} in
 * {@code append_learning.zig}): compact JSON, the tool's fields in the tool's order;
 * {@code tags} and {@code related_ids} only when there are some, {@code supersedes_id}
 * only when set; every character outside ASCII escaped as {@code \}{@code uXXXX} with
 * upper-case hex (a surrogate pair above U+FFFF), control characters as
 * {@code \}{@code u00XX} unless they have a short escape, {@code /} not escaped.
 *
 * @param id {@code lrn-<captured_at compact>-<fingerprint prefix>}
 * @param capturedAt UTC, to the second
 * @param status a status label
 * @param learning the rule, whitespace collapsed
 * @param evidence what was observed
 * @param application how to apply it
 * @param context where it was learnt
 * @param source who wrote it
 * @param fingerprint the tool's fingerprint of status and learning
 * @param tags normalised tags
 * @param relatedIds related rows
 * @param supersedesId the row this one supersedes
 */
@JsonPropertyOrder({ "id", "captured_at", "status", "learning", "evidence", "application", "context", "source",
		"fingerprint", "tags", "related_ids", "supersedes_id" })
record LearningRecord(String id, @JsonProperty("captured_at") String capturedAt, String status, String learning,
		List<String> evidence, String application, Context context, String source, String fingerprint,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags,
		@JsonProperty("related_ids") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> relatedIds,
		@JsonProperty("supersedes_id") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String supersedesId) {

	/**
	 * The row's {@code context}.
	 *
	 * @param repo {@code owner/name}, from the request or the repository's git origin
	 * @param branch from the request or the repository's git HEAD
	 * @param paths files the learning is about
	 */
	@JsonPropertyOrder({ "repo", "branch", "paths" })
	record Context(@Nullable String repo, @Nullable String branch, List<String> paths) {
	}

	private static final JsonMapper LINE_WRITER = JsonMapper.builder()
		.enable(JsonWriteFeature.ESCAPE_NON_ASCII, JsonWriteFeature.WRITE_HEX_UPPER_CASE)
		.disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
		.build();

	/** The row as its line in the file, without the newline. */
	String toLine() {
		return LINE_WRITER.writeValueAsString(this);
	}

	/** The row for {@code draft} in {@code context} (see {@link #contextOf}). */
	static LearningRecord of(Draft draft, String id, String capturedAt, Context context) {
		return new LearningRecord(id, capturedAt, draft.status(), draft.learning(), draft.evidence(),
				draft.application(), context, draft.source(), draft.fingerprint(), draft.tags(), draft.relatedIds(),
				draft.supersedesId());
	}

	/**
	 * The context a row for {@code draft} is written with: the draft's repository and
	 * branch, else those of the repository's git work tree, read only when the draft
	 * lacks one.
	 * @param root the repository's root
	 */
	static Context contextOf(Draft draft, Path root) {
		GitContext git = (draft.contextRepo() != null && draft.branch() != null) ? null : GitContext.of(root);
		return new Context((draft.contextRepo() != null) ? draft.contextRepo() : git.repo(),
				(draft.branch() != null) ? draft.branch() : git.branch(), draft.paths());
	}

}

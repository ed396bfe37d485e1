package io.teamlearnings.learnings.index;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A row as served: the row itself exactly as the file holds it (every field, in the
 * writer's shapes), where it stands in the file, and which rows supersede it.
 *
 * @param repo the repository
 * @param line the row's line number in {@code .learnings.jsonl}
 * @param row the row's fields as written
 * @param supersededBy ids of rows whose {@code supersedes_id} names this one
 * @param sharedAs ids of the team repository's rows shared from this one (their
 * {@code related_ids} name it); the other direction of the link, since the original line
 * is never edited
 */
@Schema(name = "Learning")
public record LearningView(@Schema(example = "default") String repo, @Schema(example = "12") long line, @Schema(
		description = "The row as written in .learnings.jsonl, unknown fields included",
		example = "{\"id\":\"lrn-20260528T170724Z-c468d2a9\",\"captured_at\":\"2026-05-28T17:07:24Z\","
				+ "\"status\":\"do_more\",\"learning\":\"When X, prefer Y because Z.\","
				+ "\"evidence\":[\"cmd -> result\"],\"application\":\"Do Y first.\","
				+ "\"context\":{\"repo\":\"acme/service\",\"branch\":\"main\",\"paths\":[]},"
				+ "\"source\":\"learnings-service\",\"fingerprint\":\"c468d2a9e1f0b7a3\"}") Map<String, Object> row,
		@JsonProperty("superseded_by") List<String> supersededBy,
		@JsonProperty("shared_as") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> sharedAs) {
}

package io.teamlearnings.learnings.write;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/**
 * A learning to append, as a caller sends it. The service adds {@code id},
 * {@code captured_at} and {@code fingerprint}.
 *
 * @param learning the rule, "When X, prefer Y because Z"
 * @param evidence what was observed; one string is accepted as a list of one; blank items
 * are dropped; required by the strict quality gate
 * @param application how to apply the rule next time; required by the strict quality gate
 * @param status any label, normalised; {@code review_later} when missing
 * @param source who or what captured it
 * @param context repository, branch and paths the learning came from
 * @param tags labels, normalised like statuses; commas separate tags
 * @param relatedIds ids of related rows; commas separate ids
 * @param supersedesId id of the row this one replaces
 */
@Schema(name = "AppendRequest", description = "A learning to append; the service adds id, captured_at and fingerprint.")
record AppendRequest(@Schema(
		example = "When a test touches the JSONL store, prefer a @TempDir repository because the project root has no live store.",
		requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 4000) String learning,
		@ArraySchema(arraySchema = @Schema(
				description = "What was observed; a single string is accepted; blank items are dropped. The strict "
						+ "quality gate needs at least one item with an anchor (a command outcome, a sha or run id, "
						+ "a file path or an exact error)."),
				schema = @Schema(example = "./mvnw test -> 42 passed")) @JsonFormat(
						with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable @Size(
								max = 50) List<@NotNull @Size(max = 4000) String> evidence,
		@Schema(example = "Create the store under @TempDir in every test that appends.",
				description = "How to apply the rule next time; the strict quality gate needs one") @Nullable @Size(
						max = 4000) String application,
		@Schema(example = "do_more",
				description = "Any label: case and separators are normalised (\"Codify Now\" is codify_now); "
						+ "review_later when missing. The learnings skill uses do_more, do_less, codify_now, "
						+ "review_later, investigate_more, avoid_for_now and codified; 'withdrawn' is written only "
						+ "by a withdrawal") @Nullable @Size(max = 64) String status,
		@Schema(example = "skill:learnings") @Nullable @Size(max = 200) String source,
		@Nullable @Valid ContextInput context,
		@ArraySchema(schema = @Schema(example = "testing")) @JsonFormat(
				with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable @Size(
						max = 50) List<@NotNull @Size(max = 100) String> tags,
		@JsonProperty("related_ids") @JsonFormat(
				with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable @Size(
						max = 50) List<@NotNull @Size(max = 200) String> relatedIds,
		@JsonProperty("supersedes_id") @Schema(example = "lrn-20260528T170724Z-c468d2a9") @Nullable @Size(
				max = 200) String supersedesId) {

	/**
	 * Where a learning came from.
	 *
	 * @param repo {@code owner/name}; defaults to the repository's git origin
	 * @param branch defaults to the checked-out branch
	 * @param paths files the learning is about
	 */
	@Schema(name = "LearningContext")
	record ContextInput(@Schema(example = "acme/service") @Nullable @Size(max = 200) String repo,
			@Schema(example = "main") @Nullable @Size(max = 200) String branch,
			@ArraySchema(schema = @Schema(example = "src/main/java/App.java")) @Nullable @Size(
					max = 500) List<@NotBlank @Size(max = 1000) String> paths) {
	}

}

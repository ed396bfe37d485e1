package io.teamlearnings.admissions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.admissions.notes.NoteInput;

import org.springframework.lang.Nullable;

/**
 * What {@code POST /api/repos/{repo}/admissions} was sent: the service's admission
 * request, from which the service builds the note's input, or the learnings skill's
 * admission input itself (what it pipes to {@code memory-note append}), kept byte for
 * byte. Either way, {@link #request()} is what the admission gate judges.
 */
sealed interface AdmissionBody permits AdmissionBody.Request, AdmissionBody.ToolInput {

	/**
	 * @return the admission as the gate judges it
	 */
	AdmissionRequest request();

	/**
	 * The service's admission request.
	 *
	 * @param request the request
	 */
	record Request(AdmissionRequest request) implements AdmissionBody {
	}

	/**
	 * The skill's admission input, as received.
	 *
	 * @param input the input, its bytes exactly as received
	 * @param request what the gate judges: {@code payload.learning_id}, the scope,
	 * {@code payload.decision_delta}, {@code payload.future_behavior} and
	 * {@code payload.verification}
	 */
	record ToolInput(NoteInput input, AdmissionRequest request) implements AdmissionBody {
	}

	/**
	 * The learnings skill's admission input, for the API description only: the service
	 * reads the bytes as the {@code memory-note} tool does.
	 *
	 * @param operation the note's operation
	 * @param authority who asserts it
	 * @param summary one line; also the file name's slug unless {@code slug} is given
	 * @param scope where it applies
	 * @param sourceRefs at least one source
	 * @param relatedIds related ids; {@code []} when absent
	 * @param supersedesId the note it supersedes; {@code null} when absent
	 * @param slug the file name's slug
	 * @param payload the learning-admission payload
	 */
	@Schema(name = "MemoryNoteInput",
			description = "The learnings skill's admission input, as it pipes it to memory-note append --extension "
					+ "learnings --kind learning-admission --json -. Taken byte for byte: the note's fingerprint is "
					+ "over exactly the bytes sent.")
	record MemoryNoteInput(@Schema(example = "assert", requiredMode = Schema.RequiredMode.REQUIRED) String operation,
			@Schema(example = "learnings-cli", requiredMode = Schema.RequiredMode.REQUIRED) String authority,
			@Schema(example = "Admit lrn-20260620T183000Z-89ccd4c6 for Phase 2 consideration.",
					requiredMode = Schema.RequiredMode.REQUIRED) String summary,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, oneOf = {
					AdmissionRequest.Scope.class, String[].class }) Object scope,
			@JsonProperty("source_refs") @Schema(
					requiredMode = Schema.RequiredMode.REQUIRED) List<SourceRef> sourceRefs,
			@JsonProperty("related_ids") @Nullable List<String> relatedIds,
			@JsonProperty("supersedes_id") @Nullable String supersedesId, @Nullable String slug,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) AdmissionPayload payload){
	}

	/**
	 * A source of a note.
	 *
	 * @param kind what it is
	 * @param ref where it is
	 * @param summary what it says
	 */
	@Schema(name = "MemoryNoteSourceRef")
	record SourceRef(@Schema(example = "learning") String kind,
			@Schema(example = ".learnings.jsonl#lrn-20260620T183000Z-89ccd4c6") String ref,
			@Schema(example = "Canonical learning row") String summary) {
	}

	/**
	 * The learning-admission payload the skill builds; every field but {@code tags} is
	 * required by the tool, and other fields are kept.
	 *
	 * @param learningId the canonical row
	 * @param learningStatus its status
	 * @param repo its repository
	 * @param sourcePath its canonical file
	 * @param decisionDelta what future agents should decide differently
	 * @param evidenceSnapshot the evidence
	 * @param futureBehavior the operational default or route
	 * @param verification the proof or stop condition
	 * @param tags tags
	 */
	@Schema(name = "LearningAdmissionPayload", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
	record AdmissionPayload(
			@JsonProperty("learning_id") @Schema(example = "lrn-20260620T183000Z-89ccd4c6",
					requiredMode = Schema.RequiredMode.REQUIRED) String learningId,
			@JsonProperty("learning_status") @Schema(example = "codify_now",
					requiredMode = Schema.RequiredMode.REQUIRED) String learningStatus,
			@Schema(example = "owner/repo", requiredMode = Schema.RequiredMode.REQUIRED) String repo,
			@JsonProperty("source_path") @Schema(example = ".learnings.jsonl",
					requiredMode = Schema.RequiredMode.REQUIRED) String sourcePath,
			@JsonProperty("decision_delta") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String decisionDelta,
			@JsonProperty("evidence_snapshot") @Schema(
					requiredMode = Schema.RequiredMode.REQUIRED) List<String> evidenceSnapshot,
			@JsonProperty("future_behavior") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String futureBehavior,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String verification,
			@Schema(example = "[\"memory-admission\"]") @Nullable List<String> tags) {
	}

}

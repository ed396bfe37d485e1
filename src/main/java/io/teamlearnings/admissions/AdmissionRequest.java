package io.teamlearnings.admissions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/**
 * A request to admit a canonical learning to memory, with what only the caller knows.
 *
 * @param learningId the canonical row
 * @param scope paths the learning applies to
 * @param decisionDelta what future agents should decide differently
 * @param futureBehavior the operational default or route to follow
 * @param verification the proof or stop condition
 * @param reasons the reasons the caller claims, beyond what the store shows
 */
@Schema(name = "AdmissionRequest")
record AdmissionRequest(
		@JsonProperty("learning_id") @Schema(example = "lrn-20260528T170724Z-c468d2a9",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 200) String learningId,
		@ArraySchema(schema = @Schema(example = "src/parser")) @JsonFormat(
				with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable @Size(
						max = 100) List<@NotBlank @Size(max = 1000) String> scope,
		@JsonProperty("decision_delta") @Schema(
				example = "Future Codex should run the parser fuzz target before Z.") @Nullable @Size(
						max = 4000) String decisionDelta,
		@JsonProperty("future_behavior") @Schema(
				example = "Run ./fuzz.sh parser before touching src/parser.") @Nullable @Size(
						max = 4000) String futureBehavior,
		@Schema(example = "fuzz.sh exits 0 after 60 s") @Nullable @Size(max = 4000) String verification,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable @Size(
				max = 10) List<Reason> reasons) {

	/** Reasons a caller may claim for admitting a learning (the seed's list). */
	enum Reason {

		/** The user explicitly asked to remember or promote it. */
		@JsonProperty("user_requested")
		USER_REQUESTED,

		/** It captures a stable cross-task preference or operating default. */
		@JsonProperty("stable_preference")
		STABLE_PREFERENCE,

		/**
		 * An unusually high-impact failure shield, repo map, verification path or stop
		 * rule.
		 */
		@JsonProperty("high_impact")
		HIGH_IMPACT,

		/** It proves a repeatable procedure suitable for a memory-root skill. */
		@JsonProperty("repeatable_procedure")
		REPEATABLE_PROCEDURE;

		String jsonName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}

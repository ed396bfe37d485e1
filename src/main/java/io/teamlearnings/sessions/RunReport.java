package io.teamlearnings.sessions;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/**
 * What one automation run did, recorded so the next run can build on it.
 *
 * @param summary one paragraph on the run
 * @param sessionsAnalysed ids of the sessions it read
 * @param lessons the lessons it drew
 * @param learningsCreated ids of the learnings it appended
 * @param decisions what it decided and why (placements, skips)
 * @param recordedAt when the service recorded it (set by the service)
 */
@Schema(name = "RunReport")
record RunReport(
		@Schema(example = "Analysed 3 sessions; one new lesson on commit scope.") @NotBlank @Size(
				max = 4000) String summary,
		@JsonProperty("sessions_analysed") @Nullable @Size(max = 1000) List<@Size(max = 200) String> sessionsAnalysed,
		@Nullable @Size(max = 200) List<@Size(max = 4000) String> lessons,
		@JsonProperty("learnings_created") @Nullable @Size(max = 200) List<@Size(max = 200) String> learningsCreated,
		@Nullable @Size(max = 200) List<@Size(max = 4000) String> decisions,
		@JsonProperty("recorded_at") @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Instant recordedAt) {

	RunReport recorded(Instant at) {
		return new RunReport(this.summary, orEmpty(this.sessionsAnalysed), orEmpty(this.lessons),
				orEmpty(this.learningsCreated), orEmpty(this.decisions), at);
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

}

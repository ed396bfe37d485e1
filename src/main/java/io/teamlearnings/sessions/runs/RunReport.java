package io.teamlearnings.sessions.runs;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * @param skills the skills it created or updated, each with its placement and why, as the
 * seed's report asks; no list holds a null
 * @param recordedAt when the service recorded it (set by the service)
 */
@Schema(name = "RunReport")
public record RunReport(
		@Schema(example = "Analysed 3 sessions; one new lesson on commit scope.") @NotBlank @Size(
				max = 4000) String summary,
		@JsonProperty("sessions_analysed") @Nullable @Size(
				max = 1000) List<@NotNull @Size(max = 200) String> sessionsAnalysed,
		@Nullable @Size(max = 200) List<@NotNull @Size(max = 4000) String> lessons,
		@JsonProperty("learnings_created") @Nullable @Size(
				max = 200) List<@NotNull @Size(max = 200) String> learningsCreated,
		@Nullable @Size(max = 200) List<@NotNull @Size(max = 4000) String> decisions,
		@Nullable @Size(max = 200) List<@NotNull @Valid SkillChange> skills,
		@JsonProperty("recorded_at") @Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable Instant recordedAt) {

	/**
	 * A skill a run created or updated, and where it was placed.
	 *
	 * @param action {@code created} or {@code updated}
	 * @param skill the skill as the skills API names it, {@code <root>/<name>}, with a
	 * configured root and one directory name (checked by the controller)
	 * @param placement {@code shared} (the cross-project catalog) or {@code project} (one
	 * repository's own skills)
	 * @param repository the repository of a project skill
	 * @param why the reasoning behind the decision (the recommendation's {@code why} of
	 * {@code POST /api/skills/match}, or the run's own)
	 */
	@Schema(name = "RunSkillChange")
	public record SkillChange(
			@Schema(example = "created") @NotBlank @Pattern(regexp = "created|updated",
					message = "must be created or updated") String action,
			@Schema(example = "codex/release-notes") @NotBlank @Size(max = 200) String skill,
			@Schema(example = "shared") @NotBlank @Pattern(regexp = "shared|project",
					message = "must be shared or project") String placement,
			@Nullable @Size(max = 64) String repository, @Nullable @Size(max = 4000) String why) {
	}

	/**
	 * This report as recorded.
	 * @param at when the service recorded it
	 * @return the report with every list present (empty when not given) and its time
	 */
	public RunReport recorded(Instant at) {
		return new RunReport(this.summary, orEmpty(this.sessionsAnalysed), orEmpty(this.lessons),
				orEmpty(this.learningsCreated), orEmpty(this.decisions),
				(this.skills != null) ? this.skills : List.of(), at);
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

}

package io.teamlearnings.skills;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.skills.match.Lesson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/**
 * A lesson to place among the skills: exactly one of its text, a learning, or a lesson
 * signal; optionally its workflow steps, the repository it comes from and how often it
 * recurred.
 *
 * @param lesson the lesson's text
 * @param steps its workflow steps (without them, its sentences are compared)
 * @param learning a learning: its text and application are the lesson, its repository and
 * paths place it, its theme's size is how often it recurred
 * @param signal a lesson signal as {@code GET /api/sessions/signals} lists it: its
 * evidence is the lesson
 * @param repository the repository the lesson comes from
 * @param occurrences how often the lesson recurred (default 1; a learning's theme size)
 * @param limit most candidates in the answer (default 5)
 */
@Schema(name = "SkillMatchRequest")
record MatchRequest(
		@Schema(example = "When committing, never push unless the user asks to push.") @Nullable @Size(
				max = 20000) String lesson,
		@Schema(example = "[\"Stage the files the user named\", \"Commit without pushing\"]") @Nullable @Size(
				max = Lesson.MAX_STEPS) List<@NotBlank @Size(max = 2000) String> steps,
		@Nullable @Valid LearningRef learning, @Nullable @Valid SignalRef signal,
		@Schema(example = "default") @Nullable @Size(max = 64) String repository,
		@Nullable @Min(1) @Max(100000) Integer occurrences, @Nullable @Min(1) @Max(50) Integer limit) {

	/**
	 * A learning, by repository and id.
	 *
	 * @param repo its repository
	 * @param id its id
	 */
	@Schema(name = "SkillMatchLearning")
	record LearningRef(@NotBlank @Size(max = 64) String repo, @NotBlank @Size(max = 200) String id) {
	}

	/**
	 * A lesson signal; fields other than these are ignored, so a signal can be sent as
	 * listed.
	 *
	 * @param kind its kind
	 * @param sessionId its session
	 * @param evidence its quoted evidence
	 */
	@Schema(name = "SkillMatchSignal")
	@JsonIgnoreProperties(ignoreUnknown = true)
	record SignalRef(@Nullable @Size(max = 100) String kind,
			@JsonProperty("session_id") @Nullable @Size(max = 200) String sessionId,
			@NotEmpty @Size(max = 50) List<@Size(max = 20000) String> evidence) {
	}

	@AssertTrue(message = "give exactly one of lesson, learning and signal")
	@Schema(hidden = true)
	boolean isOneSource() {
		int sources = ((this.lesson != null && !this.lesson.isBlank()) ? 1 : 0) + ((this.learning != null) ? 1 : 0)
				+ ((this.signal != null) ? 1 : 0);
		return sources == 1;
	}

	List<String> stepsOrEmpty() {
		return (this.steps != null) ? this.steps : List.of();
	}

	int limitOrDefault() {
		return (this.limit != null) ? this.limit : 5;
	}

}

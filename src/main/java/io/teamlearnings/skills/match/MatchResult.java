package io.teamlearnings.skills.match;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A lesson matched against the skills.
 *
 * @param lesson the lesson as read: its text, the steps compared and where it came from
 * @param candidates the skills, most related first (trigger similarity, then workflow
 * overlap)
 * @param recommendation what to do
 */
@Schema(name = "SkillMatchResult")
public record MatchResult(LessonRead lesson, List<Candidate> candidates, Recommendation recommendation) {

	/**
	 * @param text its text
	 * @param steps the steps compared (given, or its sentences)
	 * @param source what it came from
	 * @param occurrences how often it recurred
	 */
	@Schema(name = "SkillMatchLesson")
	public record LessonRead(String text, List<String> steps, String source, int occurrences) {

	}

}

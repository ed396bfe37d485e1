package io.teamlearnings.skills.match;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.skills.catalog.RootKind;

import org.springframework.lang.Nullable;

/**
 * A skill a lesson may belong to, with the three measures of the seed's "strongly
 * related" test.
 *
 * @param skill {@code <root>/<name>}
 * @param rootKind its root's kind
 * @param description its description
 * @param trigger trigger-intent similarity, 0 to 1: the IDF-weighted cosine of the
 * lesson's terms (text and steps) and the skill's name and description
 * @param workflowOverlap share of the lesson's steps that match a step of the skill, 0 to
 * 1
 * @param scopeDilution scope-dilution risk, 0 to 1: the IDF-weighted share of the
 * lesson's terms that the skill's {@code SKILL.md} never uses
 * @param matchedSteps each lesson step that matched, with its best skill step
 * @param strong whether all three conditions of an update hold
 * @param why each measure explained
 */
@Schema(name = "SkillCandidate")
public record Candidate(String skill, @JsonProperty("root_kind") RootKind rootKind, @Nullable String description,
		double trigger, @JsonProperty("workflow_overlap") double workflowOverlap,
		@JsonProperty("scope_dilution") double scopeDilution,
		@JsonProperty("matched_steps") List<StepMatch> matchedSteps, boolean strong, Why why) {

	/**
	 * A lesson step and the skill step it matched.
	 *
	 * @param lessonStep the lesson's step
	 * @param skillStep the skill's step most like it
	 * @param line that step's line in {@code SKILL.md}
	 * @param similarity their IDF-weighted cosine
	 */
	@Schema(name = "SkillStepMatch")
	public record StepMatch(@JsonProperty("lesson_step") String lessonStep,
			@JsonProperty("skill_step") String skillStep, int line, double similarity) {

	}

	/**
	 * What each number means for this skill.
	 *
	 * @param trigger the shared terms and the threshold
	 * @param workflowOverlap how many steps matched, against the threshold
	 * @param scopeDilution the lesson's terms new to the skill, against the threshold
	 */
	@Schema(name = "SkillCandidateWhy")
	public record Why(String trigger, @JsonProperty("workflow_overlap") String workflowOverlap,
			@JsonProperty("scope_dilution") String scopeDilution) {

	}

}

package io.teamlearnings.skills.match;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A workflow fragment several skills repeat: a run of consecutive steps in each of them,
 * step for step similar.
 *
 * @param steps the fragment, as the skill that words it most briefly has it
 * @param skills each skill that has it, with where
 */
@Schema(name = "SkillFragment")
public record Fragment(List<String> steps, List<Occurrence> skills) {

	/**
	 * Where a skill has the fragment.
	 *
	 * @param skill {@code <root>/<name>}
	 * @param lines the lines of its steps in {@code SKILL.md}
	 * @param steps its wording of them
	 */
	@Schema(name = "SkillFragmentOccurrence")
	public record Occurrence(String skill, List<Integer> lines, List<String> steps) {

	}

}

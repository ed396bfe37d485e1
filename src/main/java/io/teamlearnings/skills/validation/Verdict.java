package io.teamlearnings.skills.validation;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code quick_validate.py} says of one skill.
 *
 * @param valid whether the skill passes (the script's exit status 0)
 * @param message the one line (or, for a YAML error, the lines) the script prints
 */
@Schema(name = "SkillVerdict")
public record Verdict(boolean valid, String message) {

	/** The script's message for a skill that passes every check. */
	public static final String VALID = "Skill is valid!";

	static Verdict fail(String message) {
		return new Verdict(false, message);
	}

}

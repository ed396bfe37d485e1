package io.teamlearnings.skills.catalog;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The skills of the roots asked for.
 *
 * @param skills each skill, root by root in configuration order, by name within a root
 * @param skipped directories that hold a {@code SKILL.md} but were not read, with why
 */
@Schema(name = "SkillInventory")
public record Inventory(List<SkillSummary> skills, List<Skipped> skipped) {

	/**
	 * A directory of a root that was not read as a skill.
	 *
	 * @param root the root
	 * @param path the directory
	 * @param reason why: it, or its {@code SKILL.md}, links out of the root
	 */
	@Schema(name = "SkippedSkill")
	public record Skipped(String root, String path, String reason) {

	}

}

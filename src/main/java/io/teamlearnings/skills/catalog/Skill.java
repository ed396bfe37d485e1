package io.teamlearnings.skills.catalog;

import java.nio.file.Path;

import io.teamlearnings.skills.validation.SkillFile;

/**
 * A skill as read from its root.
 *
 * @param root the root it is in
 * @param name its directory's name
 * @param dir its directory
 * @param file its {@code SKILL.md} as the validator read it
 * @param outline the headings and workflow steps of its body
 */
public record Skill(SkillRoot root, String name, Path dir, SkillFile file, Outline outline) {

	/**
	 * @return {@code <root>/<name>}, how requests name it
	 */
	public String id() {
		return this.root.name() + "/" + this.name;
	}

}

package io.teamlearnings.skills.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A Markdown heading of a skill's body ({@code ## Workflow}).
 *
 * @param level 1 to 6, the number of {@code #}
 * @param text its text, without the {@code #} and closing {@code #}
 * @param line its line in {@code SKILL.md}, from 1
 */
@Schema(name = "SkillHeading")
public record Heading(int level, String text, int line) {

}

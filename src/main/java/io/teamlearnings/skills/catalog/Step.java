package io.teamlearnings.skills.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A workflow step of a skill: a list item of its body below a heading.
 *
 * @param section the text of the heading it is under
 * @param text the item's text, without its marker
 * @param line its line in {@code SKILL.md}, from 1
 * @param numbered whether it is a numbered item ({@code 1.} or {@code 1)}) rather than a
 * bullet ({@code -}, {@code *}, {@code +})
 * @param depth 0 for a top-level item, 1 for an item nested in one, and so on
 */
@Schema(name = "SkillStep")
public record Step(String section, String text, int line, boolean numbered, int depth) {

}

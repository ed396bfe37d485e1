/**
 * The skill roots and what is in them: roots resolved from the configuration, paths kept
 * inside them (no {@code ..}, no absolute path from a request, no link out of a root),
 * the inventory and the parsed parts of a {@code SKILL.md} (headings, workflow steps).
 */
package io.teamlearnings.skills.catalog;

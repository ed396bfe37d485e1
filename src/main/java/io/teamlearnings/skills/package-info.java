/**
 * Skills: directories holding a {@code SKILL.md}, in configured skill roots (shared
 * catalogs, each served repository's {@code .codex/skills}, external catalogs). The
 * inventory, validation exactly as skill-creator's {@code quick_validate.py}, creation as
 * its {@code init_skill.py}, the update-or-create decision of the seed's
 * learn-from-conversations workflow, and workflow fragments repeated across skills. This
 * root package holds the HTTP API and the module's configuration; its sub-packages are
 * internal, one concern each.
 */
package io.teamlearnings.skills;

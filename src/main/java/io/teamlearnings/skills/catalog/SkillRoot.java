package io.teamlearnings.skills.catalog;

import java.nio.file.Path;

import org.springframework.lang.Nullable;

/**
 * A directory of skills: each of its direct subdirectories holding a {@code SKILL.md} is
 * a skill.
 *
 * @param name the root's name in URLs ({@code /api/skills/{root}/{name}}): a configured
 * root's own name, or a served repository's name for that repository's project root
 * @param path its absolute, normalised directory (it need not exist yet)
 * @param kind what it holds
 * @param repository the served repository a project root belongs to; null for shared and
 * external roots and for project roots configured without one
 */
public record SkillRoot(String name, Path path, RootKind kind, @Nullable String repository) {

}

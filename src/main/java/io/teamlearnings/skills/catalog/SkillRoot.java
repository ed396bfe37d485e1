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
 * @param boundary the directory that whatever is created for the root must really lie in:
 * the repository's root for a repository's {@code .codex/skills} (so a {@code .codex}
 * that links elsewhere is not written through), the root's own directory otherwise
 */
public record SkillRoot(String name, Path path, RootKind kind, @Nullable String repository, Path boundary) {

	/**
	 * A root that bounds itself.
	 * @param name its name
	 * @param path its directory
	 * @param kind what it holds
	 * @param repository the served repository it belongs to, if any
	 */
	public SkillRoot(String name, Path path, RootKind kind, @Nullable String repository) {
		this(name, path, kind, repository, path);
	}

}

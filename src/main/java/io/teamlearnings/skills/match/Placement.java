package io.teamlearnings.skills.match;

import java.nio.file.Path;
import java.util.List;

import io.teamlearnings.skills.catalog.SkillRoot;

import org.springframework.lang.Nullable;

/**
 * Where new skills may go.
 *
 * @param projects the served repositories, each with its project root (null when it has
 * none)
 * @param shared the shared root new cross-project skills go to (the first configured);
 * null when none is configured
 */
public record Placement(List<Project> projects, @Nullable SkillRoot shared) {

	/**
	 * A served repository.
	 *
	 * @param repository its name
	 * @param root its root directory
	 * @param skills its project root
	 */
	public record Project(String repository, Path root, @Nullable SkillRoot skills) {

	}

}

package io.teamlearnings.skills;

import java.nio.file.Path;
import java.util.List;

import io.teamlearnings.skills.catalog.RootKind;
import io.teamlearnings.skills.match.MatchSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * Where skills are kept ({@code learnings.skills}).
 *
 * @param roots configured skill roots, in the order the inventory lists them
 * @param repositoryRoots whether every served repository has a project root,
 * {@code <repo root>/.codex/skills}, named after the repository (default true)
 * @param match the thresholds of the update-or-create decision
 */
@Validated
@ConfigurationProperties("learnings.skills")
record SkillsProperties(@DefaultValue List<@Valid RootSetting> roots, @DefaultValue("true") boolean repositoryRoots,
		@DefaultValue @Valid Match match) {

	/**
	 * Thresholds of {@code POST /api/skills/match} (README defines the measures).
	 *
	 * @param trigger least trigger-intent similarity for the same trigger intent (0.3)
	 * @param overlap least workflow overlap for an update (0.7, the seed's 70%)
	 * @param dilution most scope-dilution risk for an update (0.5)
	 * @param step least similarity at which two workflow steps match (0.5)
	 */
	record Match(@DefaultValue("0.3") @DecimalMin("0") @DecimalMax("1") double trigger,
			@DefaultValue("0.7") @DecimalMin("0") @DecimalMax("1") double overlap,
			@DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double dilution,
			@DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double step) {

		MatchSettings settings() {
			return new MatchSettings(this.trigger, this.overlap, this.dilution, this.step);
		}

	}

	/** The name of a repository's project root below the repository's root. */
	static final Path REPOSITORY_SKILLS = Path.of(".codex", "skills");

	/**
	 * One configured skill root.
	 *
	 * @param name its name in URLs: lower-case letters, digits, {@code .}, {@code _} and
	 * {@code -}, as repository names
	 * @param path its directory; created when the first skill is created in it
	 * @param kind {@code shared}, {@code project} or {@code external}
	 * @param repository for a project root, the served repository it belongs to
	 * (optional; it decides who may create skills there)
	 */
	record RootSetting(@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$",
			message = "must be 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit") String name,
			@NotNull Path path, @NotNull RootKind kind, @Nullable String repository) {
	}

}

package io.teamlearnings.skills;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/**
 * A skill to create, as {@code init_skill.py}'s arguments.
 *
 * @param name its name, normalised as the script normalises it ({@code My Skill} becomes
 * {@code my-skill})
 * @param root the skill root to create it in, by name
 * @param resources resource directories to create: {@code scripts}, {@code references},
 * {@code assets}
 * @param examples whether to put the script's example file in each resource directory
 * @param description the front matter's description; without one, the template's
 * placeholder
 * @param interfaceOverrides fields of {@code agents/openai.yaml}'s {@code interface}
 * ({@code display_name}, {@code short_description}, {@code icon_small},
 * {@code icon_large}, {@code brand_color}, {@code default_prompt})
 */
@Schema(name = "CreateSkillRequest")
record CreateSkillRequest(@Schema(example = "Release Notes") @NotBlank @Size(max = 200) String name,
		@Schema(example = "codex") @NotBlank @Size(max = 64) String root,
		@Schema(example = "[\"scripts\", \"references\"]") @Nullable @Size(
				max = 10) List<@Size(max = 100) String> resources,
		@Nullable Boolean examples,
		@Schema(example = "Drafts release notes from merged pull requests. Use when a release is cut.") @Nullable @Size(
				max = 4096) String description,
		@JsonProperty("interface") @Schema(
				example = "{\"short_description\": \"Draft release notes from merged PRs\"}") @Nullable @Size(
						max = 10) Map<@Size(max = 100) String, @Size(max = 1000) String> interfaceOverrides) {

	List<String> resourcesOrEmpty() {
		return (this.resources != null) ? this.resources : List.of();
	}

	boolean withExamples() {
		return Boolean.TRUE.equals(this.examples);
	}

	Map<String, String> interfaceOrEmpty() {
		return (this.interfaceOverrides != null) ? this.interfaceOverrides : Map.of();
	}

}

package io.teamlearnings.skills.creation;

import java.util.List;
import java.util.Map;

import io.teamlearnings.skills.catalog.SkillRoot;

import org.springframework.lang.Nullable;

/**
 * What to create, as {@code init_skill.py}'s arguments.
 *
 * @param name the skill's name as asked ({@code skill_name}), normalised as the script
 * does
 * @param root where ({@code --path}: a configured root, never a path from the request)
 * @param resources resource directories among {@code scripts}, {@code references},
 * {@code assets} ({@code --resources})
 * @param examples whether to put the script's example file in each ({@code --examples})
 * @param description the front matter's description; null for the script's placeholder
 * @param interfaceOverrides fields of {@code agents/openai.yaml}'s {@code interface}
 * ({@code --interface key=value}), in order
 */
public record InitRequest(String name, SkillRoot root, List<String> resources, boolean examples,
		@Nullable String description, Map<String, String> interfaceOverrides) {

}

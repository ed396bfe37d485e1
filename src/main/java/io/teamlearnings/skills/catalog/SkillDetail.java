package io.teamlearnings.skills.catalog;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * One skill with what its {@code SKILL.md} holds.
 *
 * @param skill what the inventory says of it
 * @param frontMatter its front matter as JSON, when it is a YAML mapping (dates as
 * ISO-8601 text); null otherwise
 * @param headings the headings of its body
 * @param steps its workflow steps: the list items below its headings
 */
@Schema(name = "SkillDetail")
public record SkillDetail(SkillSummary skill, @JsonProperty("front_matter") @Nullable Map<String, Object> frontMatter,
		List<Heading> headings, List<Step> steps) {

}

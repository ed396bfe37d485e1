package io.teamlearnings.skills.catalog;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * One skill of the inventory.
 *
 * @param root the root it is in
 * @param rootKind the root's kind: {@code shared}, {@code project} or {@code external}
 * @param repository the served repository whose project root it is in; null otherwise
 * @param name its directory's name, which URLs use
 * @param declaredName its front matter's {@code name}, when that is a string
 * @param description its front matter's {@code description}, when that is a string
 * @param path its directory, absolute
 * @param resources which of {@code scripts}, {@code references}, {@code assets} and
 * {@code agents/openai.yaml} it has
 * @param sizeBytes the total size of the regular files in its directory tree (links not
 * followed)
 * @param lastModified the latest modification time in its directory tree
 * @param valid whether {@code quick_validate.py} passes it
 * @param message the validator's message
 */
@Schema(name = "SkillSummary")
public record SkillSummary(String root, @JsonProperty("root_kind") RootKind rootKind, @Nullable String repository,
		String name, @JsonProperty("declared_name") @Nullable String declaredName, @Nullable String description,
		String path, List<String> resources, @JsonProperty("size_bytes") long sizeBytes,
		@JsonProperty("last_modified") @Nullable Instant lastModified, boolean valid, String message) {

}

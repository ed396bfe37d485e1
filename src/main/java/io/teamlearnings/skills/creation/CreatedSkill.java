package io.teamlearnings.skills.creation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.skills.catalog.RootKind;
import io.teamlearnings.skills.validation.Verdict;

import org.springframework.lang.Nullable;

/**
 * A skill just created.
 *
 * @param root the root it was created in
 * @param rootKind the root's kind
 * @param repository the repository whose project root it is in, if any
 * @param name its name, normalised
 * @param normalizedFrom the name as asked, when normalising changed it (the script's
 * {@code Note: Normalized skill name from ...})
 * @param path its directory
 * @param files what was created, in order, relative to the directory (directories end in
 * {@code /})
 * @param validation {@code quick_validate.py}'s verdict on it
 */
@Schema(name = "CreatedSkill")
public record CreatedSkill(String root, @JsonProperty("root_kind") RootKind rootKind, @Nullable String repository,
		String name, @JsonProperty("normalized_from") @Nullable String normalizedFrom, String path, List<String> files,
		Verdict validation) {

}

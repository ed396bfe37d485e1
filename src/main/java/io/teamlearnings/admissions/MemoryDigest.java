package io.teamlearnings.admissions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A digest written to the memories resources.
 *
 * @param path the file written
 * @param rows active rows it lists
 * @param content its Markdown
 */
@Schema(name = "MemoryDigest")
public record MemoryDigest(String path, @JsonProperty("rows") int rows, String content) {
}

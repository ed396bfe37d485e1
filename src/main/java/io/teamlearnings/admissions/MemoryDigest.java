package io.teamlearnings.admissions;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A digest written to the memories resources.
 *
 * @param path the file written
 * @param rows the rows its promotion candidates cite (their supporting ids)
 * @param candidates its promotion candidates
 * @param sources the canonical files it read (one: the repository's)
 * @param content its Markdown, as the learnings tool's {@code memory-digest} writes it
 */
@Schema(name = "MemoryDigest")
public record MemoryDigest(String path, int rows, int candidates, int sources, String content) {

	/**
	 * The line the learnings tool prints after writing a digest
	 * ({@code learnings.zig cmdMemoryDigest}).
	 * @return {@code memory-digest: wrote <path> candidates=<n> sources=<n>} and a line
	 * feed
	 */
	String proofLine() {
		return "memory-digest: wrote " + this.path + " candidates=" + this.candidates + " sources=" + this.sources
				+ "\n";
	}

}

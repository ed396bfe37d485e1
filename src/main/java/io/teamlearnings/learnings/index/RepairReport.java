package io.teamlearnings.learnings.index;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What {@code POST /api/repos/{repo}/repair} appended back to a repository's file.
 *
 * @param repo the repository
 * @param path the canonical file
 * @param restored the acknowledged rows that were missing from the file and are now
 * appended again, byte for byte, in that order; empty if none was missing
 */
@Schema(name = "RepairReport")
record RepairReport(String repo, String path, List<RepoHealth.LostRow> restored) {

	/**
	 * The proof lines a script prints: {@code restored: id=<id> path=<file>} per row, or
	 * {@code restored: none path=<file>}.
	 * @return the lines, each ending in a newline
	 */
	String proofLines() {
		if (this.restored.isEmpty()) {
			return "restored: none path=" + this.path + "\n";
		}
		StringBuilder lines = new StringBuilder();
		for (RepoHealth.LostRow row : this.restored) {
			lines.append("restored: id=").append(row.id()).append(" path=").append(this.path).append('\n');
		}
		return lines.toString();
	}

}

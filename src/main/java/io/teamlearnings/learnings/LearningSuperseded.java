package io.teamlearnings.learnings;

/**
 * A row that supersedes or withdraws another was written to the canonical file.
 *
 * @param repo the repository
 * @param supersededId the id of the row that was superseded or withdrawn
 * @param newId the id of the new row
 * @param withdrawal whether the new row withdraws the old one rather than replacing it
 */
public record LearningSuperseded(String repo, String supersededId, String newId, boolean withdrawal) {
}

package io.teamlearnings.learnings;

/**
 * Rows were appended to a repository's canonical file by this service, forced to disk.
 * Published as a Spring application event while the store's lock is still held, so
 * listeners must only take note (the git sync schedules a sync with it).
 *
 * @param repo the repository
 * @param rows how many lines were appended
 */
public record LearningsAppended(String repo, int rows) {
}

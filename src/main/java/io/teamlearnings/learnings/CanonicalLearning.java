package io.teamlearnings.learnings;

import java.util.List;

/**
 * A canonical row as other features see it, with where it stands in its repository.
 *
 * @param repo the repository
 * @param id the row id
 * @param capturedAt its capture time as written
 * @param status its status
 * @param learning the rule
 * @param evidence its evidence
 * @param application how to apply it
 * @param tags its normalised tags
 * @param paths its context paths
 * @param contextRepo its context repo ({@code owner/name})
 * @param relatedIds ids of related rows
 * @param head the current head of its supersession chain; itself when current
 * @param withdrawn whether the chain ends in a withdrawal
 * @param themeIds the active rows of its recurring theme (itself included), empty when it
 * has none
 * @param storeFile the canonical file holding it
 */
public record CanonicalLearning(String repo, String id, String capturedAt, String status, String learning,
		List<String> evidence, String application, List<String> tags, List<String> paths, String contextRepo,
		List<String> relatedIds, String head, boolean withdrawn, List<String> themeIds, String storeFile) {

	/**
	 * @return whether a later row supersedes this one (or withdraws it)
	 */
	public boolean superseded() {
		return !this.head.equals(this.id);
	}

}

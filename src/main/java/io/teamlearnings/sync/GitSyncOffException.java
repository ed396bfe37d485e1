package io.teamlearnings.sync;

/**
 * A sync was asked for a repository whose {@code learnings.repos[N].git.enabled} is not
 * {@code true}.
 */
class GitSyncOffException extends RuntimeException {

	GitSyncOffException(String repo) {
		super("Git sync is off for repository '" + repo + "'; set learnings.repos[N].git.enabled=true to turn it on.");
	}

}

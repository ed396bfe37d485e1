package io.teamlearnings.sync;

import io.teamlearnings.repos.GitSyncState;

/**
 * A sync asked for on request failed or stopped; its message is the redacted reason (see
 * {@link GitFailure}), its state what {@code GET /api/repos/{repo}/sync} now shows.
 */
class SyncFailedException extends RuntimeException {

	private final GitFailure.Kind kind;

	private final transient GitSyncState state;

	SyncFailedException(GitFailure.Kind kind, String message, GitSyncState state) {
		super(message, null, false, false);
		this.kind = kind;
		this.state = state;
	}

	GitFailure.Kind kind() {
		return this.kind;
	}

	GitSyncState state() {
		return this.state;
	}

}

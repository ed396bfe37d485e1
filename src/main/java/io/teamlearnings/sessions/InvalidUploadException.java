package io.teamlearnings.sessions;

/**
 * An upload that is not a Codex rollout file; nothing was stored.
 */
class InvalidUploadException extends RuntimeException {

	private InvalidUploadException(String message) {
		super(message);
	}

	static InvalidUploadException because(String reason) {
		return new InvalidUploadException("The upload is not a Codex rollout file: " + reason);
	}

}

package io.teamlearnings.sessions;

/**
 * No session with that id in the configured directories or uploads.
 */
class SessionNotFoundException extends RuntimeException {

	private SessionNotFoundException(String message) {
		super(message);
	}

	static SessionNotFoundException of(String id) {
		return new SessionNotFoundException("No session '" + id + "' in the sessions, archive or upload directories.");
	}

}

package io.teamlearnings.learnings;

import java.io.IOException;

/**
 * The canonical file or its index could not be read or written; nothing was appended.
 */
class StoreUnavailableException extends RuntimeException {

	private StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	static StoreUnavailableException reading(String repo, IOException cause) {
		return new StoreUnavailableException("The store of repository '" + repo
				+ "' could not be read, so nothing was appended: " + cause.getClass().getSimpleName(), cause);
	}

	static StoreUnavailableException writing(String repo, IOException cause) {
		return new StoreUnavailableException("The store of repository '" + repo
				+ "' could not be written, so nothing was appended: " + cause.getClass().getSimpleName(), cause);
	}

}

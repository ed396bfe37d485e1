package io.teamlearnings.learnings;

import java.nio.file.Path;

/**
 * A digest file of that name exists already; digests are never overwritten.
 */
class DigestExistsException extends RuntimeException {

	private DigestExistsException(String message) {
		super(message);
	}

	static DigestExistsException at(Path path) {
		return new DigestExistsException(
				"The digest " + path + " exists already and is never overwritten; ask again in a second.");
	}

}

package io.teamlearnings.admissions;

import java.nio.file.Path;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A digest file of that name exists already; digests are never overwritten: 409 "Digest
 * exists".
 */
class DigestExistsException extends ErrorResponseException {

	private DigestExistsException(String detail) {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "Digest exists", detail), null);
	}

	static DigestExistsException at(Path path) {
		return new DigestExistsException(
				"The digest " + path + " exists already and is never overwritten; ask again in a second.");
	}

}

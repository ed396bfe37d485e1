package io.teamlearnings.sessions;

import java.io.IOException;
import java.nio.file.Path;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The session asked for is known, but its file cannot be read now (it changed, vanished
 * or its compressed stream is corrupt since it was indexed): 422 naming the file and why.
 */
class SessionUnreadableException extends ErrorResponseException {

	SessionUnreadableException(String id, Path file, IOException cause) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Session file unreadable",
				"Session '" + id + "' is in " + file + ", which could not be read: " + SessionFiles.describe(cause)),
				cause);
	}

}

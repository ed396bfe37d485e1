package io.teamlearnings.learnings.index;

import java.nio.file.Path;
import java.time.Duration;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Another holder (most likely another service process over the same repository) kept a
 * store's lock file locked for longer than {@code learnings.store.lock-wait}: answered
 * 503 "Store locked" naming the lock file (also as the {@code lock} property); nothing
 * was written.
 */
public class StoreLockBusyException extends ErrorResponseException {

	private final transient Path lockFile;

	StoreLockBusyException(Path lockFile, Duration waited) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(lockFile, waited), null);
		this.lockFile = lockFile;
	}

	private static ProblemDetail problem(Path lockFile, Duration waited) {
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Store locked",
				"The store lock " + lockFile + " was held by another writer for longer than " + waited.toMillis()
						+ " ms (learnings.store.lock-wait); nothing was written. Try again.");
		problem.setProperty("lock", lockFile.toString());
		return problem;
	}

	/**
	 * @return the lock file that stayed locked
	 */
	public Path lockFile() {
		return this.lockFile;
	}

}

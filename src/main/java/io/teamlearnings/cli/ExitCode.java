package io.teamlearnings.cli;

/**
 * The exit statuses of the {@code learnings} command. 0 and 2 mean what they mean for the
 * learnings tool; the tool has no service, so 3 to 5 are this command's own.
 */
final class ExitCode {

	/** Done: appended, a duplicate skipped, or the answer printed. */
	static final int OK = 0;

	/**
	 * The service refused the request and said why (a 4xx problem detail other than the
	 * quality gate: a field it rejects, a missing or weak token, an unknown row, a digest
	 * that exists), or the learning is empty (the tool's own exit 1).
	 */
	static final int REFUSED = 1;

	/** A usage error, or the quality gate refused the row: the tool's exit 2. */
	static final int USAGE = 2;

	/** The service could not be reached: connection refused, timed out, or a bad URL. */
	static final int UNREACHABLE = 3;

	/**
	 * No repository to work on: {@code LEARNINGS_REPO} names none the service serves, or
	 * the working directory is inside none of them.
	 */
	static final int NO_REPOSITORY = 4;

	/** The service failed (5xx) or answered something that is not its API. */
	static final int SERVICE_FAILED = 5;

	private ExitCode() {
	}

}

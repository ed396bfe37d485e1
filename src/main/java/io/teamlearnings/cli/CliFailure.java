package io.teamlearnings.cli;

import java.util.List;

/**
 * Ends a command with an exit status and the lines to print on standard error.
 */
final class CliFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int exitCode;

	private final transient List<String> lines;

	CliFailure(int exitCode, List<String> lines) {
		super(String.join("\n", lines), null, false, false);
		this.exitCode = exitCode;
		this.lines = List.copyOf(lines);
	}

	CliFailure(int exitCode, String line) {
		this(exitCode, List.of(line));
	}

	/** The exit status, one of {@link ExitCode}'s. */
	int exitCode() {
		return this.exitCode;
	}

	/** The lines for standard error, without line ends. */
	List<String> lines() {
		return this.lines;
	}

}

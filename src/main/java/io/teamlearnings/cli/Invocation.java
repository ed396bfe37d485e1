package io.teamlearnings.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run of the command gets from its process: the environment, the working directory
 * and the two output streams (UTF-8). Tests pass their own.
 *
 * @param env the environment variables
 * @param cwd the working directory, absolute
 * @param out standard output
 * @param err standard error
 */
record Invocation(Map<String, String> env, Path cwd, PrintStream out, PrintStream err) {

	/** Prints a line and a line feed (never the platform's line separator) on stdout. */
	void println(String line) {
		this.out.print(line + "\n");
	}

	/** Prints a line and a line feed on stderr. */
	void eprintln(String line) {
		this.err.print(line + "\n");
	}

}

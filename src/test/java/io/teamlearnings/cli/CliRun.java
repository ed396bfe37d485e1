package io.teamlearnings.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run of the {@code learnings} command in this process, as a shell would run it: what
 * it printed on each stream and its exit status.
 *
 * @param status the exit status
 * @param out standard output
 * @param err standard error
 */
record CliRun(int status, String out, String err) {

	/**
	 * @param cwd the working directory
	 * @param env the environment
	 * @param args the arguments after {@code learnings}
	 * @return the run
	 */
	static CliRun of(Path cwd, Map<String, String> env, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = LearningsCli.run(args, env, cwd, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}

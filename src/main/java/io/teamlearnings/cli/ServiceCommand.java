package io.teamlearnings.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the session with the service, the tool's {@code --path}
 * (accepted before or after the subcommand, as the tool accepts it), and usage errors in
 * the tool's words.
 */
abstract class ServiceCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@ParentCommand
	LearningsCli parent;

	@Mixin
	LearningsCli.PathOption path;

	private final Session session;

	ServiceCommand(Session session) {
		this.session = session;
	}

	Session session() {
		return this.session;
	}

	Invocation io() {
		return this.session.invocation();
	}

	/**
	 * Checks every {@code --path} given, before or after the subcommand.
	 * @throws CliFailure ({@link ExitCode#USAGE}) for a path other than the store
	 */
	void checkPaths() {
		List<String> paths = new ArrayList<>(this.parent.paths());
		paths.addAll(this.path.values);
		if (!paths.isEmpty()) {
			this.session.checkPaths(paths, usage());
		}
	}

	/**
	 * @param line the error's first line, in the tool's words
	 * @return the failure: that line and the usage, exit status 2
	 */
	CliFailure usageError(String line) {
		List<String> lines = new ArrayList<>();
		lines.add(line);
		lines.addAll(usage());
		return new CliFailure(ExitCode.USAGE, lines);
	}

	/**
	 * The tool's {@code parsePositiveInt}: a whole number, 0 or more; 0 means the
	 * command's default.
	 * @param value the option's value, or null when not given
	 * @param fallback the default
	 * @return the number, or the default for null or 0
	 * @throws CliFailure ({@link ExitCode#USAGE}) for anything else, as the tool's
	 * {@code error: expected non-negative integer}
	 */
	int count(String value, int fallback) {
		if (value == null) {
			return fallback;
		}
		long number;
		try {
			number = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw usageError("error: expected non-negative integer");
		}
		if (number < 0) {
			throw usageError("error: expected non-negative integer");
		}
		return (number == 0) ? fallback : (int) Math.min(number, Integer.MAX_VALUE);
	}

	private List<String> usage() {
		return this.spec.commandLine().getUsageMessage().lines().toList();
	}

}

package io.teamlearnings.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code learnings}: the learnings skill's commands ({@code append}, {@code recall},
 * {@code recent}, {@code codify-candidates}, {@code memory-digest}) with the flags,
 * output lines and exit statuses of the learnings tool (tkersey/skills-zig
 * {@code apps/learnings/scripts/learnings.zig} and {@code append_learning.zig}), carried
 * out by the learnings service instead of on the file.
 * <p>
 * Configured by the environment: {@code LEARNINGS_URL} (default
 * {@code http://127.0.0.1:8080}), {@code LEARNINGS_TOKEN} (sent as a bearer token),
 * {@code LEARNINGS_REPO} (default: the served repository whose root holds the working
 * directory). The tool's global {@code --path .learnings.jsonl} is accepted anywhere and
 * may only name the repository's store, which the service keeps at its root.
 * <p>
 * Usage errors print the tool's first line ({@code error: ...}, or
 * {@code InvalidArgument: ...} for {@code append}), then this command's usage, on
 * standard error, and exit 2. Exit statuses: see {@link ExitCode}.
 */
@Command(name = "learnings", mixinStandardHelpOptions = true, versionProvider = LearningsCli.Version.class,
		description = "Capture, recall and promote learnings through the learnings service.",
		footer = { "", "Environment: LEARNINGS_URL (default " + ServiceSettings.DEFAULT_URL + "), LEARNINGS_TOKEN, "
				+ "LEARNINGS_REPO (default: the served repository holding the working directory)." })
public final class LearningsCli implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	PathOption path;

	private final Invocation invocation;

	private LearningsCli(Invocation invocation) {
		this.invocation = invocation;
	}

	/**
	 * Runs the command in this process and exits with its status.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		int status = run(args, System.getenv(), Path.of("").toAbsolutePath(), out, err);
		out.flush();
		err.flush();
		System.exit(status);
	}

	/**
	 * Runs the command.
	 * @param args the arguments, as after {@code learnings} on a command line
	 * @param env the environment ({@code LEARNINGS_URL}, {@code LEARNINGS_TOKEN},
	 * {@code LEARNINGS_REPO})
	 * @param cwd the working directory, absolute
	 * @param out standard output, written as UTF-8
	 * @param err standard error, written as UTF-8
	 * @return the exit status, one of {@link ExitCode}'s
	 */
	public static int run(String[] args, Map<String, String> env, Path cwd, PrintStream out, PrintStream err) {
		Invocation invocation = new Invocation(env, cwd, out, err);
		Session session = new Session(invocation);
		CommandLine line = new CommandLine(new LearningsCli(invocation));
		line.addSubcommand(new AppendCommand(session));
		line.addSubcommand(new RecallCommand(session));
		line.addSubcommand(new RecentCommand(session));
		line.addSubcommand(new CodifyCandidatesCommand(session));
		line.addSubcommand(new MemoryDigestCommand(session));
		// The tool takes the next argument as an option's value whatever it is, repeats
		// overwrite, and an argument starting with @ is text, not a file to expand.
		line.setExpandAtFiles(false);
		line.setUsageHelpWidth(100);
		line.setAllowOptionsAsOptionParameters(true);
		line.setOverwrittenOptionsAllowed(true);
		line.setOut(new PrintWriter(out, true));
		line.setErr(new PrintWriter(err, true));
		line.setParameterExceptionHandler((ex, arguments) -> {
			invocation.eprintln(usageLine(ex));
			ex.getCommandLine().usage(err);
			return ExitCode.USAGE;
		});
		line.setExecutionExceptionHandler((ex, command, parsed) -> {
			if (ex instanceof CliFailure failure) {
				out.flush();
				failure.lines().forEach(invocation::eprintln);
				return failure.exitCode();
			}
			throw ex;
		});
		int status = line.execute(args);
		out.flush();
		err.flush();
		return status;
	}

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.invocation.out());
		return ExitCode.OK;
	}

	/** The {@code --path} values given before the subcommand. */
	List<String> paths() {
		return this.path.values;
	}

	/**
	 * The first line of a usage error, in the tool's words: {@code InvalidArgument: ...}
	 * for {@code append} (argparse's), {@code error: ...} for the others.
	 */
	private static String usageLine(CommandLine.ParameterException ex) {
		CommandLine command = ex.getCommandLine();
		boolean append = "append".equals(command.getCommandName());
		boolean top = command.getParent() == null;
		String detail;
		if (ex instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
				&& missing.getMissing().get(0) instanceof OptionSpec option) {
			detail = "argument " + option.longestName() + ": expected one argument";
		}
		else if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && append) {
			detail = "unrecognized arguments: " + unmatched.getUnmatched().get(0);
		}
		else {
			detail = top ? "missing command" : "invalid arguments";
		}
		return (append ? "InvalidArgument: " : "error: ") + detail;
	}

	/**
	 * The tool's global {@code --path}: the store's path, relative to the repository's
	 * root. The service keeps one store per repository, {@code <root>/.learnings.jsonl};
	 * the option is accepted so that the skill's commands run unchanged, and any other
	 * path is a usage error.
	 */
	static final class PathOption {

		@CommandLine.Option(names = "--path", paramLabel = "PATH",
				description = "Accepted as the learnings tool takes it; may only name the repository's store "
						+ "(.learnings.jsonl), which the service writes")
		List<String> values = new ArrayList<>();

	}

	/** The version of the jar, from its manifest. */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = LearningsCli.class.getPackage().getImplementationVersion();
			return new String[] { "learnings-cli " + ((version != null) ? version : "(development build)") };
		}

	}

}

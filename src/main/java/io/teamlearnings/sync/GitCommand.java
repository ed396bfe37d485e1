package io.teamlearnings.sync;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} command in a checkout: an argument list (never a shell), no
 * terminal prompt ({@code GIT_TERMINAL_PROMPT=0}, stdin from {@code /dev/null}), C locale
 * messages, and a time limit after which git and its children are killed. Git reads the
 * checkout's own configuration, so credentials come from its credential helper or SSH
 * agent; nothing here sees, stores or logs them. Output goes to temporary files, so a
 * large output cannot block git.
 */
class GitCommand {

	/** The time limit of commands that stay on this machine. */
	static final Duration LOCAL = Duration.ofSeconds(60);

	/** The time limit of fetch and push. */
	static final Duration REMOTE = Duration.ofMinutes(2);

	private static final File NO_INPUT = new File("/dev/null");

	private final String executable;

	GitCommand(String executable) {
		this.executable = executable;
	}

	/**
	 * What a git command did.
	 *
	 * @param exit its exit status
	 * @param out its standard output
	 * @param err its standard error
	 */
	record Result(int exit, String out, String err) {

		boolean ok() {
			return this.exit == 0;
		}

	}

	/**
	 * Runs {@code git <args>} in {@code dir}.
	 * @param dir the working directory
	 * @param timeout how long it may take
	 * @param args the arguments after {@code git}
	 * @return what it did, whatever its exit status
	 * @throws GitFailure of kind {@code git} if git cannot be started or did not finish
	 * in time
	 */
	Result run(Path dir, Duration timeout, List<String> args) throws GitFailure {
		List<String> command = new ArrayList<>(args.size() + 1);
		command.add(this.executable);
		command.addAll(args);
		Path out = null;
		Path err = null;
		try {
			out = Files.createTempFile("git-sync-", ".out");
			err = Files.createTempFile("git-sync-", ".err");
			ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
				.redirectInput(NO_INPUT)
				.redirectOutput(out.toFile())
				.redirectError(err.toFile());
			Map<String, String> env = builder.environment();
			env.remove("GIT_DIR");
			env.remove("GIT_WORK_TREE");
			env.remove("GIT_INDEX_FILE");
			env.put("GIT_TERMINAL_PROMPT", "0");
			env.put("GIT_MERGE_AUTOEDIT", "no");
			env.put("GIT_EDITOR", "true");
			env.put("LC_ALL", "C");
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				process.waitFor(5, TimeUnit.SECONDS);
				throw GitFailure.git("git " + args.get(0) + " did not finish within " + timeout.toSeconds() + " s");
			}
			return new Result(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
					new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw GitFailure.git("git could not be run (" + ex.getClass().getSimpleName() + "); is '" + this.executable
					+ "' installed?");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw GitFailure.git("interrupted while git " + args.get(0) + " ran");
		}
		finally {
			deleteQuietly(out);
			deleteQuietly(err);
		}
	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// a temporary file left behind is all that happens
			}
		}
	}

}

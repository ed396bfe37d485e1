package io.teamlearnings.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Real git repositories on disk for the git sync tests, without a network: a bare
 * "remote" and clones of it, each with its own {@code user.name} and {@code user.email};
 * and a teammate's append as the learnings tool writes it (no lock, no {@code O_APPEND}:
 * seek to the file's size, write the line, then {@code \n}).
 */
public final class GitRepos {

	private GitRepos() {
	}

	/**
	 * Runs {@code git <args>} in {@code dir} and fails unless it exits 0.
	 * @return its standard output
	 */
	public static String git(Path dir, String... args) {
		Result result = tryGit(dir, args);
		if (result.exit() != 0) {
			throw new IllegalStateException(
					"git " + String.join(" ", args) + " in " + dir + " failed: " + result.err());
		}
		return result.out();
	}

	/** What a git command did. */
	public record Result(int exit, String out, String err) {
	}

	/** Runs {@code git <args>} in {@code dir}, whatever its exit status. */
	public static Result tryGit(Path dir, String... args) {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(List.of(args));
		try {
			Path out = Files.createTempFile("test-git-", ".out");
			Path err = Files.createTempFile("test-git-", ".err");
			ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.environment().put("GIT_TERMINAL_PROMPT", "0");
			builder.environment().put("LC_ALL", "C");
			Process process = builder.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("git " + command + " did not finish");
			}
			Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
			Files.delete(out);
			Files.delete(err);
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Creates a bare repository {@code remote} on branch {@code main} with one commit
	 * holding {@code README.md} and {@code .learnings.jsonl} ({@code firstRows}, may be
	 * empty), made from a scratch clone.
	 */
	public static void createRemote(Path remote, String... firstRows) {
		try {
			Files.createDirectories(remote);
			git(remote, "init", "--quiet", "--bare", "--initial-branch=main");
			Path seed = Files.createTempDirectory("git-seed-");
			cloneAs(remote, seed, "seed");
			Files.writeString(seed.resolve("README.md"), "A project.\n");
			StringBuilder rows = new StringBuilder();
			for (String row : firstRows) {
				rows.append(row).append('\n');
			}
			Files.writeString(seed.resolve(".learnings.jsonl"), rows);
			git(seed, "add", "README.md", ".learnings.jsonl");
			git(seed, "commit", "--quiet", "-m", "Start");
			git(seed, "push", "--quiet", "origin", "main");
			TestStores.deleteRecursively(seed);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Clones {@code remote} into {@code dir} with {@code user} as its committer. */
	public static Path cloneAs(Path remote, Path dir, String user) {
		git(dir.getParent(), "clone", "--quiet", remote.toString(), dir.getFileName().toString());
		git(dir, "config", "user.name", user);
		git(dir, "config", "user.email", user + "@example.test");
		return dir;
	}

	/**
	 * Appends one line to {@code <root>/.learnings.jsonl} as the learnings tool does: no
	 * lock, seek to the size, write the line, then write {@code \n}.
	 */
	public static void toolAppend(Path root, String line) {
		try (RandomAccessFile file = new RandomAccessFile(root.resolve(".learnings.jsonl").toFile(), "rw")) {
			file.seek(file.length());
			file.write(line.getBytes(StandardCharsets.UTF_8));
			file.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A teammate appends with the tool, commits the file and pushes. */
	public static void teammateAppendsAndPushes(Path clone, String... lines) {
		git(clone, "pull", "--quiet", "--no-rebase", "origin", "main");
		for (String line : lines) {
			toolAppend(clone, line);
		}
		git(clone, "commit", "--quiet", "-m", "learnings", "--", ".learnings.jsonl");
		git(clone, "push", "--quiet", "origin", "main");
	}

	/**
	 * A row as the learnings tool writes it, with its fingerprint and id.
	 * @param capturedAt {@code YYYY-MM-DDTHH:MM:SSZ}
	 * @param status the status
	 * @param learning the rule
	 */
	public static String toolRow(String capturedAt, String status, String learning) {
		String fingerprint = fingerprint(status, learning);
		String id = "lrn-" + capturedAt.replace("-", "").replace(":", "") + "-" + fingerprint.substring(0, 8);
		return "{\"id\":\"" + id + "\",\"captured_at\":\"" + capturedAt + "\",\"status\":\"" + status
				+ "\",\"learning\":\"" + learning + "\",\"evidence\":[\"seen in a test\"],\"application\":\"tests\","
				+ "\"context\":{\"repo\":\"team/app\",\"branch\":\"main\",\"paths\":[]},\"source\":\"skill:learnings\","
				+ "\"fingerprint\":\"" + fingerprint + "\"}";
	}

	/**
	 * The tool's fingerprint: the first 16 hex of {@code sha1(status|lower(learning))}.
	 */
	public static String fingerprint(String status, String learning) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((status + "|" + learning.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The id in a row written by {@link #toolRow}. */
	public static String idOf(String row) {
		int start = row.indexOf("\"id\":\"") + 6;
		return row.substring(start, row.indexOf('"', start));
	}

	/**
	 * The lines of a repository's {@code .learnings.jsonl} at {@code rev} in {@code dir}.
	 */
	public static List<String> linesAt(Path dir, String rev) {
		return git(dir, "show", rev + ":.learnings.jsonl").lines().toList();
	}

}

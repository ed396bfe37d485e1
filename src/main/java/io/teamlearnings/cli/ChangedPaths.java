package io.teamlearnings.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The files a learning is about, as the learnings tool records them in
 * {@code context.paths} (tkersey/skills-zig {@code append_learning.zig},
 * {@code changedPathsAlloc}): the staged, then the unstaged changes of the git work tree
 * holding the working directory ({@code git diff --cached --name-only --relative}, then
 * {@code git diff --name-only --relative}, run at its root), each path once. None outside
 * a work tree, or when git is missing or fails.
 */
final class ChangedPaths {

	private ChangedPaths() {
	}

	/**
	 * @param cwd the working directory
	 * @return the changed paths, relative to the work tree's root
	 */
	static List<String> of(Path cwd) {
		Path root = gitRoot(cwd);
		List<String> paths = new ArrayList<>();
		if (root != null) {
			add(paths, git(root, "diff", "--cached", "--name-only", "--relative"));
			add(paths, git(root, "diff", "--name-only", "--relative"));
		}
		return paths;
	}

	private static Path gitRoot(Path cwd) {
		for (Path dir = cwd.toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.exists(dir.resolve(".git"))) {
				return dir;
			}
		}
		return null;
	}

	private static void add(List<String> paths, String lines) {
		for (String line : lines.split("\n")) {
			String path = line.strip();
			if (!path.isEmpty() && !paths.contains(path)) {
				paths.add(path);
			}
		}
	}

	private static String git(Path root, String... args) {
		List<String> command = new ArrayList<>();
		command.add("git");
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(root.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
				.start();
			String output;
			try (InputStream in = process.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return "";
			}
			return (process.exitValue() == 0) ? output : "";
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

}

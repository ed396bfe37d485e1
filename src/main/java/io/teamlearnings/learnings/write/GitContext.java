package io.teamlearnings.learnings.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository slug and branch of a git work tree, read from {@code .git/config} and
 * {@code .git/HEAD}, to fill a row's {@code context} when the caller gives none, as the
 * command-line tool does.
 *
 * @param repo {@code owner/name} of the {@code origin} remote, else the root directory's
 * name, as the tool writes it
 * @param branch the checked-out branch, else {@code unknown}
 */
record GitContext(String repo, String branch) {

	static final String UNKNOWN_BRANCH = "unknown";

	private static final Pattern ORIGIN_URL = Pattern
		.compile("\\[remote \"origin\"\\][^\\[]*?\\n\\s*url\\s*=\\s*(\\S+)", Pattern.DOTALL);

	private static final Pattern SLUG = Pattern.compile("[:/]([^/:]+/[^/]+?)(?:\\.git)?/?$");

	static GitContext of(Path root) {
		Path git = root.resolve(".git");
		String slug = Files.isDirectory(git) ? slug(git.resolve("config")) : "";
		String branch = Files.isDirectory(git) ? branch(git.resolve("HEAD")) : "";
		Path name = root.getFileName();
		return new GitContext(slug.isEmpty() && name != null ? name.toString() : slug,
				branch.isEmpty() ? UNKNOWN_BRANCH : branch);
	}

	private static String slug(Path config) {
		String text = read(config);
		Matcher url = ORIGIN_URL.matcher(text);
		if (!url.find()) {
			return "";
		}
		Matcher slug = SLUG.matcher(url.group(1));
		return slug.find() ? slug.group(1) : "";
	}

	/**
	 * The branch {@code HEAD} names, if it has a commit: on an unborn branch (a
	 * repository with no commit yet) {@code git rev-parse --abbrev-ref HEAD}, which the
	 * tool runs, fails, and the tool writes {@code unknown}.
	 */
	private static String branch(Path head) {
		String text = read(head).strip();
		if (!text.startsWith("ref: refs/heads/")) {
			return "";
		}
		String ref = text.substring("ref: ".length());
		Path git = head.getParent();
		boolean born = Files.isRegularFile(git.resolve(ref))
				|| read(git.resolve("packed-refs")).lines().anyMatch((line) -> line.endsWith(" " + ref));
		return born ? ref.substring("refs/heads/".length()) : "";
	}

	private static String read(Path file) {
		try {
			return Files.isRegularFile(file) ? String.join("\n", Files.readAllLines(file)) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

}

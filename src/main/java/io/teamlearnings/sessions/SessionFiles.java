package io.teamlearnings.sessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.teamlearnings.sessions.rollout.RolloutReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Finds session files under the configured directories: the Codex sessions directory (any
 * depth, {@code YYYY/MM/DD/rollout-...jsonl}), the archive (flat) and the uploads.
 * Rollouts are {@code *.jsonl} files, hand-off files
 * ({@code rollout-<ts>-<uuid>_<uuid>.jsonl}) included; in the sessions and archive
 * directories also {@code *.jsonl.zst}, the zstd-compressed form Codex archives rollouts
 * in, except where the plain file sits beside it (the plain file wins:
 * {@code seed-tools.md} section 3). Symbolic links are never followed, neither to files
 * nor to directories, and a file reached twice is listed once.
 */
@Component
class SessionFiles {

	private static final Logger log = LoggerFactory.getLogger(SessionFiles.class);

	static final String SESSIONS = "sessions";

	static final String ARCHIVE = "archive";

	static final String UPLOAD = "upload";

	private static final String PLAIN = ".jsonl";

	private static final String COMPRESSED = ".jsonl.zst";

	private final SessionsProperties properties;

	SessionFiles(SessionsProperties properties) {
		this.properties = properties;
	}

	/**
	 * A session file and where it was found.
	 *
	 * @param path the file
	 * @param source {@code sessions}, {@code archive} or {@code upload}
	 */
	record Located(Path path, String source) {

		boolean compressed() {
			return RolloutReader.isCompressed(this.path);
		}

	}

	/** Files in the sessions directory, then the archive, then the uploads. */
	List<Located> all() {
		return all(false);
	}

	/**
	 * Files in the sessions directory, then the archive, then the uploads.
	 * @param shadowed whether to include a {@code .jsonl.zst} beside its plain file too
	 * (cleanup removes both)
	 */
	List<Located> all(boolean shadowed) {
		List<Located> files = new ArrayList<>();
		Set<Path> seen = new HashSet<>();
		add(files, seen, this.properties.sessions(), SESSIONS, true, shadowed);
		add(files, seen, this.properties.archive(), ARCHIVE, true, shadowed);
		add(files, seen, this.properties.uploads(), UPLOAD, false, shadowed);
		return files;
	}

	/**
	 * What went wrong with a file, in words rather than an exception's class: {@code
	 * permission denied}, {@code the file is gone}, or the exception's message.
	 */
	static String describe(IOException ex) {
		if (ex instanceof java.nio.file.AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof java.nio.file.NoSuchFileException) {
			return "the file is gone";
		}
		if (ex instanceof java.nio.file.FileSystemException system && system.getReason() != null) {
			return system.getReason();
		}
		return (ex.getMessage() != null) ? ex.getMessage() : "input/output error";
	}

	/** Files of one source only. */
	List<Located> of(String source) {
		return all().stream().filter((file) -> file.source().equals(source)).toList();
	}

	boolean anyDirectoryExists() {
		return Files.isDirectory(this.properties.sessions()) || Files.isDirectory(this.properties.archive())
				|| Files.isDirectory(this.properties.uploads());
	}

	private static void add(List<Located> files, Set<Path> seen, Path configured, String source, boolean compressed,
			boolean shadowed) {
		Path root;
		try {
			// the configured directory itself may be a link (~/.codex -> elsewhere);
			// links below it are never followed
			root = configured.toRealPath();
		}
		catch (IOException ex) {
			return;
		}
		if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		List<Path> found = new ArrayList<>();
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (attributes.isRegularFile() && isRollout(file, compressed, shadowed)) {
						found.add(file);
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					log.warn("Skipping {} while listing session files: {}", file, ex.toString());
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not list session files under " + root, ex);
		}
		found.sort(null);
		for (Path path : found) {
			if (seen.add(path.toAbsolutePath().normalize())) {
				files.add(new Located(path, source));
			}
		}
	}

	private static boolean isRollout(Path path, boolean compressed, boolean shadowed) {
		String name = path.getFileName().toString();
		if (name.endsWith(PLAIN)) {
			return true;
		}
		if (!compressed || !name.endsWith(COMPRESSED)) {
			return false;
		}
		if (shadowed) {
			return true;
		}
		Path plain = path.resolveSibling(name.substring(0, name.length() - ".zst".length()));
		return !Files.isRegularFile(plain, LinkOption.NOFOLLOW_LINKS);
	}

	/** Whether {@code path}, resolved, lies inside {@code root}, resolved. */
	static boolean inside(Path path, Path root) {
		try {
			return path.toRealPath().startsWith(root.toRealPath());
		}
		catch (IOException ex) {
			return false;
		}
	}

}

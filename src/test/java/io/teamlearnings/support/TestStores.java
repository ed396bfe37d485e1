package io.teamlearnings.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Temporary repositories and data directories for tests, so that no test touches the
 * project's own directory. Every directory is made under one root per JVM, which is
 * deleted when the JVM exits, after the applications still running have been closed (so
 * that H2 has closed its files first).
 */
public final class TestStores {

	/** Name of the copied fixture in the test resources. */
	public static final String DOTFILES_FIXTURE = "/fixtures/dotfiles-learnings.jsonl";

	private static final Path ROOT = createRoot();

	private TestStores() {
	}

	/** The directory every temporary directory of this JVM is made in. */
	public static Path root() {
		return ROOT;
	}

	public static Path newDirectory(String prefix) {
		try {
			return Files.createTempDirectory(ROOT, prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Serves the given repositories, in order, with the index in a new temporary data
	 * directory; the quality gate accepts their roots, which are temporary directories.
	 */
	@SafeVarargs
	public static void serve(DynamicPropertyRegistry registry, Map.Entry<String, Path>... repos) {
		Path dataDir = newDirectory("data");
		registry.add("learnings.data-dir", dataDir::toString);
		registry.add("learnings.store.allow-temp-path", () -> "true");
		for (int i = 0; i < repos.length; i++) {
			Map.Entry<String, Path> repo = repos[i];
			registry.add("learnings.repos[" + i + "].name", repo::getKey);
			registry.add("learnings.repos[" + i + "].root", () -> repo.getValue().toString());
		}
	}

	/**
	 * A new repository root whose {@code .learnings.jsonl} is a copy of the dotfiles
	 * fixture.
	 */
	public static Path dotfilesRepository() {
		Path root = newDirectory("dotfiles-repo");
		copyDotfilesFixture(root);
		return root;
	}

	/** Makes {@code root}'s {@code .learnings.jsonl} a copy of the dotfiles fixture. */
	public static void copyDotfilesFixture(Path root) {
		try (InputStream fixture = TestStores.class.getResourceAsStream(DOTFILES_FIXTURE)) {
			Files.copy(fixture, root.resolve(".learnings.jsonl"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Puts {@code text} in place as {@code file} in one rename, so that a running service
	 * polling the file sees either nothing or all of it.
	 */
	public static void install(Path file, String text) {
		try {
			Path staged = Files.createTempFile(ROOT, "staged", ".jsonl");
			Files.writeString(staged, text);
			Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path createRoot() {
		try {
			Path root = Files.createTempDirectory("learnings-tests-");
			Thread cleanup = new Thread(() -> deleteAfterApplicationsClose(root), "learnings-tests-cleanup");
			Runtime.getRuntime().addShutdownHook(cleanup);
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs in a JVM shutdown hook. The applications still running (the test context
	 * cache's) are closed by Spring Boot's own shutdown hook, which the JVM starts at the
	 * same time as this one: wait for it (and any other Spring shutdown hook), so that H2
	 * has closed its files, then delete the whole root. Gives up after 20 seconds, well
	 * before Surefire stops waiting for the JVM to exit.
	 */
	private static void deleteAfterApplicationsClose(Path root) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		try {
			Thread.sleep(200);
			for (Thread thread : Thread.getAllStackTraces().keySet()) {
				if (thread != Thread.currentThread() && thread.getName().contains("ShutdownHook")) {
					thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		while (Files.exists(root)) {
			try {
				deleteRecursively(root);
			}
			catch (IOException ex) {
				if (System.nanoTime() > deadline) {
					System.err.println("Could not delete the test directory " + root + ": " + ex);
					return;
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * Deletes {@code root} and everything in it; symbolic links are deleted, not
	 * followed.
	 */
	public static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.deleteIfExists(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				if (ex instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE;
				}
				throw ex;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path directory, IOException ex) throws IOException {
				if (ex != null && !(ex instanceof NoSuchFileException)) {
					throw ex;
				}
				Files.deleteIfExists(directory);
				return FileVisitResult.CONTINUE;
			}

		});
	}

}

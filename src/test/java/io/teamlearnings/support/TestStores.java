package io.teamlearnings.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Temporary repositories and data directories for tests, so that no test touches the
 * project's own directory.
 */
public final class TestStores {

	/** Name of the copied fixture in the test resources. */
	public static final String DOTFILES_FIXTURE = "/fixtures/dotfiles-learnings.jsonl";

	private TestStores() {
	}

	public static Path newDirectory(String prefix) {
		try {
			Path directory = Files.createTempDirectory(prefix);
			directory.toFile().deleteOnExit();
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Serves the given repositories, in order, with the index in a new temporary data
	 * directory.
	 */
	@SafeVarargs
	public static void serve(DynamicPropertyRegistry registry, Map.Entry<String, Path>... repos) {
		registry.add("learnings.data-dir", () -> newDirectory("data").toString());
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
		try (InputStream fixture = TestStores.class.getResourceAsStream(DOTFILES_FIXTURE)) {
			Files.copy(fixture, root.resolve(".learnings.jsonl"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return root;
	}

}

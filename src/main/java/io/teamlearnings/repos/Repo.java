package io.teamlearnings.repos;

import java.nio.file.Path;

/**
 * A served repository: its name, its root directory and its canonical store.
 *
 * @param name the name used in URLs
 * @param root the absolute, normalised root directory
 */
public record Repo(String name, Path root) {

	/** File name of the canonical store inside a repository root. */
	public static final String STORE_FILE_NAME = ".learnings.jsonl";

	static final String NAME_PATTERN = "^[a-z0-9][a-z0-9._-]{0,63}$";

	/**
	 * The canonical store of this repository.
	 * @return {@code <root>/.learnings.jsonl}
	 */
	public Path storeFile() {
		return this.root.resolve(STORE_FILE_NAME);
	}

}

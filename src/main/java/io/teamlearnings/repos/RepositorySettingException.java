package io.teamlearnings.repos;

import java.nio.file.Path;

/**
 * A configured repository ({@code learnings.repos[N]}) cannot be served, so the service
 * refuses to start. {@link RepositorySettingFailureAnalyzer} turns this into the message
 * a user reads.
 */
class RepositorySettingException extends RuntimeException {

	private final String action;

	private RepositorySettingException(String message, String action) {
		super(message);
		this.action = action;
	}

	static RepositorySettingException notADirectory(int index, Path root) {
		return new RepositorySettingException(
				"learnings.repos[" + index + "].root=" + root + " is not an existing directory.",
				"Create the directory, or correct learnings.repos[" + index + "].root (LEARNINGS_REPOS_" + index
						+ "_ROOT) in config/application.yml, the environment or the command line.");
	}

	static RepositorySettingException nameTakenTwice(int index, String name) {
		return new RepositorySettingException("learnings.repos[" + index + "].name=" + name + " is configured twice.",
				"Give every configured repository a name of its own (learnings.repos[N].name, "
						+ "LEARNINGS_REPOS_N_NAME).");
	}

	/**
	 * How to fix the setting.
	 * @return the action to take, one sentence or two
	 */
	String action() {
		return this.action;
	}

}

package io.teamlearnings.sync;

import io.teamlearnings.repos.GitSyncSettings;

import org.springframework.lang.Nullable;

/**
 * Parts of {@link GitSync}'s messages that depend on where the branch to sync comes from
 * ({@code learnings.repos[N].git.branch}, or, with it blank, the branch checked out when
 * sync first ran for the repository in this service) and on what a sync already did.
 */
final class SyncWording {

	private static final String SETTING = "learnings.repos[N].git.branch";

	private SyncWording() {
	}

	/**
	 * Names the branch to sync, for a checkout whose HEAD is detached.
	 * @param settings the repository's sync settings
	 * @param expected the branch to sync, configured or remembered; null if neither
	 */
	static String which(GitSyncSettings settings, @Nullable String expected) {
		if (!settings.branch().isBlank()) {
			return "'" + settings.branch() + "', as configured";
		}
		if (expected != null) {
			return "'" + expected + "', the branch checked out when sync first ran in this service; " + SETTING
					+ " is blank";
		}
		return "the branch to sync, or set " + SETTING;
	}

	/** Why the branch checked out is the wrong one. */
	static String why(GitSyncSettings settings) {
		return settings.branch().isBlank()
				? "(the branch checked out when sync first ran in this service; " + SETTING + " is blank)"
				: "as configured";
	}

	/** What else a person may do than check out the branch to sync. */
	static String orChange(GitSyncSettings settings) {
		return settings.branch().isBlank() ? ", or set " + SETTING + " and restart the service"
				: " or change " + SETTING;
	}

	/**
	 * Tells, for a merge that failed, what became of the rows committed before it.
	 * @param committed rows the same sync committed before the merge
	 */
	static String committedBefore(int committed) {
		if (committed == 0) {
			return "";
		}
		return (committed == 1)
				? " (1 row appended since the last commit was committed before it and is pushed once the merge can be "
						+ "made)"
				: " (" + committed
						+ " rows appended since the last commit were committed before it and are pushed once "
						+ "the merge can be made)";
	}

}

package io.teamlearnings.sync;

import java.util.regex.Pattern;

/**
 * Why a sync failed or stopped, worded for the people who run the service, without
 * credentials: user information in URLs ({@code https://user:token@host}) is replaced by
 * {@code ***} before a message of git's is kept (see {@link #redact}).
 */
class GitFailure extends Exception {

	/** The kinds of {@code GitSyncState.SyncError}. */
	enum Kind {

		/** Fetch or push failed: network, authentication, a missing remote or branch. */
		REMOTE,
		/** The checkout is in a state sync does not handle; nothing was changed. */
		CHECKOUT,
		/** Git refused or failed the merge; a merge begun was aborted. */
		MERGE,
		/** Git itself could not be run or did not finish in time. */
		GIT;

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s]*@");

	/** What a kept message of git's is cut to. */
	private static final int MAX_GIT_MESSAGE = 400;

	private final Kind kind;

	GitFailure(Kind kind, String message) {
		super(message, null, false, false);
		this.kind = kind;
	}

	Kind kind() {
		return this.kind;
	}

	static GitFailure remote(String what, String gitMessage) {
		return new GitFailure(Kind.REMOTE, what + ": " + gitMessage);
	}

	static GitFailure checkout(String message) {
		return new GitFailure(Kind.CHECKOUT, message);
	}

	static GitFailure merge(String message) {
		return new GitFailure(Kind.MERGE, message);
	}

	static GitFailure git(String message) {
		return new GitFailure(Kind.GIT, message);
	}

	/**
	 * The text with the user information of every URL in it
	 * ({@code https://user:token@host}) replaced by {@code ***}: everything between the
	 * scheme and the last {@code @} before the path, so that a password holding an
	 * unescaped {@code @} goes too.
	 * @param text any text
	 * @return the text without user information
	 */
	static String withoutUserInfo(String text) {
		return USERINFO.matcher(text).replaceAll("$1***@");
	}

	/**
	 * Text from git as it may be shown and logged: URLs without user information, its
	 * first lines only, at most {@value #MAX_GIT_MESSAGE} characters.
	 * @param text what git printed
	 * @return the text redacted, or {@code no message from git}
	 */
	static String redact(String text) {
		String kept = withoutUserInfo(text.strip());
		kept = kept.lines().filter((line) -> !line.isBlank()).limit(4).reduce((a, b) -> a + " / " + b).orElse("");
		if (kept.length() > MAX_GIT_MESSAGE) {
			kept = kept.substring(0, MAX_GIT_MESSAGE) + "...";
		}
		return kept.isEmpty() ? "no message from git" : kept;
	}

}

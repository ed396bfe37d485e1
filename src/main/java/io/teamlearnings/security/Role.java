package io.teamlearnings.security;

import java.util.Locale;

/**
 * What a token may do in a repository; each role includes the ones before it.
 */
public enum Role {

	/** Browse, recall, summaries, sessions and notes. */
	READER,

	/** Also append, supersede, withdraw, share, import, admit, upload sessions. */
	WRITER,

	/** Also session cleanup, reindexing and token management. */
	ADMIN;

	boolean includes(Role other) {
		return ordinal() >= other.ordinal();
	}

	static Role parse(String name) {
		return valueOf(name.strip().toUpperCase(Locale.ROOT));
	}

}

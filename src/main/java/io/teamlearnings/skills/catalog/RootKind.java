package io.teamlearnings.skills.catalog;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a skill root holds, which decides where a new skill goes and what may be changed
 * there.
 */
public enum RootKind {

	/** A cross-project catalog (for example {@code ~/.codex/skills}). */
	SHARED,

	/** One repository's own skills (for example {@code <repo root>/.codex/skills}). */
	PROJECT,

	/**
	 * A catalog the team uses but does not edit (a vendor's or the system's skills, such
	 * as {@code ~/.codex/skills/.system}): nothing is created there; a recurring
	 * customisation of one of its skills becomes a wrapper skill elsewhere.
	 */
	EXTERNAL;

	/**
	 * @return the kind as written in configuration and JSON: {@code shared},
	 * {@code project} or {@code external}
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}

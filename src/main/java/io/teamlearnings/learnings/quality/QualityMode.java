package io.teamlearnings.learnings.quality;

import org.springframework.lang.Nullable;

/**
 * How new rows are judged, as the {@code learnings} tool's {@code --quality-mode} option
 * says: {@link #STRICT} (the tool's default) refuses a row the gate finds weak;
 * {@link #BEST_EFFORT} writes it unjudged, filling in missing evidence and application
 * with the tool's placeholders.
 */
public enum QualityMode {

	/** Judge every new row; refuse it on any {@code quality-error}. */
	STRICT("strict"),

	/** Judge nothing; a missing evidence or application gets the tool's placeholder. */
	BEST_EFFORT("best_effort");

	private final String value;

	QualityMode(String value) {
		this.value = value;
	}

	/** The mode as the tool and the {@code quality_mode} parameter spell it. */
	public String value() {
		return this.value;
	}

	/**
	 * The mode spelt {@code value}, exactly as the tool accepts it.
	 * @param value {@code strict} or {@code best_effort}
	 * @return the mode, or null for any other value
	 */
	@Nullable
	public static QualityMode fromValue(String value) {
		for (QualityMode mode : values()) {
			if (mode.value.equals(value)) {
				return mode;
			}
		}
		return null;
	}

}

package io.teamlearnings.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.teamlearnings.system.Problems;

import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponseException;

/**
 * A window of recent sessions: the last {@code minutes} minutes (at least 1), measured on
 * the sessions' start or on their last activity.
 *
 * @param minutes the window's length in minutes
 * @param by what is compared with the window
 */
record Lookback(int minutes, By by) {

	/** What a session's place in time is. */
	enum By {

		/**
		 * Its start: the first {@code session_meta}, as the seed's extractor selects (a
		 * resumed session's new turns in an old file are then out of the window).
		 */
		START,

		/**
		 * Its last activity: the newest record that is not replayed history, else the
		 * file's modification time (a resumed session is in the window with its new
		 * turns).
		 */
		ACTIVITY;

		/** The parameter value: {@code start} or {@code activity}. */
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * The value of a {@code lookback_by} parameter, {@code fallback} when absent.
		 * @throws ErrorResponseException a 400 problem naming {@code lookback_by} for any
		 * other value
		 */
		static By parse(@Nullable String value, By fallback) {
			if (value == null || value.isBlank()) {
				return fallback;
			}
			for (By by : values()) {
				if (by.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
					return by;
				}
			}
			throw new ErrorResponseException(org.springframework.http.HttpStatus.BAD_REQUEST,
					Problems.field("Invalid parameter", "Parameter 'lookback_by' must be start or activity",
							"lookback_by", "must be start or activity"),
					null);
		}

	}

	Lookback {
		minutes = Math.max(minutes, 1);
	}

	/** The window's beginning, {@code minutes} before now. */
	Instant cutoff(Clock clock) {
		return clock.instant().minus(Duration.ofMinutes(this.minutes));
	}

}

package io.teamlearnings.sessions;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Lesson signals in a window of sessions.
 *
 * @param lookbackMinutes the window
 * @param lookbackBy what selects the window's sessions: {@code activity} (default) or
 * {@code start}
 * @param sessionsAnalysed sessions read
 * @param byKind signals per kind
 * @param signals the signals, best first
 * @param unreadableFiles files in the window that could not be read
 */
@Schema(name = "SignalsResult")
record SignalsResult(@JsonProperty("lookback_minutes") int lookbackMinutes,
		@JsonProperty("lookback_by") String lookbackBy, @JsonProperty("sessions_analysed") int sessionsAnalysed,
		@JsonProperty("by_kind") Map<String, Integer> byKind, List<LessonSignal> signals,
		@JsonProperty("unreadable_files") List<SessionCatalog.Unreadable> unreadableFiles) {
}

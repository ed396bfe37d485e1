package io.teamlearnings.sessions;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Lesson signals in a window of sessions.
 *
 * @param lookbackMinutes the window
 * @param sessionsAnalysed sessions read
 * @param byKind signals per kind
 * @param signals the signals, best first
 */
@Schema(name = "SignalsResult")
record SignalsResult(@JsonProperty("lookback_minutes") int lookbackMinutes,
		@JsonProperty("sessions_analysed") int sessionsAnalysed, @JsonProperty("by_kind") Map<String, Integer> byKind,
		List<LessonSignal> signals) {
}

package io.teamlearnings.sessions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.learnings.LearningLookup;

/**
 * A moment in a conversation that a lesson may come from.
 *
 * @param kind {@code correction}, {@code tool_failure}, {@code repeated_request},
 * {@code post_completion_followup} or {@code scope_correction}
 * @param score rank (higher first): repetition across sessions ranks highest
 * @param sessionId the session
 * @param file its file
 * @param line the line of the moment in the file
 * @param evidence the quoted evidence, in order (what came before, the moment, what
 * followed)
 * @param rule the documented rule that matched
 * @param relatedLearnings existing learnings recall finds for it, so new lessons stand
 * out
 */
@Schema(name = "LessonSignal")
record LessonSignal(String kind, double score, @JsonProperty("session_id") String sessionId, String file, long line,
		List<String> evidence, String rule,
		@JsonProperty("related_learnings") List<LearningLookup.Recalled> relatedLearnings) {

	LessonSignal withRelated(List<LearningLookup.Recalled> related) {
		return new LessonSignal(this.kind, this.score, this.sessionId, this.file, this.line, this.evidence, this.rule,
				related);
	}

}

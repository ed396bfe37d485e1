package io.teamlearnings.sessions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.sessions.rollout.Rollout;

/**
 * A session as structured JSON: its summary, conversation, tool calls, compactions and
 * unreadable lines.
 *
 * @param session the summary
 * @param messages the conversation (event messages, else response-item messages), a
 * fork's replayed history marked {@code replayed}
 * @param toolCalls the tool calls with their outputs (long ones cut, with their whole
 * length)
 * @param compacted history Codex replaced by a summary ({@code compacted} records), shown
 * as such rather than as new messages
 * @param unreadableLines lines that could not be read, with the reason (the first 1000)
 */
@Schema(name = "SessionDetail")
record SessionDetail(SessionSummary session, List<Rollout.Message> messages,
		@JsonProperty("tool_calls") List<Rollout.ToolCall> toolCalls, List<Rollout.Compaction> compacted,
		@JsonProperty("unreadable_lines") List<Rollout.Problem> unreadableLines) {
}

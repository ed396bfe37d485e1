package io.teamlearnings.sessions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A session as structured JSON: its summary, conversation, tool calls and unreadable
 * lines.
 *
 * @param session the summary
 * @param messages the conversation (event messages, else response-item messages)
 * @param toolCalls the tool calls with their outputs
 * @param unreadableLines lines that could not be read, with the reason
 */
@Schema(name = "SessionDetail")
record SessionDetail(SessionSummary session, List<Rollout.Message> messages,
		@JsonProperty("tool_calls") List<Rollout.ToolCall> toolCalls,
		@JsonProperty("unreadable_lines") List<Rollout.Problem> unreadableLines) {
}

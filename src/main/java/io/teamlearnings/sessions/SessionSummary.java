package io.teamlearnings.sessions;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * A session as listed.
 *
 * @param id the session id
 * @param source {@code sessions}, {@code archive} or {@code upload}
 * @param file the session file
 * @param format {@code current}, {@code legacy} or {@code unknown}
 * @param start when it started
 * @param lastActivity its latest record time
 * @param cwd its working directory
 * @param userMessages user messages in its conversation
 * @param assistantMessages assistant messages in its conversation
 * @param toolCalls tool calls
 * @param failedToolCalls tool calls that failed
 * @param unreadableLines lines that could not be read
 * @param torn whether its last line is incomplete
 */
@Schema(name = "SessionSummary")
record SessionSummary(String id, String source, String file, String format, @Nullable Instant start,
		@JsonProperty("last_activity") @Nullable Instant lastActivity, @Nullable String cwd,
		@JsonProperty("user_messages") int userMessages, @JsonProperty("assistant_messages") int assistantMessages,
		@JsonProperty("tool_calls") int toolCalls, @JsonProperty("failed_tool_calls") int failedToolCalls,
		@JsonProperty("unreadable_lines") int unreadableLines, boolean torn) {

	static SessionSummary of(Rollout rollout) {
		int users = (int) rollout.conversation().stream().filter((message) -> message.role().equals("user")).count();
		return new SessionSummary(rollout.id(), rollout.source(), rollout.path().toString(), rollout.format(),
				rollout.start(), rollout.lastActivity(), rollout.cwd(), users, rollout.conversation().size() - users,
				rollout.toolCalls().size(), (int) rollout.toolCalls().stream().filter(Rollout.ToolCall::failed).count(),
				rollout.problems().size(), rollout.torn());
	}

}

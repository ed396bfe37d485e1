package io.teamlearnings.sessions;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.sessions.rollout.Rollout;
import io.teamlearnings.sessions.rollout.RolloutReader;

import org.springframework.lang.Nullable;

/**
 * A session as listed. Counts leave out history a fork replays from its parent.
 *
 * @param id the session id (its first {@code session_meta}'s, else the file name's)
 * @param source {@code sessions}, {@code archive} or {@code upload}
 * @param file the session file
 * @param compressed whether the file is zstd-compressed ({@code .jsonl.zst})
 * @param bytes the file's size in bytes
 * @param format {@code current}, {@code legacy} or {@code unknown}
 * @param startedAt when it started (its first {@code session_meta})
 * @param lastActivityAt its newest record time that is not replayed history, else the
 * file's modification time
 * @param forkedFromId the session it was forked from, if it is a fork
 * @param cwd its working directory
 * @param userMessages user messages in its conversation
 * @param assistantMessages assistant messages in its conversation
 * @param toolCalls tool calls
 * @param failedToolCalls tool calls that failed
 * @param replayedLines lines replaying a parent session's history
 * @param compactions {@code compacted} records (history replaced by a summary)
 * @param unreadableLines lines that could not be read (damaged, not JSON, over the line
 * limit)
 * @param torn whether its last line is incomplete
 * @param error why the file could not be read, when it could not (the other fields are
 * then what its name and attributes say)
 */
@Schema(name = "SessionSummary")
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionSummary(String id, String source, String file, boolean compressed, long bytes, String format,
		@JsonProperty("started_at") @Nullable Instant startedAt,
		@JsonProperty("last_activity_at") @Nullable Instant lastActivityAt,
		@JsonProperty("forked_from_id") @Nullable String forkedFromId, @Nullable String cwd,
		@JsonProperty("user_messages") int userMessages, @JsonProperty("assistant_messages") int assistantMessages,
		@JsonProperty("tool_calls") int toolCalls, @JsonProperty("failed_tool_calls") int failedToolCalls,
		@JsonProperty("replayed_lines") long replayedLines, int compactions,
		@JsonProperty("unreadable_lines") long unreadableLines, boolean torn, @Nullable String error) {

	static SessionSummary of(Rollout rollout) {
		int users = 0;
		int assistants = 0;
		for (Rollout.Message message : rollout.conversation()) {
			if (!message.replayed()) {
				if (message.role().equals("user")) {
					users++;
				}
				else {
					assistants++;
				}
			}
		}
		int calls = 0;
		int failed = 0;
		for (Rollout.ToolCall call : rollout.toolCalls()) {
			if (!call.replayed()) {
				calls++;
				failed += call.failed() ? 1 : 0;
			}
		}
		return new SessionSummary(rollout.id(), rollout.source(), rollout.path().toString(), rollout.compressed(),
				rollout.bytes(), rollout.format(), rollout.startedAt(), rollout.lastActivityAt(),
				rollout.forkedFromId(), rollout.cwd(), users, assistants, calls, failed, rollout.replayedLines(),
				rollout.compactions().size(), rollout.problemCount(), rollout.torn(), null);
	}

	/** A file that could not be read: what its name and attributes say, and why. */
	static SessionSummary unreadable(SessionFiles.Located file, long bytes, @Nullable Instant modifiedAt,
			String error) {
		return new SessionSummary(RolloutReader.idFromName(file.path()), file.source(), file.path().toString(),
				file.compressed(), bytes, "unknown", null, modifiedAt, null, null, 0, 0, 0, 0, 0, 0, 0, false, error);
	}

}

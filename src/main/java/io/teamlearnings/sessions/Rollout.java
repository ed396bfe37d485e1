package io.teamlearnings.sessions;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.lang.Nullable;

/**
 * One Codex session file, read: what the session was, its conversation, its tool calls,
 * and the lines that could not be read.
 *
 * @param path the file
 * @param source where it was found: {@code sessions}, {@code archive} or {@code upload}
 * @param format {@code current} (typed records with payloads), {@code legacy} (a bare
 * header and bare items) or {@code unknown}
 * @param id the session id
 * @param start when the session started, if the file says
 * @param metaStart the start as the seed's extractor reads it: from a first line that is
 * a {@code session_meta} record only
 * @param cwd the session's working directory
 * @param lastActivity the latest record time
 * @param eventMessages user and assistant messages from {@code event_msg} records
 * @param itemMessages user and assistant messages from {@code response_item} (or legacy)
 * messages, injected context dropped
 * @param toolCalls the tool calls with their outputs
 * @param problems lines that are not valid UTF-8 or not JSON objects, with the reason
 * @param torn whether the last line is incomplete (a file still being written)
 */
record Rollout(Path path, String source, String format, String id, @Nullable Instant start, @Nullable Instant metaStart,
		@Nullable String cwd, @Nullable Instant lastActivity, List<Message> eventMessages, List<Message> itemMessages,
		List<ToolCall> toolCalls, List<Problem> problems, boolean torn) {

	/**
	 * A user or assistant message.
	 *
	 * @param line the line it was read from
	 * @param role {@code user} or {@code assistant}
	 * @param text the text as written
	 * @param at when, if the record says
	 */
	record Message(int line, String role, String text, @Nullable Instant at) {
	}

	/**
	 * A tool call and what came of it.
	 *
	 * @param line the line of the call
	 * @param callId the call id
	 * @param name the tool
	 * @param input its arguments or command
	 * @param output its output, if recorded
	 * @param exitCode the exit code, if known
	 * @param failed a non-zero exit code, or an output that reports an error
	 * @param at when, if the record says
	 */
	record ToolCall(int line, @JsonProperty("call_id") String callId, String name, String input,
			@Nullable String output, @JsonProperty("exit_code") @Nullable Integer exitCode, boolean failed,
			@Nullable Instant at) {
	}

	/**
	 * A line that could not be read.
	 *
	 * @param line its number
	 * @param reason why
	 */
	record Problem(int line, String reason) {
	}

	/**
	 * The conversation as the seed's extractor takes it: event messages if any, else item
	 * messages.
	 */
	List<Message> conversation() {
		return this.eventMessages.isEmpty() ? this.itemMessages : this.eventMessages;
	}

}

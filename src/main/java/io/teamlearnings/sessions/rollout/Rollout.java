package io.teamlearnings.sessions.rollout;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * One Codex session file, read: what the session is, its conversation, tool calls and
 * compactions, and the lines that could not be read.
 *
 * @param path the file
 * @param source where it was found: {@code sessions}, {@code archive} or {@code upload}
 * @param compressed whether the file is zstd-compressed ({@code .jsonl.zst})
 * @param bytes the file's size in bytes (compressed size for a {@code .jsonl.zst})
 * @param modifiedAt the file's modification time
 * @param format {@code current} (typed records with payloads), {@code legacy} (a bare
 * header and bare items) or {@code unknown}
 * @param id the session id: the first {@code session_meta}'s, else the file name's uuid
 * @param startedAt when the session started: the first {@code session_meta} (or legacy
 * header)
 * @param metaStart the start as the seed's extractor reads it: from a first line that is
 * a {@code session_meta} record only
 * @param forkedFromId the session this one was forked from, if it is a fork
 * @param cwd the session's working directory
 * @param lastRecordAt the newest time of a record that is not replayed history
 * @param eventMessages user and assistant messages from {@code event_msg} records
 * @param itemMessages user and assistant messages from {@code response_item} (or legacy)
 * messages, injected context dropped
 * @param toolCalls the tool calls with their outputs
 * @param compactions the {@code compacted} records: history replaced by a summary
 * @param replayedLines lines that replay a parent session's history (in a fork)
 * @param problems lines that are not valid UTF-8, not JSON objects or longer than the
 * line limit, with the reason (the first {@value RolloutReader#MAX_PROBLEMS} only)
 * @param problemCount how many such lines there are in all
 * @param torn whether the last line is incomplete (a file still being written)
 */
public record Rollout(Path path, String source, boolean compressed, long bytes, Instant modifiedAt, String format,
		String id, @Nullable Instant startedAt, @Nullable Instant metaStart, @Nullable String forkedFromId,
		@Nullable String cwd, @Nullable Instant lastRecordAt, List<Message> eventMessages, List<Message> itemMessages,
		List<ToolCall> toolCalls, List<Compaction> compactions, long replayedLines, List<Problem> problems,
		long problemCount, boolean torn) {

	/**
	 * A user or assistant message.
	 *
	 * @param line the line it was read from
	 * @param role {@code user} or {@code assistant}
	 * @param text the text as written
	 * @param at when, if the record says
	 * @param replayed whether it replays a parent session's history (in a fork): not new
	 * activity, never the source of a signal
	 */
	@Schema(name = "SessionMessage")
	public record Message(long line, String role, String text, @Nullable Instant at, boolean replayed) {
	}

	/**
	 * A tool call and what came of it; long inputs and outputs are cut to their first
	 * {@value RolloutReader#KEPT_TOOL_CHARS} characters, so that a session of large tool
	 * outputs is held in bounded memory.
	 *
	 * @param line the line of the call
	 * @param callId the call id
	 * @param name the tool
	 * @param input its arguments or command (possibly cut)
	 * @param inputChars the input's whole length in characters
	 * @param output its output (possibly cut), if recorded
	 * @param outputChars the output's whole length in characters
	 * @param exitCode the exit code, if known
	 * @param failed a non-zero exit code, or an output that reports an error
	 * @param at when, if the record says
	 * @param replayed whether it replays a parent session's history (in a fork)
	 */
	@Schema(name = "SessionToolCall")
	public record ToolCall(long line, @JsonProperty("call_id") String callId, String name, String input,
			@JsonProperty("input_chars") long inputChars, @Nullable String output,
			@JsonProperty("output_chars") long outputChars, @JsonProperty("exit_code") @Nullable Integer exitCode,
			boolean failed, @Nullable Instant at, boolean replayed) {
	}

	/**
	 * A {@code compacted} record: Codex replaced the history so far by a summary.
	 *
	 * @param line its line
	 * @param message the summary (possibly cut to {@value RolloutReader#KEPT_TOOL_CHARS}
	 * characters)
	 * @param replacedItems how many items its {@code replacement_history} holds
	 * @param at when, if the record says
	 */
	@Schema(name = "SessionCompaction")
	public record Compaction(long line, String message, @JsonProperty("replacement_items") int replacedItems,
			@Nullable Instant at) {
	}

	/**
	 * A line that could not be read.
	 *
	 * @param line its number
	 * @param reason why
	 */
	@Schema(name = "UnreadableLine")
	public record Problem(long line, String reason) {
	}

	/**
	 * The conversation as the seed's extractor takes it: event messages if any, else item
	 * messages, replayed history included.
	 */
	public List<Message> conversation() {
		return this.eventMessages.isEmpty() ? this.itemMessages : this.eventMessages;
	}

	/**
	 * The session's last activity: its newest record time that is not replayed history,
	 * else the file's modification time.
	 */
	public Instant lastActivityAt() {
		return (this.lastRecordAt != null) ? this.lastRecordAt : this.modifiedAt;
	}

	/**
	 * The newer of the newest record time and the file's modification time: what the
	 * cleanup guard compares with the retention window.
	 */
	public Instant newestActivity() {
		return (this.lastRecordAt != null && this.lastRecordAt.isAfter(this.modifiedAt)) ? this.lastRecordAt
				: this.modifiedAt;
	}

}

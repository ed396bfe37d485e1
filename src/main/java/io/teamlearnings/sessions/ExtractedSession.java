package io.teamlearnings.sessions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * One session of an extract, as the seed's extractor takes it.
 *
 * @param index its position, newest first, from 1
 * @param timestampUtc its start as Python's {@code isoformat()} writes it
 * @param file the session file
 * @param id the session id
 * @param cwd the session's working directory
 * @param source where it was found
 * @param lastActivityAt its last activity (newest record that is not replayed history,
 * else the file's modification time)
 * @param userMessages user messages extracted
 * @param assistantMessages assistant messages extracted
 * @param unreadableLines lines of the file that were skipped (damaged, not JSON, over the
 * line limit)
 * @param error why the file could not be read after it was selected, if it could not
 * @param messages the messages, injected context dropped, line breaks normalised, long
 * texts cut
 */
@Schema(name = "ExtractedSession")
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExtractedSession(int index, @JsonProperty("timestamp_utc") String timestampUtc, String file, String id,
		@Nullable String cwd, String source, @JsonProperty("last_activity_at") @Nullable String lastActivityAt,
		@JsonProperty("user_messages") int userMessages, @JsonProperty("assistant_messages") int assistantMessages,
		@JsonProperty("unreadable_lines") long unreadableLines, @Nullable String error, List<Message> messages) {

	/**
	 * A message of an extract.
	 *
	 * @param role {@code user} or {@code assistant}
	 * @param text the text
	 * @param replayed whether it replays a parent session's history (in a fork); the
	 * seed's text output keeps such messages, unmarked
	 */
	@Schema(name = "ExtractedMessage")
	record Message(String role, String text, boolean replayed) {
	}

}

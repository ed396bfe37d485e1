package io.teamlearnings.sessions;

import java.util.List;

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
 * @param lastActivity its latest record time
 * @param userMessages user messages extracted
 * @param assistantMessages assistant messages extracted
 * @param messages the messages, injected context dropped, line breaks normalised, long
 * texts cut
 */
@Schema(name = "ExtractedSession")
record ExtractedSession(int index, @JsonProperty("timestamp_utc") String timestampUtc, String file, String id,
		@Nullable String cwd, String source, @JsonProperty("last_activity") @Nullable String lastActivity,
		@JsonProperty("user_messages") int userMessages, @JsonProperty("assistant_messages") int assistantMessages,
		List<Message> messages) {

	/**
	 * A message of an extract.
	 *
	 * @param role {@code user} or {@code assistant}
	 * @param text the text
	 */
	@Schema(name = "ExtractedMessage")
	record Message(String role, String text) {
	}

}

package io.teamlearnings.sessions.rollout;

import java.util.Set;

import org.springframework.lang.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells from a line's first tokens whether its record can hold anything
 * {@link RolloutParse} uses, so that the many records that cannot (reasoning with its
 * encrypted content, token counts, deltas, world state, ...) are walked by the streaming
 * parser, which checks they are well-formed JSON, without building a tree or a string of
 * their content. Codex writes {@code {"timestamp":...,"type":...,"payload":{"type":...}}}
 * in that order; a line in any other shape is left to the full parse.
 */
final class RecordTriage {

	/** Records {@link RolloutParse} always reads whole. */
	private static final Set<String> WHOLE = Set.of("session_meta", "turn_context", "compacted");

	/** {@code response_item} payload types that hold a message or a tool call. */
	private static final Set<String> ITEMS = Set.of("message", "function_call", "custom_tool_call", "local_shell_call",
			"function_call_output", "custom_tool_call_output");

	/** {@code event_msg} payload types that hold a message or an exit code. */
	private static final Set<String> EVENTS = Set.of("user_message", "agent_message", "exec_command_end");

	private RecordTriage() {
	}

	/**
	 * A record that holds nothing the parse uses, walked to its end.
	 *
	 * @param timestamp its {@code timestamp}, if it has one as a string
	 */
	record Skipped(@Nullable String timestamp) {
	}

	/**
	 * The record in {@code bytes[start, end)} (ASCII only: valid UTF-8) if it can be
	 * skipped, walked to its end; null when it must be parsed whole (it may hold a
	 * message or a tool call, or its shape is not the usual one).
	 * @throws JacksonException when it is not well-formed JSON
	 */
	@Nullable
	static Skipped skippable(JsonMapper mapper, byte[] bytes, int start, int end) {
		try (JsonParser parser = mapper.createParser(bytes, start, end - start)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			String timestamp = null;
			String type = null;
			for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (name.equals("payload")) {
					return (value == JsonToken.START_OBJECT && type != null && skippableType(parser, type))
							? walkToEnd(parser, timestamp) : null;
				}
				if (value.isStructStart()) {
					parser.skipChildren();
				}
				else if (value == JsonToken.VALUE_STRING && name.equals("timestamp")) {
					timestamp = parser.getString();
				}
				else if (value == JsonToken.VALUE_STRING && name.equals("type")) {
					type = parser.getString();
				}
			}
			return null;
		}
	}

	/** Reads the payload's first property: its {@code type}, when it comes first. */
	private static boolean skippableType(JsonParser parser, String type) {
		if (WHOLE.contains(type)) {
			return false;
		}
		if (!type.equals("response_item") && !type.equals("event_msg")) {
			return true;
		}
		if (parser.nextToken() != JsonToken.PROPERTY_NAME || !parser.currentName().equals("type")
				|| parser.nextToken() != JsonToken.VALUE_STRING) {
			return false;
		}
		String payloadType = parser.getString();
		return !(type.equals("response_item") ? ITEMS : EVENTS).contains(payloadType);
	}

	/**
	 * Walks the rest of the record, nested values skipped unread; null (parse it whole)
	 * if a second {@code timestamp} or trailing content makes it unusual.
	 */
	@Nullable
	private static Skipped walkToEnd(JsonParser parser, @Nullable String timestamp) {
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
			if (token.isStructStart()) {
				parser.skipChildren();
			}
		}
		for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			JsonToken value = parser.nextToken();
			if (parser.currentName().equals("timestamp")) {
				return null;
			}
			if (value.isStructStart()) {
				parser.skipChildren();
			}
		}
		if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
			return null;
		}
		return new Skipped(timestamp);
	}

}

package io.teamlearnings.sessions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Codex rollout files in the formats the Codex CLI writes. Current files: one
 * {@code {"timestamp","type","payload"}} record a line, the first a {@code session_meta};
 * user and assistant text as {@code event_msg} {@code user_message}/{@code agent_message}
 * and as {@code response_item} {@code message}s with content parts; tool calls as
 * {@code function_call}, {@code custom_tool_call} and {@code local_shell_call} items with
 * their outputs. Older files: a bare header ({@code id}, {@code timestamp}, ...) then
 * bare items and {@code {"record_type":"state"}} markers. Unknown records are skipped; a
 * line that is not a JSON object is reported and skipped; an incomplete last line (a file
 * still being written) is left out. Lines break at LF, CR LF or CR, as the seed's Python
 * reader splits them.
 */
@Component
class RolloutReader {

	private final JsonMapper mapper = JsonMapper.builder().build();

	Rollout read(Path path, String source) throws IOException {
		String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
		List<String> lines = lines(text);
		boolean endsWithBreak = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r");
		RolloutParse parse = new RolloutParse(this.mapper);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty()) {
				continue;
			}
			boolean last = i == lines.size() - 1 && !endsWithBreak;
			JsonNode record;
			try {
				record = this.mapper.readTree(line);
			}
			catch (JacksonException ex) {
				if (last) {
					parse.torn();
				}
				else {
					parse.problem(i + 1, "not JSON: " + ex.getOriginalMessage());
				}
				continue;
			}
			if (!record.isObject()) {
				parse.problem(i + 1, "not a JSON object");
				continue;
			}
			parse.record(i + 1, record);
		}
		return parse.toRollout(path, source);
	}

	/**
	 * The lines of {@code text}, broken at LF, CR LF or CR, the last one possibly empty:
	 * what splitting at {@code \r\n|\r|\n} gives, found with {@code indexOf} (the regular
	 * expression took two thirds of the reading time).
	 */
	static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		if (text.indexOf('\r') < 0) {
			for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
				lines.add(text.substring(start, end));
				start = end + 1;
			}
		}
		else {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\n' || c == '\r') {
					lines.add(text.substring(start, i));
					if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
						i++;
					}
					start = i + 1;
				}
			}
		}
		lines.add(text.substring(start));
		return lines;
	}

	/**
	 * The session start as the seed's extractor reads it: from a first-line
	 * {@code session_meta} only.
	 */
	@Nullable
	Instant metaStart(Path path) throws IOException {
		String first;
		try (var reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			first = reader.readLine();
		}
		if (first == null || first.strip().isEmpty()) {
			return null;
		}
		try {
			JsonNode record = this.mapper.readTree(first.strip());
			if (!record.isObject() || !"session_meta".equals(record.path("type").asString(""))) {
				return null;
			}
			JsonNode payload = record.path("payload");
			if (!payload.isObject()) {
				return null;
			}
			Instant start = instant(payload.get("timestamp"));
			return (start != null) ? start : instant(record.get("timestamp"));
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Parses an ISO-8601 time as Python's {@code datetime.fromisoformat} does (naive is
	 * UTC).
	 */
	@Nullable
	static Instant instant(@Nullable JsonNode node) {
		if (node == null || !node.isString()) {
			return null;
		}
		String value = node.asString().strip();
		if (value.isEmpty()) {
			return null;
		}
		if (value.endsWith("Z")) {
			value = value.substring(0, value.length() - 1) + "+00:00";
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notLocal) {
				return null;
			}
		}
	}

	/**
	 * Text of a message's content parts of type input_text, output_text or text, joined
	 * by newlines.
	 */
	static String contentText(JsonNode content) {
		List<String> texts = new ArrayList<>();
		if (content.isArray()) {
			for (JsonNode part : content) {
				String type = part.path("type").asString("");
				JsonNode value = part.get("text");
				if ((type.equals("input_text") || type.equals("output_text") || type.equals("text")) && value != null
						&& value.isString() && !value.asString().isBlank()) {
					texts.add(value.asString());
				}
			}
		}
		return String.join("\n", texts).strip();
	}

	/** Context the CLI injects as user messages; not part of the conversation. */
	static boolean isInjectedContext(String text) {
		String stripped = text.strip();
		return stripped.isEmpty() || stripped.startsWith("# AGENTS.md instructions for")
				|| stripped.startsWith("<environment_context>")
				|| stripped.toLowerCase(java.util.Locale.ROOT).contains("<collaboration_mode>")
				|| stripped.startsWith("<permissions instructions>") || stripped.startsWith("<app-context>");
	}

	@Nullable
	static String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

}

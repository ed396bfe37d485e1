package io.teamlearnings.sessions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
import java.util.Locale;

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
 * line that is not valid UTF-8 or not a JSON object is reported and skipped, costing only
 * that line (the seed's Python extractor crashes on an invalid byte instead: see
 * {@code seed-tools.md} section 4); an incomplete last line (a file still being written)
 * is left out. Text is stripped and blank-tested with Python's white space, as the seed's
 * {@code extract_recent_conversations.py} does. Lines break at LF, CR LF or CR, as the
 * seed's Python reader splits them.
 */
@Component
class RolloutReader {

	private final JsonMapper mapper = JsonMapper.builder().build();

	Rollout read(Path path, String source) throws IOException {
		byte[] bytes = Files.readAllBytes(path);
		List<int[]> lines = lines(bytes);
		boolean endsWithBreak = bytes.length == 0 || bytes[bytes.length - 1] == '\n' || bytes[bytes.length - 1] == '\r';
		RolloutParse parse = new RolloutParse(this.mapper);
		for (int i = 0; i < lines.size(); i++) {
			boolean last = i == lines.size() - 1 && !endsWithBreak;
			int[] range = lines.get(i);
			String decoded;
			try {
				decoded = decode(bytes, range[0], range[1]);
			}
			catch (CharacterCodingException ex) {
				if (last) {
					parse.torn();
				}
				else {
					parse.problem(i + 1, ex.getMessage());
				}
				continue;
			}
			String line = pythonStrip(decoded);
			if (line.isEmpty()) {
				continue;
			}
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
	 * The lines of {@code bytes} as {@code [start, end)} byte ranges, broken at LF, CR LF
	 * or CR (bytes that never occur inside a UTF-8 sequence), the last one possibly
	 * empty: the lines splitting the decoded text at {@code \r\n|\r|\n} gives (as the
	 * seed's Python reader splits them), found before decoding so that an invalid byte
	 * costs only its own line.
	 */
	static List<int[]> lines(byte[] bytes) {
		List<int[]> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < bytes.length; i++) {
			byte b = bytes[i];
			if (b == '\n' || b == '\r') {
				lines.add(new int[] { start, i });
				if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
					i++;
				}
				start = i + 1;
			}
		}
		lines.add(new int[] { start, bytes.length });
		return lines;
	}

	/**
	 * Decodes {@code bytes[start, end)} as strict UTF-8.
	 * @throws CharacterCodingException naming the first invalid byte and its offset in
	 * the line (0-based), e.g. {@code not UTF-8: invalid byte 0xff at byte 12}
	 */
	static String decode(byte[] bytes, int start, int end) throws CharacterCodingException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
		CharBuffer out = CharBuffer.allocate(end - start);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int at = in.position();
			throw new CharacterCodingException() {

				@Override
				public String getMessage() {
					return String.format(Locale.ROOT, "not UTF-8: invalid byte 0x%02x at byte %d", bytes[at] & 0xff,
							at - start);
				}

			};
		}
		return out.flip().toString();
	}

	/**
	 * The session start as the seed's extractor reads it: from a first-line
	 * {@code session_meta} only.
	 */
	@Nullable
	Instant metaStart(Path path) throws IOException {
		String first;
		try (InputStream in = Files.newInputStream(path)) {
			first = firstLine(in);
		}
		if (first == null) {
			return null;
		}
		first = pythonStrip(first);
		if (first.isEmpty()) {
			return null;
		}
		try {
			JsonNode record = this.mapper.readTree(first);
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
	 * The first line of {@code in} (up to LF, CR or the end), decoded as strict UTF-8;
	 * null when the file is empty or that line is not valid UTF-8 (it then cannot be the
	 * {@code session_meta} the seed's extractor looks for). Only the first line is read:
	 * an invalid byte further on does not matter here.
	 */
	@Nullable
	private static String firstLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
			for (int i = 0; i < n; i++) {
				if (chunk[i] == '\n' || chunk[i] == '\r') {
					line.write(chunk, 0, i);
					return decodeOrNull(line.toByteArray());
				}
			}
			line.write(chunk, 0, n);
		}
		return (line.size() == 0) ? null : decodeOrNull(line.toByteArray());
	}

	@Nullable
	private static String decodeOrNull(byte[] bytes) {
		try {
			return decode(bytes, 0, bytes.length);
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * Whether {@code c} is white space as Python's {@code str.isspace()} has it, the set
	 * Python's {@code str.strip()} removes (and the seed's extractor strips and
	 * blank-tests with): TAB, LF, VT, FF, CR, U+001C-U+001F, space, U+0085, U+00A0,
	 * U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and U+3000. Wider than Java's
	 * {@code Character.isWhitespace} (no U+0085, U+00A0, U+2007, U+202F).
	 */
	static boolean isPythonSpace(int c) {
		return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
				|| (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
				|| c == 0x3000;
	}

	/**
	 * {@code text} without leading and trailing Python white space: {@code str.strip()}.
	 */
	static String pythonStrip(String text) {
		int start = 0;
		while (start < text.length() && isPythonSpace(text.charAt(start))) {
			start++;
		}
		return pythonStripTrailing(text.substring(start));
	}

	/** {@code text} without trailing Python white space: {@code str.rstrip()}. */
	static String pythonStripTrailing(String text) {
		int end = text.length();
		while (end > 0 && isPythonSpace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	/**
	 * Whether {@code text} is empty or only Python white space: {@code not text.strip()}.
	 */
	static boolean isPythonBlank(String text) {
		return pythonStrip(text).isEmpty();
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
		String value = pythonStrip(node.asString());
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
						&& value.isString() && !isPythonBlank(value.asString())) {
					texts.add(value.asString());
				}
			}
		}
		return pythonStrip(String.join("\n", texts));
	}

	/** Context the CLI injects as user messages; not part of the conversation. */
	static boolean isInjectedContext(String text) {
		String stripped = pythonStrip(text);
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

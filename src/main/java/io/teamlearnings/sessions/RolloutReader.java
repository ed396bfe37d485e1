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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	private static final Pattern EXIT_CODE = Pattern
		.compile("(?m)^(?:Exit code:|Process exited with code)\\s*(-?\\d+)");

	private static final Pattern SESSION_UUID = Pattern
		.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.jsonl$");

	private final JsonMapper mapper = JsonMapper.builder().build();

	Rollout read(Path path, String source) throws IOException {
		String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
		List<String> lines = lines(text);
		boolean endsWithBreak = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r");
		Parse parse = new Parse();
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
					parse.torn = true;
				}
				else {
					parse.problems.add(new Rollout.Problem(i + 1, "not JSON: " + ex.getOriginalMessage()));
				}
				continue;
			}
			if (!record.isObject()) {
				parse.problems.add(new Rollout.Problem(i + 1, "not a JSON object"));
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

	private final class Parse {

		private String format = "unknown";

		private String id;

		private Instant start;

		private Instant metaStart;

		private boolean first = true;

		private String cwd;

		private Instant lastActivity;

		private final List<Rollout.Message> eventMessages = new ArrayList<>();

		private final List<Rollout.Message> itemMessages = new ArrayList<>();

		private final Map<String, Call> calls = new LinkedHashMap<>();

		private final List<Rollout.Problem> problems = new ArrayList<>();

		private boolean torn;

		void record(int line, JsonNode record) {
			boolean firstRecord = this.first;
			this.first = false;
			Instant at = instant(record.get("timestamp"));
			if (at != null && (this.lastActivity == null || at.isAfter(this.lastActivity))) {
				this.lastActivity = at;
			}
			String type = record.path("type").asString("");
			JsonNode payload = record.get("payload");
			if (payload != null && payload.isObject()) {
				this.format = "current";
				switch (type) {
					case "session_meta" -> meta(payload, record, firstRecord);
					case "response_item" -> item(line, payload, at);
					case "event_msg" -> event(line, payload, at);
					case "turn_context" -> this.cwd = (this.cwd != null) ? this.cwd : text(payload.get("cwd"));
					default -> {
						// compacted history and record types this reader does not know
						// carry no conversation
					}
				}
				return;
			}
			if (firstRecord && record.has("id") && record.has("timestamp") && !record.has("type")) {
				this.format = "legacy";
				this.id = text(record.get("id"));
				this.start = at;
				return;
			}
			if (record.has("record_type")) {
				return;
			}
			if (record.has("type")) {
				item(line, record, at);
			}
		}

		private void meta(JsonNode payload, JsonNode record, boolean firstRecord) {
			if (this.id == null) {
				this.id = text(payload.get("id"));
			}
			Instant started = instant(payload.get("timestamp"));
			if (started == null) {
				started = instant(record.get("timestamp"));
			}
			if (this.start == null) {
				this.start = started;
			}
			if (firstRecord) {
				this.metaStart = started;
			}
			if (this.cwd == null) {
				this.cwd = text(payload.get("cwd"));
			}
		}

		private void item(int line, JsonNode item, @Nullable Instant at) {
			String type = item.path("type").asString("");
			switch (type) {
				case "message" -> {
					String role = item.path("role").asString("");
					String text = contentText(item.path("content"));
					if ((role.equals("user") || role.equals("assistant")) && !text.isEmpty()
							&& !isInjectedContext(text)) {
						this.itemMessages.add(new Rollout.Message(line, role, text, at));
					}
				}
				case "function_call" ->
					call(line, item, item.path("name").asString("function"), item.path("arguments").asString(""), at);
				case "custom_tool_call" ->
					call(line, item, item.path("name").asString("tool"), item.path("input").asString(""), at);
				case "local_shell_call" -> {
					List<String> command = new ArrayList<>();
					item.path("action").path("command").forEach((part) -> command.add(part.asString("")));
					call(line, item, "local_shell", String.join(" ", command), at);
				}
				case "function_call_output", "custom_tool_call_output" -> output(item);
				default -> {
					// reasoning, web searches and other items carry no conversation
				}
			}
		}

		private void call(int line, JsonNode item, String name, String input, @Nullable Instant at) {
			String callId = item.path("call_id").asString(item.path("id").asString("call-" + line));
			this.calls.put(callId, new Call(line, callId, name, input, at));
		}

		private void output(JsonNode item) {
			Call call = this.calls.get(item.path("call_id").asString(""));
			if (call == null) {
				return;
			}
			JsonNode output = item.get("output");
			String text = (output == null) ? "" : output.isString() ? output.asString() : output.toString();
			call.output = text;
			Integer exit = exitCode(text);
			if (exit != null) {
				call.exitCode = exit;
			}
		}

		private void event(int line, JsonNode payload, @Nullable Instant at) {
			String type = payload.path("type").asString("");
			JsonNode message = payload.get("message");
			if ((type.equals("user_message") || type.equals("agent_message")) && message != null && message.isString()
					&& !message.asString().isBlank()) {
				this.eventMessages.add(new Rollout.Message(line, type.equals("user_message") ? "user" : "assistant",
						message.asString(), at));
			}
			else if (type.equals("exec_command_end")) {
				Call call = this.calls.get(payload.path("call_id").asString(""));
				if (call != null && payload.path("exit_code").isNumber()) {
					call.exitCode = payload.path("exit_code").asInt();
				}
			}
		}

		@Nullable
		private Integer exitCode(String output) {
			try {
				JsonNode parsed = RolloutReader.this.mapper.readTree(output);
				if (parsed.path("metadata").path("exit_code").isNumber()) {
					return parsed.path("metadata").path("exit_code").asInt();
				}
			}
			catch (JacksonException ex) {
				// plain-text output: look for the exit code line below
			}
			Matcher matcher = EXIT_CODE.matcher(output);
			return matcher.find() ? Integer.parseInt(matcher.group(1)) : null;
		}

		Rollout toRollout(Path path, String source) {
			String sessionId = this.id;
			if (sessionId == null || sessionId.isBlank()) {
				Matcher uuid = SESSION_UUID.matcher(path.getFileName().toString());
				String name = path.getFileName().toString();
				sessionId = uuid.find() ? uuid.group(1) : name.substring(0, name.length() - ".jsonl".length());
			}
			List<Rollout.ToolCall> toolCalls = this.calls.values().stream().map(Call::toToolCall).toList();
			return new Rollout(path, source, this.format, sessionId, this.start, this.metaStart, this.cwd,
					this.lastActivity, List.copyOf(this.eventMessages), List.copyOf(this.itemMessages), toolCalls,
					List.copyOf(this.problems), this.torn);
		}

	}

	private static final class Call {

		private final int line;

		private final String callId;

		private final String name;

		private final String input;

		private final Instant at;

		private String output;

		private Integer exitCode;

		Call(int line, String callId, String name, String input, @Nullable Instant at) {
			this.line = line;
			this.callId = callId;
			this.name = name;
			this.input = input;
			this.at = at;
		}

		Rollout.ToolCall toToolCall() {
			boolean failed = (this.exitCode != null && this.exitCode != 0) || reportsError(this.output);
			return new Rollout.ToolCall(this.line, this.callId, this.name, this.input, this.output, this.exitCode,
					failed, this.at);
		}

		private static boolean reportsError(@Nullable String output) {
			if (output == null) {
				return false;
			}
			String head = output.strip().toLowerCase(java.util.Locale.ROOT);
			return head.startsWith("error") || head.startsWith("failed") || head.contains("command timed out")
					|| head.startsWith("aborted");
		}

	}

	@Nullable
	private static String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

}

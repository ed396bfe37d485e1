package io.teamlearnings.sessions;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One rollout file's records as {@link RolloutReader} reads them, in file order: the
 * session's id, start, working directory and last activity, its user and assistant
 * messages (event and item forms), its tool calls with their outputs and exit codes, and
 * the lines it could not use; then the {@link Rollout}.
 */
final class RolloutParse {

	private static final Pattern EXIT_CODE = Pattern
		.compile("(?m)^(?:Exit code:|Process exited with code)\\s*(-?\\d+)");

	private static final Pattern SESSION_UUID = Pattern
		.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.jsonl$");

	private final JsonMapper mapper;

	RolloutParse(JsonMapper mapper) {
		this.mapper = mapper;
	}

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

	/** The last line is incomplete: a file still being written. */
	void torn() {
		this.torn = true;
	}

	/** Line {@code line} could not be used, and why. */
	void problem(int line, String reason) {
		this.problems.add(new Rollout.Problem(line, reason));
	}

	void record(int line, JsonNode record) {
		boolean firstRecord = this.first;
		this.first = false;
		Instant at = RolloutReader.instant(record.get("timestamp"));
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
				case "turn_context" ->
					this.cwd = (this.cwd != null) ? this.cwd : RolloutReader.text(payload.get("cwd"));
				default -> {
					// compacted history and record types this reader does not know
					// carry no conversation
				}
			}
			return;
		}
		if (firstRecord && record.has("id") && record.has("timestamp") && !record.has("type")) {
			this.format = "legacy";
			this.id = RolloutReader.text(record.get("id"));
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
			this.id = RolloutReader.text(payload.get("id"));
		}
		Instant started = RolloutReader.instant(payload.get("timestamp"));
		if (started == null) {
			started = RolloutReader.instant(record.get("timestamp"));
		}
		if (this.start == null) {
			this.start = started;
		}
		if (firstRecord) {
			this.metaStart = started;
		}
		if (this.cwd == null) {
			this.cwd = RolloutReader.text(payload.get("cwd"));
		}
	}

	private void item(int line, JsonNode item, @Nullable Instant at) {
		String type = item.path("type").asString("");
		switch (type) {
			case "message" -> {
				String role = item.path("role").asString("");
				String text = RolloutReader.contentText(item.path("content"));
				if ((role.equals("user") || role.equals("assistant")) && !text.isEmpty()
						&& !RolloutReader.isInjectedContext(text)) {
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
				&& !RolloutReader.isPythonBlank(message.asString())) {
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
			JsonNode parsed = this.mapper.readTree(output);
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

}

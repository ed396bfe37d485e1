package io.teamlearnings.sessions.rollout;

import java.nio.file.Path;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.teamlearnings.system.PythonText;

import org.springframework.lang.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One rollout file's records in file order, as {@link RolloutReader} hands them over: the
 * session's identity (the first {@code session_meta}), start, working directory and last
 * activity, its user and assistant messages (event and item forms), tool calls with their
 * outputs and exit codes, compactions, and the lines it could not use; then the
 * {@link Rollout}.
 * <p>
 * Forks: a forked session writes its own {@code session_meta} (with
 * {@code forked_from_id}), then replays its parent's history, the parent's
 * {@code session_meta} included ({@code seed-tools.md} section 3). Replay starts after a
 * {@code session_meta} that names a parent, or at a later {@code session_meta} of another
 * session, and lasts while records follow each other within {@link #REPLAY_BURST_GAP}
 * (Codex writes the copied history in one burst, re-stamped at the fork instant) or carry
 * a time before the fork started (history that kept its original times); the first record
 * after a longer pause is the fork's own, and replay does not start again until another
 * session's {@code session_meta}. Replayed records are marked: they are not activity and
 * no signal comes from them.
 */
final class RolloutParse {

	/** The longest pause between two replayed records of a fork's copied history. */
	static final Duration REPLAY_BURST_GAP = Duration.ofMillis(500);

	private static final Pattern EXIT_CODE = Pattern
		.compile("(?m)^(?:Exit code:|Process exited with code)\\s*(-?\\d+)");

	private static final Pattern ISO_8601 = Pattern
		.compile("(\\d{4})-?(\\d{2})-?(\\d{2})(?:.(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?)?)?"
				+ "([Zz]|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2}(?:[.,]\\d{1,6})?)?)?)?");

	private static final Pattern SESSION_UUID = Pattern
		.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.jsonl(?:\\.zst)?$");

	private final JsonMapper mapper;

	private String format = "unknown";

	private String id;

	private Instant start;

	private Instant metaStart;

	private String forkedFromId;

	private boolean first = true;

	private String cwd;

	private Instant lastRecordAt;

	private boolean replaying;

	private Instant replayReach;

	private long replayedLines;

	private final List<Rollout.Message> eventMessages = new ArrayList<>();

	private final List<Rollout.Message> itemMessages = new ArrayList<>();

	private final Map<String, Call> calls = new LinkedHashMap<>();

	private final List<Rollout.Compaction> compactions = new ArrayList<>();

	private final List<Rollout.Problem> problems = new ArrayList<>();

	private long problemCount;

	private boolean torn;

	RolloutParse(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** The last line is incomplete: a file still being written. */
	void torn() {
		this.torn = true;
	}

	/** Line {@code line} could not be used, and why. */
	void problem(long line, String reason) {
		this.problemCount++;
		if (this.problems.size() < RolloutReader.MAX_PROBLEMS) {
			this.problems.add(new Rollout.Problem(line, reason));
		}
	}

	/**
	 * A record {@link RecordTriage} found to hold nothing this parse uses: it still
	 * counts as activity, or as replayed history.
	 */
	void skipped(@Nullable String timestamp) {
		this.first = false;
		this.format = "current";
		account(instant(timestamp), false);
	}

	void record(long line, JsonNode record) {
		boolean firstRecord = this.first;
		this.first = false;
		Instant at = instant(record.get("timestamp"));
		String type = record.path("type").asString("");
		JsonNode payload = record.get("payload");
		boolean meta = type.equals("session_meta") && payload != null && payload.isObject();
		if (meta && this.id != null && !this.id.equals(text(payload.get("id")))) {
			startReplay(at);
		}
		boolean replayed = account(at, meta && this.id == null);
		if (payload != null && payload.isObject()) {
			this.format = "current";
			switch (type) {
				case "session_meta" -> meta(payload, record, firstRecord);
				case "response_item" -> item(line, payload, at, replayed);
				case "event_msg" -> event(line, payload, at, replayed);
				case "turn_context" -> this.cwd = (this.cwd != null) ? this.cwd : text(payload.get("cwd"));
				case "compacted" -> compacted(line, payload, at);
				default -> {
					// token usage, world state and record types this reader does not know
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
			item(line, record, at, replayed);
		}
	}

	/**
	 * Counts a record at {@code at} as replayed history or as activity.
	 * @param identity whether it is the file's own first {@code session_meta}, never
	 * replayed
	 * @return whether it is replayed
	 */
	private boolean account(@Nullable Instant at, boolean identity) {
		boolean replayed = !identity && replayed(at);
		if (replayed) {
			this.replayedLines++;
		}
		else if (at != null && (this.lastRecordAt == null || at.isAfter(this.lastRecordAt))) {
			this.lastRecordAt = at;
		}
		return replayed;
	}

	private void startReplay(@Nullable Instant at) {
		this.replaying = true;
		Instant from = (at != null) ? at : this.start;
		if (from != null && (this.replayReach == null || from.isAfter(this.replayReach))) {
			this.replayReach = from;
		}
	}

	/**
	 * Whether a record at {@code at} replays a parent's history: inside the copied burst,
	 * or older than the fork itself.
	 */
	private boolean replayed(@Nullable Instant at) {
		if (at != null && this.forkedFromId != null && this.start != null && at.isBefore(this.start)) {
			return true;
		}
		if (!this.replaying) {
			return false;
		}
		if (at == null) {
			return true;
		}
		if (this.replayReach == null || !at.isAfter(this.replayReach.plus(REPLAY_BURST_GAP))) {
			if (this.replayReach == null || at.isAfter(this.replayReach)) {
				this.replayReach = at;
			}
			return true;
		}
		this.replaying = false;
		return false;
	}

	private void meta(JsonNode payload, JsonNode record, boolean firstRecord) {
		Instant started = instant(payload.get("timestamp"));
		if (started == null) {
			started = instant(record.get("timestamp"));
		}
		if (firstRecord) {
			this.metaStart = started;
		}
		if (this.id != null) {
			return;
		}
		this.id = text(payload.get("id"));
		this.start = started;
		this.cwd = text(payload.get("cwd"));
		this.forkedFromId = text(payload.get("forked_from_id"));
		if (this.forkedFromId != null) {
			startReplay(started);
		}
	}

	private void item(long line, JsonNode item, @Nullable Instant at, boolean replayed) {
		String type = item.path("type").asString("");
		switch (type) {
			case "message" -> {
				String role = item.path("role").asString("");
				String text = contentText(item.path("content"));
				if ((role.equals("user") || role.equals("assistant")) && !text.isEmpty() && !isInjectedContext(text)) {
					this.itemMessages.add(new Rollout.Message(line, role, text, at, replayed));
				}
			}
			case "function_call" -> call(line, item, item.path("name").asString("function"),
					item.path("arguments").asString(""), at, replayed);
			case "custom_tool_call" ->
				call(line, item, item.path("name").asString("tool"), item.path("input").asString(""), at, replayed);
			case "local_shell_call" -> {
				List<String> command = new ArrayList<>();
				item.path("action").path("command").forEach((part) -> command.add(part.asString("")));
				call(line, item, "local_shell", String.join(" ", command), at, replayed);
			}
			case "function_call_output", "custom_tool_call_output" -> output(item);
			default -> {
				// reasoning, web searches and other items carry no conversation
			}
		}
	}

	private void call(long line, JsonNode item, String name, String input, @Nullable Instant at, boolean replayed) {
		String callId = item.path("call_id").asString(item.path("id").asString("call-" + line));
		this.calls.put(callId, new Call(line, callId, name, input, at, replayed));
	}

	private void output(JsonNode item) {
		Call call = this.calls.get(item.path("call_id").asString(""));
		if (call == null) {
			return;
		}
		JsonNode output = item.get("output");
		JsonNode content = (output != null && output.isObject()) ? output.get("content") : null;
		String text = (output == null) ? "" : output.isString() ? output.asString()
				: (content != null && content.isString()) ? content.asString() : output.toString();
		call.output = clip(text);
		call.outputChars = text.length();
		Integer exit = exitCode(text, output);
		if (exit != null) {
			call.exitCode = exit;
		}
	}

	private void event(long line, JsonNode payload, @Nullable Instant at, boolean replayed) {
		String type = payload.path("type").asString("");
		JsonNode message = payload.get("message");
		if ((type.equals("user_message") || type.equals("agent_message")) && message != null && message.isString()
				&& !PythonText.isBlank(message.asString())) {
			this.eventMessages.add(new Rollout.Message(line, type.equals("user_message") ? "user" : "assistant",
					message.asString(), at, replayed));
		}
		else if (type.equals("exec_command_end")) {
			Call call = this.calls.get(payload.path("call_id").asString(""));
			if (call != null && payload.path("exit_code").isNumber()) {
				call.exitCode = payload.path("exit_code").asInt();
			}
		}
	}

	private void compacted(long line, JsonNode payload, @Nullable Instant at) {
		JsonNode history = payload.get("replacement_history");
		this.compactions.add(new Rollout.Compaction(line, clip(payload.path("message").asString("")),
				(history != null && history.isArray()) ? history.size() : 0, at));
	}

	@Nullable
	private Integer exitCode(String text, @Nullable JsonNode output) {
		JsonNode parsed = output;
		if (output != null && output.isString() && text.startsWith("{")) {
			try {
				parsed = this.mapper.readTree(text);
			}
			catch (JacksonException ex) {
				parsed = null;
			}
		}
		if (parsed != null && parsed.path("metadata").path("exit_code").isNumber()) {
			return parsed.path("metadata").path("exit_code").asInt();
		}
		Matcher matcher = EXIT_CODE.matcher(text);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : null;
	}

	Rollout toRollout(RolloutReader.Opened file) {
		String sessionId = this.id;
		if (sessionId == null || sessionId.isBlank()) {
			sessionId = idFromName(file.path());
		}
		List<Rollout.ToolCall> toolCalls = this.calls.values().stream().map(Call::toToolCall).toList();
		return new Rollout(file.path(), file.source(), file.compressed(), file.bytes(), file.modifiedAt(), this.format,
				sessionId, this.start, this.metaStart, this.forkedFromId, this.cwd, this.lastRecordAt,
				List.copyOf(this.eventMessages), List.copyOf(this.itemMessages), toolCalls,
				List.copyOf(this.compactions), this.replayedLines, List.copyOf(this.problems), this.problemCount,
				this.torn);
	}

	/**
	 * The id a file's name gives: the last uuid before {@code .jsonl} (a hand-off file
	 * {@code rollout-<ts>-<uuid>_<uuid>.jsonl} gives its second), else the name without
	 * its extension.
	 */
	static String idFromName(Path path) {
		String name = path.getFileName().toString();
		Matcher uuid = SESSION_UUID.matcher(name);
		if (uuid.find()) {
			return uuid.group(1);
		}
		return name.replaceFirst("\\.jsonl(\\.zst)?$", "");
	}

	/**
	 * Parses an ISO-8601 time as Python's {@code datetime.fromisoformat} (3.11) does,
	 * which is what the seed's extractor reads starts with: {@code YYYY-MM-DD} or
	 * {@code YYYYMMDD}, then optionally any one separator character and
	 * {@code HH[:MM[:SS[.fff]]]} (or without colons; the fraction after {@code .} or
	 * {@code ,}), then optionally {@code Z} or an offset {@code +HH[:MM[:SS]]}; naive
	 * times are UTC, as the seed takes them.
	 */
	@Nullable
	static Instant instant(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? instant(node.asString()) : null;
	}

	@Nullable
	private static Instant instant(@Nullable String text) {
		if (text == null) {
			return null;
		}
		Matcher iso = ISO_8601.matcher(PythonText.strip(text));
		if (!iso.matches()) {
			return null;
		}
		try {
			LocalDateTime local = LocalDateTime.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
					Integer.parseInt(iso.group(3)), number(iso.group(4)), number(iso.group(5)), number(iso.group(6)),
					nanos(iso.group(7)));
			return local.toInstant(offset(iso.group(8)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int number(@Nullable String digits) {
		return (digits != null) ? Integer.parseInt(digits) : 0;
	}

	private static int nanos(@Nullable String fraction) {
		return (fraction != null) ? Integer.parseInt((fraction + "00000000").substring(0, 9)) : 0;
	}

	/**
	 * {@code Z}, {@code +HH}, {@code +HH:MM}, {@code +HHMM}, {@code +HH:MM:SS}; UTC if
	 * none.
	 */
	private static ZoneOffset offset(@Nullable String offset) {
		if (offset == null || offset.equals("Z") || offset.equals("z")) {
			return ZoneOffset.UTC;
		}
		String digits = offset.substring(1).replace(":", "");
		int sign = offset.startsWith("-") ? -1 : 1;
		int hours = Integer.parseInt(digits.substring(0, 2));
		int minutes = (digits.length() >= 4) ? Integer.parseInt(digits.substring(2, 4)) : 0;
		int seconds = (digits.length() >= 6) ? Integer.parseInt(digits.substring(4, 6)) : 0;
		return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
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
						&& value.isString() && !PythonText.isBlank(value.asString())) {
					texts.add(value.asString());
				}
			}
		}
		return PythonText.strip(String.join("\n", texts));
	}

	/** Context the CLI injects as user messages; not part of the conversation. */
	static boolean isInjectedContext(String text) {
		String stripped = PythonText.strip(text);
		return stripped.isEmpty() || stripped.startsWith("# AGENTS.md instructions for")
				|| stripped.startsWith("<environment_context>")
				|| stripped.toLowerCase(Locale.ROOT).contains("<collaboration_mode>")
				|| stripped.startsWith("<permissions instructions>") || stripped.startsWith("<app-context>");
	}

	@Nullable
	static String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

	private static String clip(String text) {
		return (text.length() <= RolloutReader.KEPT_TOOL_CHARS) ? text
				: text.substring(0, RolloutReader.KEPT_TOOL_CHARS);
	}

	private static final class Call {

		private final long line;

		private final String callId;

		private final String name;

		private final String input;

		private final long inputChars;

		private final Instant at;

		private final boolean replayed;

		private String output;

		private long outputChars;

		private Integer exitCode;

		Call(long line, String callId, String name, String input, @Nullable Instant at, boolean replayed) {
			this.line = line;
			this.callId = callId;
			this.name = name;
			this.input = clip(input);
			this.inputChars = input.length();
			this.at = at;
			this.replayed = replayed;
		}

		Rollout.ToolCall toToolCall() {
			boolean failed = (this.exitCode != null && this.exitCode != 0) || reportsError(this.output);
			return new Rollout.ToolCall(this.line, this.callId, this.name, this.input, this.inputChars, this.output,
					this.outputChars, this.exitCode, failed, this.at, this.replayed);
		}

		private static boolean reportsError(@Nullable String output) {
			if (output == null) {
				return false;
			}
			String head = output.strip().toLowerCase(Locale.ROOT);
			return head.startsWith("error") || head.startsWith("failed") || head.contains("command timed out")
					|| head.startsWith("aborted");
		}

	}

}

package io.teamlearnings.sessions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.teamlearnings.mcp.McpTool;
import io.teamlearnings.mcp.McpTools;
import io.teamlearnings.mcp.ToolAnswer;
import io.teamlearnings.mcp.ToolArguments;
import io.teamlearnings.security.Role;

import org.springframework.stereotype.Component;

/**
 * The MCP tools over Codex conversations: {@code recent_conversations}, the extract of
 * {@code GET /api/sessions/extract} as the seed's extract-skill-conversations prints it
 * (never cleaning up: that deletes files, an administrator's call over REST; cut at
 * {@code max_chars}, with a last line saying so), and {@code lesson_signals}, the signals
 * of {@code GET /api/sessions/signals}.
 */
@Component
class SessionTools implements McpTools {

	private static final String LOOKBACK_PROPERTIES = """
			"lookback_minutes": {"type": "integer", "minimum": 1, "default": 1440, "description": "The window, in minutes (default 24 hours)."},
			"lookback_by": {"type": "string", "enum": ["start", "activity"], "description": "start: sessions started in the window; activity: sessions active in it (a session resumed into an old file is in)."}""";

	/** The longest extract answered unless the call asks otherwise, in characters. */
	static final int DEFAULT_MAX_CHARS = 200_000;

	private final ConversationExtractor extractor;

	private final LessonSignals signals;

	SessionTools(ConversationExtractor extractor, LessonSignals signals) {
		this.extractor = extractor;
		this.signals = signals;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(new McpTool("recent_conversations", "Recent conversations",
				"The recent Codex sessions on this machine, exactly as the learning-from-conversations workflow "
						+ "extracts them: NO_RECENT_CONVERSATIONS, or header lines then each session's [USER] and "
						+ "[ASSISTANT] messages, newest first. Read them for corrections, failures and repeated "
						+ "requests worth a learning (lesson_signals finds those for you).",
				"""
						{"type": "object", "additionalProperties": false,
						 "properties": {%s,
						 "limit": {"type": "integer", "minimum": 0, "description": "At most this many sessions, newest first (0 or none: all)."},
						 "max_message_chars": {"type": "integer", "minimum": 100, "default": 1600, "description": "Longer messages are cut to this many characters."},
						 "include_compressed": {"type": "boolean", "default": false, "description": "Also read compressed archives (.jsonl.zst)."},
						 "max_chars": {"type": "integer", "minimum": 1000, "default": 200000, "description": "Longest answer: an extract beyond it is cut at a line end and says how much was left out (narrow lookback_minutes or limit to see it)."}}}"""
					.formatted(LOOKBACK_PROPERTIES),
				Role.READER, this::extract),
				new McpTool("lesson_signals", "Lesson signals",
						"The moments in recent Codex sessions that lessons come from: user corrections, tool failures, "
								+ "repeated requests, follow-ups after a reported completion, scope corrections; ranked, "
								+ "each with its quoted evidence and the learnings already related to it. Turn a new one "
								+ "into append_learning, citing the signal as evidence.",
						"""
								{"type": "object", "additionalProperties": false,
								 "properties": {%s,
								 "limit": {"type": "integer", "minimum": 1, "maximum": 500, "default": 50, "description": "Most signals."}}}"""
							.formatted(LOOKBACK_PROPERTIES),
						Role.READER, this::signals));
	}

	private ToolAnswer extract(ToolArguments arguments) {
		ConversationExtractor.Plan plan = this.extractor
			.plan(new ConversationExtractor.Request(lookback(arguments, Lookback.By.START), arguments.integer("limit"),
					arguments.integer("max_message_chars", 1600, 100, Integer.MAX_VALUE), false,
					arguments.flag("include_compressed", false)));
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		try {
			this.extractor.writeText(plan, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ToolAnswer.text(cut(text.toString(StandardCharsets.UTF_8),
				arguments.integer("max_chars", DEFAULT_MAX_CHARS, 1000, Integer.MAX_VALUE)));
	}

	/**
	 * The extract, or as much of it as fits in {@code maxChars} ending at a line end,
	 * then a line that says what was left out: an agent's context holds far less than a
	 * day of sessions can print.
	 */
	static String cut(String extract, int maxChars) {
		if (extract.length() <= maxChars) {
			return extract;
		}
		int end = extract.lastIndexOf('\n', maxChars - 1) + 1;
		if (end == 0) {
			end = maxChars;
		}
		return extract.substring(0, end) + "[TRUNCATED: " + (extract.length() - end)
				+ " more characters; narrow lookback_minutes or limit, or raise max_chars]\n";
	}

	private SignalsResult signals(ToolArguments arguments) {
		return this.signals.signals(lookback(arguments, Lookback.By.ACTIVITY), arguments.integer("limit", 50, 1, 500));
	}

	private static Lookback lookback(ToolArguments arguments, Lookback.By fallback) {
		return new Lookback(arguments.integer("lookback_minutes", 1440, 1, Integer.MAX_VALUE),
				Lookback.By.parse(arguments.optionalString("lookback_by"), fallback));
	}

}

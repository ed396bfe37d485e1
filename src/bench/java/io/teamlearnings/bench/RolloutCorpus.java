package io.teamlearnings.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated Codex session rollout files ({@code sessions/YYYY/MM/DD/rollout-*.jsonl}) of
 * realistic shape for the extraction benchmarks, repeatable from a seed: the same
 * arguments write byte-identical files.
 * <p>
 * Each session is a {@code session_meta} line as the Codex CLI writes it, the context the
 * CLI injects as messages (a developer {@code <permissions instructions>} message, the
 * {@code # AGENTS.md instructions for ...} and {@code <environment_context>} user
 * messages, sometimes {@code <collaboration_mode>} and {@code <app-context>} ones), then
 * turns: a {@code turn_context}, the user's request (a task, a follow-up, a correction
 * such as "No, that's wrong ... use X instead", a pasted log), reasoning items with
 * encrypted content, shell {@code function_call}s with JSON-encoded arguments and their
 * {@code function_call_output}s (test logs, stack traces, diffs, file listings: most of
 * the bytes, as in real sessions), {@code apply_patch} custom tool calls, plan updates,
 * assistant preambles and a final answer, with {@code event_msg} records
 * ({@code user_message}, {@code agent_message}, {@code agent_reasoning},
 * {@code token_count}). Every user and assistant message is written twice, as real Codex
 * writes it: as a {@code response_item} message and as an {@code event_msg}. About one
 * session in seven, and always the second, is in an older CLI's shape without any
 * {@code event_msg} records, in which the extractor falls back to the
 * {@code response_item} messages, and whose injected AGENTS.md arrives as a
 * {@code <user_instructions>} user message the extractor keeps; the third always has a
 * {@code <collaboration_mode>} message and the fourth an {@code <app-context>} one, so
 * that small corpora have every shape too. Texts mix English prose, code in Java, Python
 * and TypeScript, non-ASCII text, quotes, backslashes, tabs and ANSI escapes.
 */
public final class RolloutCorpus {

	/**
	 * The flags {@link #JQ_FILTER} is run with: raw output, so the texts come out as
	 * text. The command line is {@code jq -r "$JQ_FILTER" file...} (see
	 * {@link #jqCommand(Collection)}).
	 */
	public static final List<String> JQ_ARGS = List.of("-r");

	/**
	 * A jq program doing the service's user/assistant extraction on each line of a
	 * rollout file: every {@code response_item} {@code message} of role {@code user} or
	 * {@code assistant}, its {@code input_text}/{@code output_text}/{@code text} parts
	 * that are not blank joined by newlines and stripped, dropped when empty or injected
	 * context (starting with {@code # AGENTS.md instructions for},
	 * {@code <environment_context>}, {@code <permissions instructions>} or
	 * {@code <app-context>}, or containing {@code <collaboration_mode>} in any case),
	 * written as {@code [USER]} or {@code [ASSISTANT]}, the text with CR LF and CR as LF,
	 * and the closing tag, each on its own line. Unlike the service it neither truncates
	 * nor writes headers, and it reads only {@code response_item} messages: the service
	 * takes a session's {@code event_msg} messages instead when it has any, which select
	 * the same messages in this corpus, as in the files real Codex writes.
	 */
	public static final String JQ_FILTER = """
			select(type == "object" and .type == "response_item" and (.payload | type) == "object"
			  and .payload.type == "message" and (.payload.role == "user" or .payload.role == "assistant"))
			| .payload.role as $role
			| [.payload.content | if type == "array" then .[] else empty end
			  | select(type == "object" and (.type == "input_text" or .type == "output_text" or .type == "text")
			      and (.text | type) == "string" and (.text | test("\\\\S")))
			  | .text]
			| join("\\n") | sub("\\\\A\\\\s+"; "") | sub("\\\\s+\\\\z"; "")
			| select(. != "" and ((startswith("# AGENTS.md instructions for") or startswith("<environment_context>")
			    or startswith("<permissions instructions>") or startswith("<app-context>")
			    or (ascii_downcase | contains("<collaboration_mode>"))) | not))
			| (if $role == "user" then "USER" else "ASSISTANT" end) as $tag
			| "[\\($tag)]\\n\\(if test("\\r") then gsub("\\r\\n?"; "\\n") else . end)\\n[/\\($tag)]"
			""";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
		.toCharArray();

	private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private RolloutCorpus() {
	}

	/**
	 * What was written.
	 *
	 * @param files the rollout files, in the order written
	 * @param bytes their total size
	 * @param userMessages the user messages the service's extraction outputs for them
	 * (and {@link #JQ_FILTER} selects)
	 * @param assistantMessages the assistant messages it outputs
	 */
	public record Generated(List<Path> files, long bytes, long userMessages, long assistantMessages) {

		public Generated {
			files = List.copyOf(files);
		}

	}

	/**
	 * Writes {@code sessions} rollout files under {@code codexHome/sessions/YYYY/MM/DD/}
	 * (UTC dates), together about {@code totalBytes} long, each session starting between
	 * 10 minutes and 6 hours before {@code now}, from {@code new Random(seed)}; the same
	 * arguments write the same bytes.
	 */
	public static Generated write(Path codexHome, long seed, int sessions, long totalBytes, Instant now) {
		if (sessions < 1) {
			throw new IllegalArgumentException("at least one session is needed");
		}
		Random random = new Random(seed);
		double[] weights = new double[sessions];
		double weightSum = 0;
		for (int i = 0; i < sessions; i++) {
			weights[i] = 0.4 + 1.2 * random.nextDouble();
			weightSum += weights[i];
		}
		Text text = new Text(random);
		List<Path> files = new ArrayList<>();
		long bytes = 0;
		long users = 0;
		long assistants = 0;
		for (int i = 0; i < sessions; i++) {
			long target = Math.max(0, (long) ((totalBytes - bytes) * weights[i] / weightSum));
			weightSum -= weights[i];
			SessionWriter session = new SessionWriter(random, text, now, target, i);
			try {
				session.write(codexHome);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not write a session under " + codexHome, ex);
			}
			files.add(session.file);
			bytes += session.bytes;
			boolean events = session.eventUsers + session.eventAssistants > 0;
			users += events ? session.eventUsers : session.itemUsers;
			assistants += events ? session.eventAssistants : session.itemAssistants;
		}
		return new Generated(files, bytes, users, assistants);
	}

	/**
	 * Writes one long session under {@code codexHome/sessions/YYYY/MM/DD/}, about
	 * {@code totalBytes} long, in the current CLI's shape (with {@code event_msg}
	 * records), starting between 10 minutes and 6 hours before {@code now}, from
	 * {@code new Random(seed)}: the session context, one turn of the user's request,
	 * {@code toolOutputs} shell {@code function_call}s each followed by its
	 * {@code function_call_output} (most of the bytes, each output line about
	 * {@code totalBytes / toolOutputs} long), a reasoning item and the assistant's
	 * answer, then a follow-up user message not answered yet. Its extract is three
	 * messages: user, assistant, user. The file is written a line at a time, so the
	 * generator holds about one output in memory whatever the size; the same arguments
	 * write the same bytes.
	 */
	public static Generated writeLongTurn(Path codexHome, long seed, int toolOutputs, long totalBytes, Instant now) {
		if (toolOutputs < 1 || totalBytes / toolOutputs > 256_000_000) {
			throw new IllegalArgumentException("at least one tool output is needed, of at most 256 MB");
		}
		Random random = new Random(seed);
		SessionWriter session = new SessionWriter(random, new Text(random), now, totalBytes, 0, true);
		try {
			session.writeLongTurn(codexHome, toolOutputs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write a session under " + codexHome, ex);
		}
		return new Generated(List.of(session.file), session.bytes, session.eventUsers, session.eventAssistants);
	}

	/** {@code jq}, {@link #JQ_ARGS}, {@link #JQ_FILTER} and the files. */
	public static List<String> jqCommand(Collection<Path> files) {
		List<String> command = new ArrayList<>();
		command.add("jq");
		command.addAll(JQ_ARGS);
		command.add(JQ_FILTER);
		files.forEach((file) -> command.add(file.toString()));
		return command;
	}

	/** Appends {@code value} as a JSON string, escaped as serde_json escapes. */
	static void quote(StringBuilder json, CharSequence value) {
		json.append('"');
		for (int i = 0, n = value.length(); i < n; i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				default -> {
					if (c < 0x20) {
						json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	private record Project(String name, int language, String base, String artifact) {
	}

	private static final int JAVA = 0;

	private static final int PYTHON = 1;

	private static final int TYPESCRIPT = 2;

	private static final Project[] PROJECTS = { new Project("payments-service", JAVA, "io/acme/payments", "payments"),
			new Project("inventory", JAVA, "com/example/inventory", "inventory-core"),
			new Project("ledger-api", JAVA, "io/acme/ledger", "ledger-api"),
			new Project("billing-api", PYTHON, "billing", "billing"),
			new Project("ml-pipeline", PYTHON, "pipeline", "pipeline"),
			new Project("web-dashboard", TYPESCRIPT, "src", "web-dashboard"),
			new Project("checkout-ui", TYPESCRIPT, "src", "checkout-ui") };

	private static final String[] USERS = { "dev", "maria", "jkim", "alex", "sam", "priya", "tomasz" };

	/**
	 * Writes one session: the header, then turns until the byte target is (about)
	 * reached.
	 */
	private static final class SessionWriter {

		private final Random random;

		private final Text text;

		private final long nowMillis;

		private final long target;

		/** The session's position: the second, third and fourth have the rarer shapes. */
		private final int index;

		private final Project project;

		private final String cwd;

		private final boolean events;

		private final boolean jsonOutputs;

		private final boolean shellArray;

		private final String cliVersion;

		private final String model;

		private final String mainType;

		private final String mainFile;

		private final String testType;

		private final StringBuilder line = new StringBuilder(1 << 16);

		private final StringBuilder scratch = new StringBuilder(1 << 16);

		private final StringBuilder inner = new StringBuilder(1 << 16);

		private long time;

		private final long start;

		private final double pace;

		private OutputStream out;

		private Path file;

		private long bytes;

		private long itemUsers;

		private long itemAssistants;

		private long eventUsers;

		private long eventAssistants;

		private long inputTokens;

		private long outputTokens;

		private long reasoningTokens;

		private double primaryUsed;

		SessionWriter(Random random, Text text, Instant now, long target, int index) {
			this(random, text, now, target, index, false);
		}

		/**
		 * A session of about {@code target} bytes; {@code current} forces the current
		 * CLI's shape (with {@code event_msg} records) without changing what is drawn.
		 */
		SessionWriter(Random random, Text text, Instant now, long target, int index, boolean current) {
			this.random = random;
			this.text = text;
			this.nowMillis = now.toEpochMilli();
			this.target = target;
			this.project = PROJECTS[random.nextInt(PROJECTS.length)];
			this.cwd = "/home/" + USERS[random.nextInt(USERS.length)] + "/src/" + this.project.name();
			this.index = index;
			this.events = (random.nextInt(7) != 0 && index != 1) || current;
			this.jsonOutputs = !this.events || random.nextBoolean();
			this.shellArray = this.jsonOutputs || random.nextInt(3) == 0;
			this.cliVersion = this.events ? new String[] { "0.46.0", "0.53.0", "0.58.0", "0.63.0" }[random.nextInt(4)]
					: "0.31.0";
			this.model = new String[] { "gpt-5-codex", "gpt-5.1-codex", "gpt-5.1-codex-max", "gpt-5" }[random
				.nextInt(4)];
			text.project = this.project;
			this.mainType = text.type();
			this.mainFile = text.sourceFile(this.mainType);
			this.testType = this.mainType + (this.project.language() == PYTHON ? "" : "Tests");
			long minutesAgo = 10 + random.nextInt(350);
			this.start = this.nowMillis - minutesAgo * 60_000 - random.nextInt(60_000);
			this.time = this.start;
			// unpaced, a session spans about 3.5 ms a byte: pace it to end before now
			double expectedMillis = 60_000 + target * 5.0;
			this.pace = Math.min(1.0, (this.nowMillis - this.start - 60_000) / expectedMillis);
			this.primaryUsed = random.nextInt(40);
		}

		void write(Path codexHome) throws IOException {
			write(codexHome, () -> {
				int turns = 0;
				while (turns == 0 || remaining() > 2_500) {
					turn(turns++);
				}
			});
		}

		/**
		 * One turn of {@code toolOutputs} shell calls whose output lines share what is
		 * left of the target after the context, then a follow-up user message.
		 */
		void writeLongTurn(Path codexHome, int toolOutputs) throws IOException {
			write(codexHome, () -> {
				advance(2_000);
				turnContext();
				userMessage(this.text.request(this.mainType, this.mainFile, this.testType));
				tokenCount(true);
				for (int i = 0; i < toolOutputs; i++) {
					// what is left (less 4 KB to close) over the outputs to come
					shell((int) Math.max(1_000, (remaining() - 4_000) / (toolOutputs - i)));
				}
				reasoning();
				assistantMessage(this.text.finalAnswer(this.mainType, this.mainFile, this.testType));
				tokenCount(false);
				advance(60_000);
				turnContext();
				userMessage(this.text.followUp(this.mainType, this.mainFile, this.testType));
			});
		}

		private void write(Path codexHome, Body body) throws IOException {
			String id = uuid(this.start);
			Instant started = Instant.ofEpochMilli(this.start);
			this.file = codexHome.resolve("sessions")
				.resolve(DAY.format(started))
				.resolve("rollout-" + FILE_TIME.format(started) + "-" + id + ".jsonl");
			Files.createDirectories(this.file.getParent());
			try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(this.file), 1 << 16)) {
				this.out = stream;
				sessionMeta(id);
				injectedContext();
				body.write();
			}
		}

		/** What comes after the session context. */
		private interface Body {

			void write() throws IOException;

		}

		private long remaining() {
			return this.target - this.bytes;
		}

		private void sessionMeta(String id) throws IOException {
			StringBuilder payload = begin("session_meta");
			payload.append("{\"id\":\"").append(id).append("\",\"timestamp\":\"").append(timestamp());
			payload.append("\",\"cwd\":");
			quote(payload, this.cwd);
			payload.append(",\"originator\":\"codex_cli_rs\",\"cli_version\":\"").append(this.cliVersion);
			payload.append("\",\"instructions\":");
			if (this.random.nextBoolean()) {
				quote(payload, this.text.globalInstructions());
			}
			else {
				payload.append("null");
			}
			payload.append(",\"source\":\"cli\",\"model_provider\":\"openai\",\"git\":{\"commit_hash\":\"");
			hex(payload, 40);
			payload.append("\",\"branch\":\"")
				.append(this.random.nextInt(3) == 0 ? "main" : this.text.branch())
				.append("\",\"repository_url\":\"git@github.com:acme/")
				.append(this.project.name())
				.append(".git\"}}");
			end();
		}

		private void injectedContext() throws IOException {
			if (this.events) {
				message("developer", "input_text", this.text.permissions(), false);
				if (this.random.nextInt(10) < 7) {
					message("user", "input_text", this.text.agentsMd(this.cwd), false);
				}
			}
			else if (this.random.nextInt(10) < 7 || this.index == 1) {
				// an older CLI's AGENTS.md wrapper: not injected context to the extractor
				message("user", "input_text", this.text.userInstructions(), true);
			}
			message("user", "input_text", this.text.environmentContext(this.cwd), false);
			if (this.random.nextInt(10) == 0 || this.index == 2) {
				message("user", "input_text", "<user_instructions>\n<collaboration_mode>"
						+ (this.random.nextBoolean() ? "pair" : "solo") + "</collaboration_mode>\n</user_instructions>",
						false);
			}
			if (this.random.nextInt(12) == 0 || this.index == 3) {
				message("user", "input_text",
						"<app-context>\n  <app>vscode</app>\n  <active_file>" + this.mainFile
								+ "</active_file>\n  <selection>lines " + (1 + this.random.nextInt(200)) + "-"
								+ (201 + this.random.nextInt(200)) + "</selection>\n</app-context>",
						false);
			}
		}

		private void turn(int index) throws IOException {
			advance(index == 0 ? 2_000 : 20_000 + this.random.nextInt(240_000));
			turnContext();
			if (index > 0 && this.random.nextInt(15) == 0) {
				message("user", "input_text", this.text.environmentContext(this.cwd), false);
			}
			String request;
			if (index == 0) {
				request = this.text.request(this.mainType, this.mainFile, this.testType);
			}
			else {
				int kind = this.random.nextInt(100);
				request = (kind < 22) ? this.text.correction(this.mainType, this.mainFile)
						: (kind < 32) ? this.text.pastedLog(this.mainType, this.testType)
								: this.text.followUp(this.mainType, this.mainFile, this.testType);
			}
			userMessage(request);
			if (this.events) {
				tokenCount(index == 0);
			}
			int steps = 1 + (int) Math.min(40, -Math.log(1 - this.random.nextDouble()) * 5);
			for (int step = 0; step < steps && remaining() > 6_000; step++) {
				reasoning();
				if (this.random.nextInt(4) == 0) {
					assistantMessage(this.text.preamble(this.mainType, this.mainFile, this.testType));
				}
				toolCall();
				if (this.events) {
					tokenCount(false);
				}
			}
			if (this.random.nextInt(60) == 0) {
				// a refusal part and blank text: no message to either extractor
				advance(500);
				StringBuilder payload = begin("response_item");
				payload.append("{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",")
					.append("\"text\":\"  \"},{\"type\":\"refusal\",\"refusal\":\"n/a\"}]}");
				end();
			}
			reasoning();
			assistantMessage(this.text.finalAnswer(this.mainType, this.mainFile, this.testType));
			if (this.events) {
				tokenCount(false);
			}
		}

		private void turnContext() throws IOException {
			StringBuilder payload = begin("turn_context");
			payload.append("{\"cwd\":");
			quote(payload, this.cwd);
			payload.append(",\"approval_policy\":\"on-request\",\"sandbox_policy\":{\"type\":\"workspace-write\",")
				.append("\"network_access\":false,\"exclude_tmpdir_env_var\":false,\"exclude_slash_tmp\":false},")
				.append("\"model\":\"")
				.append(this.model)
				.append("\",\"effort\":\"")
				.append(this.random.nextInt(4) == 0 ? "high" : "medium")
				.append("\",\"summary\":\"auto\"}");
			end();
		}

		private void userMessage(String message) throws IOException {
			advance(300);
			String second = null;
			if (this.random.nextInt(30) == 0) {
				second = this.text.sentence(this.mainType, this.mainFile);
			}
			StringBuilder payload = begin("response_item");
			payload.append("{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":");
			quote(payload, message);
			payload.append('}');
			if (second != null) {
				payload.append(",{\"type\":\"input_text\",\"text\":");
				quote(payload, second);
				payload.append('}');
			}
			payload.append("]}");
			end();
			this.itemUsers++;
			if (this.events) {
				payload = begin("event_msg");
				payload.append("{\"type\":\"user_message\",\"message\":");
				quote(payload, (second != null) ? message + "\n" + second : message);
				payload.append(",\"images\":[]}");
				end();
				this.eventUsers++;
			}
		}

		private void assistantMessage(String message) throws IOException {
			advance(1_500 + this.random.nextInt(6_000));
			if (this.events) {
				StringBuilder payload = begin("event_msg");
				payload.append("{\"type\":\"agent_message\",\"message\":");
				quote(payload, message);
				payload.append('}');
				end();
				this.eventAssistants++;
			}
			message("assistant", "output_text", message, true);
			this.outputTokens += message.length() / 4;
		}

		/** A response item message; {@code kept} if the extractor keeps it. */
		private void message(String role, String partType, String message, boolean kept) throws IOException {
			StringBuilder payload = begin("response_item");
			payload.append("{\"type\":\"message\",\"role\":\"")
				.append(role)
				.append("\",\"content\":[{\"type\":\"")
				.append(partType)
				.append("\",\"text\":");
			quote(payload, message);
			payload.append("}]}");
			end();
			if (kept) {
				if (role.equals("user")) {
					this.itemUsers++;
				}
				else {
					this.itemAssistants++;
				}
			}
		}

		private void reasoning() throws IOException {
			advance(800 + this.random.nextInt(9_000));
			String summary = this.text.reasoningSummary(this.mainType, this.mainFile, this.testType);
			if (this.events) {
				StringBuilder payload = begin("event_msg");
				payload.append("{\"type\":\"agent_reasoning\",\"text\":");
				quote(payload, summary);
				payload.append('}');
				end();
			}
			StringBuilder payload = begin("response_item");
			payload.append("{\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":");
			quote(payload, summary);
			payload.append("}],\"content\":null,\"encrypted_content\":\"gAAAAABp");
			int length = 400 + this.random.nextInt(this.random.nextInt(8) == 0 ? 6_000 : 1_600);
			random(payload, BASE64, length);
			payload.append("==\"}");
			end();
			this.reasoningTokens += length / 3;
		}

		private void toolCall() throws IOException {
			int kind = this.random.nextInt(100);
			if (kind < 16) {
				applyPatch();
			}
			else if (kind < 22) {
				updatePlan();
			}
			else {
				shell();
			}
		}

		private String callId() {
			StringBuilder id = new StringBuilder("call_");
			random(id, ALPHANUMERIC, 24);
			return id.toString();
		}

		private void shell() throws IOException {
			shell(0);
		}

		/**
		 * A shell call and its output; with {@code outputLineBytes} above 0, an output
		 * that makes its {@code function_call_output} line at most (and about) that long,
		 * else one of {@link #outputSize()}.
		 */
		private void shell(int outputLineBytes) throws IOException {
			Text.Command command = this.text.command(this.mainType, this.mainFile, this.testType);
			int exitCode;
			this.scratch.setLength(0);
			if (outputLineBytes > 0) {
				exitCode = 0;
				while (this.scratch.length() < outputLineBytes) {
					// the command's output again and again (a search can have none)
					exitCode = Math.max(exitCode,
							this.text.output(command, this.scratch, outputLineBytes - this.scratch.length()));
				}
			}
			else {
				exitCode = this.text.output(command, this.scratch, outputSize());
			}
			String callId = callId();
			advance(1_000 + this.random.nextInt(4_000));
			this.inner.setLength(0);
			if (this.shellArray) {
				this.inner.append("{\"command\": [\"bash\", \"-lc\", ");
				quote(this.inner, command.line());
				this.inner.append("], \"workdir\": ");
				quote(this.inner, this.cwd);
				if (this.random.nextBoolean()) {
					this.inner.append(", \"timeout_ms\": ").append(this.random.nextBoolean() ? 120000 : 600000);
				}
				this.inner.append('}');
			}
			else {
				this.inner.append("{\"command\":");
				quote(this.inner, command.line());
				this.inner.append(",\"workdir\":");
				quote(this.inner, this.cwd);
				this.inner.append('}');
			}
			StringBuilder payload = begin("response_item");
			payload.append("{\"type\":\"function_call\",\"name\":\"")
				.append(this.shellArray ? "shell" : "shell_command")
				.append("\",\"arguments\":");
			quote(payload, this.inner);
			payload.append(",\"call_id\":\"").append(callId).append("\"}");
			end();
			double seconds = (command.test() ? 2 + this.random.nextInt(90) : this.random.nextInt(3))
					+ this.random.nextInt(1000) / 1000.0;
			advance((long) (seconds * 1000));
			if (outputLineBytes > 0) {
				fitOutput(callId, exitCode, seconds, outputLineBytes);
			}
			output(callId, "function_call_output", exitCode, seconds, this.scratch);
		}

		/**
		 * Cuts {@link #scratch} at a line break so that its output line is at most
		 * {@code lineBytes} long.
		 */
		private void fitOutput(String callId, int exitCode, double seconds, int lineBytes) {
			while (true) {
				outputLine(callId, "function_call_output", exitCode, seconds, this.scratch);
				long excess = utf8Length(this.line) + 2 - lineBytes;
				if (excess <= 0 || this.scratch.isEmpty()) {
					return;
				}
				// each character cut takes at least one byte off the line
				int keep = (int) Math.max(0, this.scratch.length() - excess);
				int lineBreak = this.scratch.lastIndexOf("\n", keep - 1);
				this.scratch.setLength((lineBreak >= 0) ? lineBreak + 1 : keep);
			}
		}

		private static long utf8Length(CharSequence text) {
			long bytes = 0;
			for (int i = 0, n = text.length(); i < n; i++) {
				char c = text.charAt(i);
				if (c < 0x80) {
					bytes++;
				}
				else if (c < 0x800) {
					bytes += 2;
				}
				else if (Character.isHighSurrogate(c)) {
					bytes += 4;
					i++;
				}
				else {
					bytes += 3;
				}
			}
			return bytes;
		}

		private void output(String callId, String type, int exitCode, double seconds, CharSequence output)
				throws IOException {
			outputLine(callId, type, exitCode, seconds, output);
			end();
			this.inputTokens += output.length() / 4;
		}

		/** Builds the output record in {@link #line}, not written yet. */
		private void outputLine(String callId, String type, int exitCode, double seconds, CharSequence output) {
			this.inner.setLength(0);
			String duration = String.format(Locale.ROOT, "%.1f", seconds);
			if (this.jsonOutputs) {
				this.inner.append("{\"output\":");
				quote(this.inner, output);
				this.inner.append(",\"metadata\":{\"exit_code\":")
					.append(exitCode)
					.append(",\"duration_seconds\":")
					.append(duration)
					.append("}}");
			}
			else {
				this.inner.append("Exit code: ")
					.append(exitCode)
					.append("\nWall time: ")
					.append(duration)
					.append(" seconds\nOutput:\n")
					.append(output);
			}
			StringBuilder payload = begin("response_item");
			payload.append("{\"type\":\"").append(type).append("\",\"call_id\":\"").append(callId);
			payload.append("\",\"output\":");
			quote(payload, this.inner);
			payload.append('}');
		}

		private void applyPatch() throws IOException {
			String callId = callId();
			String path = this.random.nextInt(3) == 0 ? this.mainFile : this.text.sourceFile(this.text.type());
			this.scratch.setLength(0);
			this.scratch.append("*** Begin Patch\n*** Update File: ").append(path).append('\n');
			int hunks = 1 + this.random.nextInt(4);
			for (int i = 0; i < hunks; i++) {
				this.scratch.append("@@\n");
				this.text.hunkBody(this.scratch, 3 + this.random.nextInt(20));
			}
			this.scratch.append("*** End Patch");
			advance(2_000 + this.random.nextInt(20_000));
			StringBuilder payload = begin("response_item");
			payload.append("{\"type\":\"custom_tool_call\",\"status\":\"completed\",\"call_id\":\"").append(callId);
			payload.append("\",\"name\":\"apply_patch\",\"input\":");
			quote(payload, this.scratch);
			payload.append('}');
			end();
			advance(200);
			output(callId, "custom_tool_call_output", 0, 0.0,
					"Success. Updated the following files:\nM " + path + "\n");
		}

		private void updatePlan() throws IOException {
			String callId = callId();
			this.inner.setLength(0);
			this.inner.append("{\"explanation\": ");
			quote(this.inner, this.text.sentence(this.mainType, this.mainFile));
			this.inner.append(", \"plan\": [");
			int steps = 2 + this.random.nextInt(4);
			int done = this.random.nextInt(steps);
			for (int i = 0; i < steps; i++) {
				this.inner.append(i == 0 ? "{\"step\": " : ", {\"step\": ");
				quote(this.inner, this.text.planStep(this.mainType, this.mainFile, this.testType));
				this.inner.append(", \"status\": \"")
					.append(i < done ? "completed" : (i == done) ? "in_progress" : "pending")
					.append("\"}");
			}
			this.inner.append("]}");
			advance(1_000 + this.random.nextInt(3_000));
			StringBuilder payload = begin("response_item");
			payload.append("{\"type\":\"function_call\",\"name\":\"update_plan\",\"arguments\":");
			quote(payload, this.inner);
			payload.append(",\"call_id\":\"").append(callId).append("\"}");
			end();
			advance(50);
			payload = begin("response_item");
			payload.append("{\"type\":\"function_call_output\",\"call_id\":\"")
				.append(callId)
				.append("\",\"output\":\"Plan updated\"}");
			end();
		}

		private void tokenCount(boolean first) throws IOException {
			advance(50);
			StringBuilder payload = begin("event_msg");
			payload.append("{\"type\":\"token_count\",\"info\":");
			if (first) {
				payload.append("null");
			}
			else {
				long lastInput = 2_000 + this.random.nextInt(30_000);
				long lastCached = lastInput * this.random.nextInt(95) / 100;
				long lastOutput = 50 + this.random.nextInt(2_000);
				long lastReasoning = this.random.nextInt(1_500);
				this.inputTokens += lastInput;
				payload.append("{\"total_token_usage\":");
				usage(payload, this.inputTokens, this.inputTokens * 8 / 10, this.outputTokens, this.reasoningTokens);
				payload.append(",\"last_token_usage\":");
				usage(payload, lastInput, lastCached, lastOutput, lastReasoning);
				payload.append(",\"model_context_window\":272000}");
			}
			this.primaryUsed = Math.min(100, this.primaryUsed + this.random.nextInt(3) / 2.0);
			long resets = this.nowMillis / 1000 + 3_600 + this.random.nextInt(14_000);
			payload.append(",\"rate_limits\":{\"primary\":{\"used_percent\":")
				.append(this.primaryUsed)
				.append(",\"window_minutes\":300,\"resets_at\":")
				.append(resets)
				.append("},\"secondary\":{\"used_percent\":")
				.append(this.primaryUsed / 3 + 20)
				.append(",\"window_minutes\":10080,\"resets_at\":")
				.append(resets + 400_000)
				.append("}}}");
			end();
		}

		private static void usage(StringBuilder json, long input, long cached, long output, long reasoning) {
			json.append("{\"input_tokens\":")
				.append(input)
				.append(",\"cached_input_tokens\":")
				.append(cached)
				.append(",\"output_tokens\":")
				.append(output)
				.append(",\"reasoning_output_tokens\":")
				.append(reasoning)
				.append(",\"total_tokens\":")
				.append(input + output)
				.append('}');
		}

		/**
		 * A tool output's length: mostly small, a fifth large, a few huge; within budget.
		 */
		private int outputSize() {
			int bucket = this.random.nextInt(100);
			int size = (bucket < 40) ? 100 + this.random.nextInt(700) : (bucket < 75)
					? 1_000 + this.random.nextInt(7_000)
					: (bucket < 95) ? 8_000 + this.random.nextInt(32_000) : 40_000 + this.random.nextInt(110_000);
			return (int) Math.max(80, Math.min(size, (remaining() - 5_000) * 0.9));
		}

		private void advance(long millis) {
			long step = Math.max(1, (long) (millis * this.pace));
			this.time = Math.min(this.time + step, Math.max(this.time, this.nowMillis - 1_000));
		}

		private String timestamp() {
			return TIMESTAMP.format(Instant.ofEpochMilli(this.time));
		}

		private StringBuilder begin(String type) {
			this.line.setLength(0);
			this.line.append("{\"timestamp\":\"")
				.append(timestamp())
				.append("\",\"type\":\"")
				.append(type)
				.append("\",\"payload\":");
			return this.line;
		}

		private void end() throws IOException {
			this.line.append("}\n");
			byte[] encoded = this.line.toString().getBytes(StandardCharsets.UTF_8);
			this.out.write(encoded);
			this.bytes += encoded.length;
		}

		private void hex(StringBuilder json, int length) {
			random(json, HEX, length);
		}

		private void random(StringBuilder json, char[] alphabet, int length) {
			int bits = Integer.numberOfTrailingZeros(alphabet.length);
			boolean powerOfTwo = Integer.bitCount(alphabet.length) == 1;
			int i = 0;
			while (i < length) {
				if (powerOfTwo) {
					long value = this.random.nextLong();
					for (int b = 0; b + bits <= 64 && i < length; b += bits, i++) {
						json.append(alphabet[(int) ((value >>> b) & (alphabet.length - 1))]);
					}
				}
				else {
					json.append(alphabet[this.random.nextInt(alphabet.length)]);
					i++;
				}
			}
		}

		private String uuid(long millis) {
			StringBuilder id = new StringBuilder(36);
			String time = String.format("%012x", millis);
			id.append(time, 0, 8).append('-').append(time, 8, 12).append("-7");
			hex(id, 3);
			id.append('-').append(HEX[8 + this.random.nextInt(4)]);
			hex(id, 3);
			id.append('-');
			hex(id, 12);
			return id.toString();
		}

	}

	/**
	 * Texts from word lists: requests, corrections, answers, code, logs and other tool
	 * outputs for the current session's project.
	 */
	private static final class Text {

		private static final String[] NOUNS = { "account", "invoice", "ledger", "order", "payment", "refund",
				"customer", "session", "token", "config", "schema", "table", "column", "query", "request", "response",
				"handler", "client", "cache", "queue", "job", "worker", "event", "message", "report", "tenant",
				"permission", "role", "policy", "limit", "budget", "snapshot", "migration", "module", "plugin",
				"dependency", "fixture", "endpoint", "route", "entity", "record", "batch", "file", "stream", "buffer",
				"timeout", "retry", "webhook", "currency", "balance", "discount", "shipment", "warehouse", "product",
				"price", "catalog", "cart", "checkout", "receipt", "subscription", "plan", "quota", "metric", "alert",
				"dashboard", "chart", "filter", "page", "cursor", "offset", "header", "cookie", "signature", "secret",
				"certificate", "lock", "transaction", "connection", "pool", "thread", "task", "schedule", "template",
				"locale", "translation", "upload", "thumbnail", "audit", "notification", "address", "country" };

		private static final String[] ADJECTIVES = { "stale", "missing", "duplicate", "nullable", "flaky", "slow",
				"pending", "partial", "invalid", "expired", "cached", "concurrent", "legacy", "optional", "empty",
				"negative", "unpaid", "archived", "locked", "overdue", "unknown", "malformed", "encrypted", "default",
				"nested", "orphaned", "disabled", "truncated" };

		private static final String[][] VERBS = forms("fix|fixes|fixed|fixing", "add|adds|added|adding",
				"rename|renames|renamed|renaming", "refactor|refactors|refactored|refactoring",
				"extract|extracts|extracted|extracting", "validate|validates|validated|validating",
				"parse|parses|parsed|parsing", "load|loads|loaded|loading", "save|saves|saved|saving",
				"fetch|fetches|fetched|fetching", "update|updates|updated|updating", "delete|deletes|deleted|deleting",
				"create|creates|created|creating", "resolve|resolves|resolved|resolving",
				"register|registers|registered|registering", "compute|computes|computed|computing",
				"render|renders|rendered|rendering", "migrate|migrates|migrated|migrating",
				"retry|retries|retried|retrying", "cache|caches|cached|caching", "flush|flushes|flushed|flushing",
				"merge|merges|merged|merging", "split|splits|split|splitting",
				"normalize|normalizes|normalized|normalizing", "serialize|serializes|serialized|serializing",
				"apply|applies|applied|applying", "check|checks|checked|checking", "build|builds|built|building",
				"sync|syncs|synced|syncing", "publish|publishes|published|publishing",
				"cancel|cancels|cancelled|cancelling", "schedule|schedules|scheduled|scheduling",
				"format|formats|formatted|formatting", "sort|sorts|sorted|sorting",
				"convert|converts|converted|converting", "handle|handles|handled|handling",
				"skip|skips|skipped|skipping", "lookup|looks up|looked up|looking up");

		private static final String[] TYPE_SUFFIXES = { "Service", "Repository", "Controller", "Handler", "Client",
				"Properties", "Mapper", "Validator", "Factory", "Scheduler", "Store", "Resolver", "Converter",
				"Exception", "Config", "Listener" };

		private static final String[][][] ALTERNATIVES = {
				{ { "Jackson", "Gson" }, { "AssertJ", "Hamcrest" }, { "RestClient", "RestTemplate" },
						{ "java.time", "Joda-Time" }, { "BigDecimal", "double" }, { "records", "Lombok" },
						{ "Testcontainers", "an embedded H2" }, { "Optional", "null checks" },
						{ "constructor injection", "field injection" } },
				{ { "pytest fixtures", "unittest setUp" }, { "httpx", "requests" }, { "pydantic v2", "marshmallow" },
						{ "pathlib", "os.path" }, { "Decimal", "float" }, { "dataclasses", "plain dicts" } },
				{ { "zod", "yup" }, { "vitest", "jest" }, { "date-fns", "moment" }, { "pnpm", "npm" },
						{ "React Query", "a useEffect fetch" }, { "CSS modules", "inline styles" } },
				{ { "a prepared statement", "string concatenation" }, { "UTC", "the local time zone" },
						{ "the existing retry helper", "a new loop" },
						{ "the shared test fixtures", "ad-hoc mocks" } } };

		private static final String[] NON_ASCII = { "the label should read “Größe”, not „Grosse“",
				"the café menu import breaks on “naïve” and “über”", "São Paulo and Zürich addresses come out as ????",
				"the file is called 日本語のレポート.csv", "prices are in € — not $", "the tolerance is ±0.5 µs",
				"customers in 東京 see a blank page", "the greeting is «Привет» in the Russian locale",
				"señor Muñoz can't log in", "the arrow → renders as a box", "✓ that part works now",
				"it still shows ✗ for the second row", "use an en dash – not a hyphen", "merci, ça marche 🙏",
				"ship it 🚀", "looks good 👍", "the ellipsis … gets cut in the middle" };

		private static final String[] FRAMEWORK_FRAMES = {
				"org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.createBean(AbstractAutowireCapableBeanFactory.java:522)",
				"org.springframework.beans.factory.support.AbstractBeanFactory.doGetBean(AbstractBeanFactory.java:339)",
				"org.springframework.context.support.AbstractApplicationContext.refresh(AbstractApplicationContext.java:619)",
				"org.springframework.boot.SpringApplication.run(SpringApplication.java:354)",
				"org.springframework.test.context.support.DefaultTestContext.getApplicationContext(DefaultTestContext.java:180)",
				"org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)",
				"org.springframework.transaction.interceptor.TransactionInterceptor.invoke(TransactionInterceptor.java:119)",
				"org.hibernate.engine.jdbc.spi.SqlExceptionHelper.convert(SqlExceptionHelper.java:56)",
				"com.fasterxml.jackson.databind.ObjectMapper.readValue(ObjectMapper.java:3833)",
				"java.base/java.util.ArrayList.forEach(ArrayList.java:1596)",
				"java.base/java.util.stream.ReferencePipeline$3$1.accept(ReferencePipeline.java:197)",
				"java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
				"java.base/java.lang.reflect.Method.invoke(Method.java:580)",
				"org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:767)",
				"org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)",
				"org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:160)",
				"org.apache.maven.surefire.junitplatform.JUnitPlatformProvider.invoke(JUnitPlatformProvider.java:136)" };

		private static final String[] EXCEPTIONS = { "java.lang.IllegalStateException",
				"java.lang.IllegalArgumentException", "java.lang.NullPointerException",
				"org.springframework.dao.DataIntegrityViolationException",
				"org.springframework.beans.factory.UnsatisfiedDependencyException",
				"java.time.format.DateTimeParseException", "java.util.NoSuchElementException",
				"org.opentest4j.AssertionFailedError" };

		private static final String[] PY_ERRORS = { "KeyError", "TypeError", "ValueError", "AttributeError",
				"AssertionError", "sqlalchemy.exc.IntegrityError", "pydantic_core._pydantic_core.ValidationError" };

		private final Random random;

		private Project project;

		Text(Random random) {
			this.random = random;
		}

		private static String[][] forms(String... verbs) {
			String[][] forms = new String[verbs.length][];
			for (int i = 0; i < verbs.length; i++) {
				forms[i] = verbs[i].split("\\|");
			}
			return forms;
		}

		// words

		private String pick(String[] words) {
			return words[this.random.nextInt(words.length)];
		}

		private String noun() {
			return pick(NOUNS);
		}

		private String adjective() {
			return pick(ADJECTIVES);
		}

		private String[] verb() {
			return VERBS[this.random.nextInt(VERBS.length)];
		}

		private static String capitalize(String word) {
			return Character.toUpperCase(word.charAt(0)) + word.substring(1);
		}

		private int number(int bound) {
			return this.random.nextInt(bound);
		}

		String type() {
			return capitalize(noun()) + pick(TYPE_SUFFIXES);
		}

		private String method() {
			String verb = verb()[0].replace(" ", "");
			String noun = noun();
			return (this.project.language() == PYTHON) ? verb + "_" + noun : verb + capitalize(noun);
		}

		private String variable() {
			return (this.random.nextInt(3) == 0) ? adjective() + capitalize(noun()) : noun();
		}

		private String snake(String type) {
			StringBuilder snake = new StringBuilder();
			for (int i = 0; i < type.length(); i++) {
				char c = type.charAt(i);
				if (Character.isUpperCase(c) && i > 0) {
					snake.append('_');
				}
				snake.append(Character.toLowerCase(c));
			}
			return snake.toString();
		}

		String sourceFile(String type) {
			return switch (this.project.language()) {
				case JAVA -> "src/main/java/" + this.project.base() + "/" + type + ".java";
				case PYTHON -> this.project.base() + "/" + snake(type) + ".py";
				default -> this.project.base() + "/" + (this.random.nextBoolean() ? "components/" : "lib/") + type
						+ (this.random.nextBoolean() ? ".tsx" : ".ts");
			};
		}

		private String testFile(String testType) {
			return switch (this.project.language()) {
				case JAVA -> "src/test/java/" + this.project.base() + "/" + testType + ".java";
				case PYTHON -> "tests/test_" + snake(testType) + ".py";
				default -> this.project.base() + "/lib/" + testType + ".test.ts";
			};
		}

		private String testName() {
			String[] verb = verb();
			return switch (this.project.language()) {
				case PYTHON -> "test_" + verb[1].replace(" ", "_") + "_" + noun() + "_when_" + adjective();
				case JAVA -> verb[1].replace(" ", "") + capitalize(noun()) + "When" + capitalize(noun()) + "Is"
						+ capitalize(adjective());
				default -> verb[1] + " the " + noun() + " when the " + noun() + " is " + adjective();
			};
		}

		String branch() {
			return pick(new String[] { "fix/", "feature/", "chore/", "" }) + noun() + "-" + verb()[0].replace(" ", "-")
					+ (this.random.nextBoolean() ? "-" + (100 + number(900)) : "");
		}

		private String ticket() {
			return pick(new String[] { "PAY-", "INV-", "OPS-", "WEB-" }) + (100 + number(4_000));
		}

		private String testCommand(String testType) {
			return switch (this.project.language()) {
				case JAVA -> pick(new String[] { "./mvnw -q -B test -Dtest=" + testType,
						"./mvnw -B -pl " + this.project.artifact() + " verify", "./mvnw -q test",
						"./gradlew test --tests '*" + testType + "'" });
				case PYTHON -> pick(new String[] { "pytest -q " + testFile(testType), "python -m pytest -x -q",
						"pytest -k " + snake(testType) + " -vv", "tox -e py312" });
				default -> pick(new String[] { "npm test -- --runInBand", "npx jest " + testFile(testType),
						"pnpm vitest run", "npm run test:ci" });
			};
		}

		// messages

		String request(String type, String file, String testType) {
			StringBuilder text = new StringBuilder();
			switch (number(8)) {
				case 0 -> text.append("Fix the failing ")
					.append(testName())
					.append(" test in ")
					.append(testFile(testType))
					.append("; it started failing after ")
					.append(ticket())
					.append(" was merged.");
				case 1 -> text.append("The /api/")
					.append(noun())
					.append("s endpoint returns a 500 when the ")
					.append(noun())
					.append(" is ")
					.append(adjective())
					.append(". Can you find out why and fix it? The logic lives in `")
					.append(file)
					.append("`.");
				case 2 -> text.append("Add ")
					.append(a(adjective()))
					.append(" ")
					.append(noun())
					.append(" check to ")
					.append(type)
					.append(" so that ")
					.append(clause())
					.append(". Keep the public API unchanged and add tests.");
				case 3 -> text.append("Refactor `")
					.append(file)
					.append("`: the ")
					.append(verb()[3])
					.append(" logic is duplicated in ")
					.append(type)
					.append(" and ")
					.append(type())
					.append(". Extract it into one helper.");
				case 4 -> text.append("Why does `")
					.append(testCommand(testType))
					.append("` fail on CI but pass locally? CI says \"")
					.append(capitalize(noun()))
					.append(" ")
					.append(adjective())
					.append("\" and nothing else.");
				case 5 -> text.append("Write tests for ")
					.append(type)
					.append(".")
					.append(method())
					.append("() covering the ")
					.append(adjective())
					.append(" and ")
					.append(adjective())
					.append(" ")
					.append(noun())
					.append(" cases.");
				case 6 -> text.append("Migrate ")
					.append(type)
					.append(" from ")
					.append(String.join(" to ", swap(alternative())))
					.append(". Run ")
					.append(testCommand(testType))
					.append(" when you're done and don't touch the generated sources.");
				default -> text.append("Investigate ")
					.append(ticket())
					.append(": ")
					.append(pick(NON_ASCII))
					.append(". I think it's in `")
					.append(file)
					.append("` but I'm not sure.");
			}
			if (number(5) == 0) {
				text.append("\n\nContext: ").append(sentence(type, file)).append(' ').append(sentence(type, file));
			}
			return text.toString();
		}

		String correction(String type, String file) {
			String[] alternative = alternative();
			return switch (number(6)) {
				case 0 -> "No, that's wrong, use " + alternative[0] + " instead of " + alternative[1] + ".";
				case 1 ->
					"No — don't touch `" + file + "`. Revert that change and put the check in " + type() + " instead.";
				case 2 -> "That's not it: the " + noun() + " isn't " + adjective() + ", the " + noun() + " is. Use "
						+ alternative[0] + " instead.";
				case 3 -> "Stop, you're editing the generated file. Edit `" + sourceFile(type()) + "` instead.";
				case 4 -> "Nope, we don't use " + alternative[1] + " here; use " + alternative[0]
						+ " instead, like the rest of " + type + " does.";
				default -> "Wrong again. I said \"" + verb()[0] + " the " + noun() + "\", not \"" + verb()[0] + " the "
						+ noun() + "\". Please undo the last change.";
			};
		}

		String followUp(String type, String file, String testType) {
			return switch (number(8)) {
				case 0 -> "Looks good. Now also handle the case where the " + noun() + " is " + adjective() + ".";
				case 1 -> "Run the full test suite (`" + testCommand(testType) + "`) before you finish.";
				case 2 -> "Can you explain why " + type + " needs the " + noun() + " at all?";
				case 3 -> "ok, commit it with a message that mentions " + ticket() + " — but don't push.";
				case 4 -> "Also " + pick(NON_ASCII) + ". Can you fix that while you're in there?";
				case 5 ->
					"What about `" + sourceFile(type()) + "`? It " + verb()[1] + " the " + noun() + " the same way.";
				case 6 -> "Great, thanks! One more thing: " + sentence(type, file);
				default -> "Please add a short note to the README on how to " + verb()[0] + " the " + noun() + ".";
			};
		}

		String pastedLog(String type, String testType) {
			StringBuilder text = new StringBuilder("I still get this when I run `").append(testCommand(testType))
				.append("`:\n\n```\n");
			if (this.project.language() == JAVA) {
				javaTrace(text, type, 6 + number(20));
			}
			else if (this.project.language() == PYTHON) {
				pythonTrace(text, 4 + number(8));
			}
			else {
				jestFailure(text, testType);
			}
			return text.append("```\n\nWhat's going on?").toString();
		}

		String preamble(String type, String file, String testType) {
			return switch (number(6)) {
				case 0 -> "Let me look at `" + file + "` and the failing test first.";
				case 1 -> "Running `" + testCommand(testType) + "` to reproduce the failure.";
				case 2 -> "I'll check how " + type + " " + verb()[1] + " the " + noun() + " before changing anything.";
				case 3 ->
					"The " + noun() + " comes from " + type() + "; I'll trace where it becomes " + adjective() + ".";
				case 4 -> "Found it: " + clause() + ". Patching " + type + " now.";
				default -> "Tests are still red; looking at the " + noun() + " " + noun() + " next.";
			};
		}

		String reasoningSummary(String type, String file, String testType) {
			String[] verb = verb();
			StringBuilder text = new StringBuilder("**").append(capitalize(verb[3]))
				.append(" the ")
				.append(noun())
				.append(" ")
				.append(noun())
				.append("**\n\n");
			int sentences = 1 + number(3);
			for (int i = 0; i < sentences; i++) {
				text.append(i == 0 ? "" : " ").append(sentence(type, file));
			}
			if (number(4) == 0) {
				text.append(" I'll run `").append(testCommand(testType)).append("` afterwards.");
			}
			return text.toString();
		}

		String planStep(String type, String file, String testType) {
			return switch (number(4)) {
				case 0 -> capitalize(verb()[0]) + " the " + adjective() + " " + noun() + " in " + type;
				case 1 -> "Add tests to " + testFile(testType);
				case 2 -> "Run " + testCommand(testType);
				default -> "Update `" + file + "`";
			};
		}

		String finalAnswer(String type, String file, String testType) {
			StringBuilder text = new StringBuilder();
			String[] verb = verb();
			text.append(capitalize(verb[2]))
				.append(" the ")
				.append(noun())
				.append(" handling in `")
				.append(file)
				.append("`")
				.append(number(3) == 0 ? " — " + clause() : "")
				.append(".\n\n");
			int bullets = 1 + number(5);
			for (int i = 0; i < bullets; i++) {
				text.append("- ").append(bullet(type)).append('\n');
			}
			if (number(3) == 0) {
				text.append("\n```").append(fence()).append('\n');
				codeLines(text, 3 + number(15), false);
				text.append("```\n");
			}
			if (number(6) == 0) {
				text.append('\n').append(capitalize(pick(NON_ASCII))).append(".\n");
			}
			text.append("\nTests: `")
				.append(testCommand(testType))
				.append("` ")
				.append(number(5) == 0 ? "still fails on " + testName() + " (" + pick(NON_ASCII) + ")"
						: "passes (" + (5 + number(400)) + " tests, 0 failures)")
				.append('.');
			if (number(3) == 0) {
				text.append(" Want me to ").append(verb()[0]).append(" the ").append(noun()).append(" too?");
			}
			return text.toString();
		}

		private String fence() {
			return switch (this.project.language()) {
				case JAVA -> "java";
				case PYTHON -> "python";
				default -> "ts";
			};
		}

		private String bullet(String type) {
			return switch (number(5)) {
				case 0 -> capitalize(verb()[2]) + " `" + type + "." + method() + "()` so that " + clause() + ".";
				case 1 -> "The " + adjective() + " " + noun() + " no longer reaches " + type() + "; it is " + verb()[2]
						+ " in " + type + " first.";
				case 2 -> "Added a test for the \"" + adjective() + " " + noun() + "\" case.";
				case 3 ->
					"Replaced " + String.join(" with ", swap(alternative())) + " in `" + sourceFile(type()) + "`.";
				default -> "Left `" + sourceFile(type()) + "` alone; " + clause() + ".";
			};
		}

		String sentence(String type, String file) {
			String[] verb = verb();
			return switch (number(6)) {
				case 0 -> "I'm " + verb[3] + " how `" + type + "` " + verb()[1] + " the " + noun() + " so I can "
						+ verb[0] + " the " + adjective() + " " + noun() + ".";
				case 1 -> "The " + noun() + " in `" + file + "` is " + adjective() + " whenever the " + noun() + " is "
						+ adjective() + ".";
				case 2 -> "It looks like " + clause() + ", which explains the " + adjective() + " " + noun() + ".";
				case 3 -> "I need to " + verb[0] + " the " + noun() + " before " + type + " " + verb()[1]
						+ " it, otherwise " + clause() + ".";
				case 4 -> "The test expects \"" + noun() + "\" but gets \"" + adjective() + "\"; " + clause() + ".";
				default -> capitalize(type) + " " + verb[1] + " every " + noun() + " twice, so " + clause() + ".";
			};
		}

		private String clause() {
			return switch (number(5)) {
				case 0 -> "the " + noun() + " is " + verb()[2] + " before the " + noun() + " is " + verb()[2];
				case 1 -> adjective() + " " + noun() + "s are " + verb()[2] + " instead of rejected";
				case 2 -> a(adjective()) + " " + noun() + " no longer " + verb()[1] + " the " + noun();
				case 3 -> "the " + noun() + " " + noun() + " stays " + adjective();
				default -> "each " + noun() + " " + verb()[1] + " its own " + noun();
			};
		}

		private String[] alternative() {
			String[][] alternatives = ALTERNATIVES[(number(4) == 0) ? 3 : this.project.language()];
			return alternatives[number(alternatives.length)];
		}

		private static String[] swap(String[] pair) {
			return new String[] { pair[1], pair[0] };
		}

		/** {@code word} with its indefinite article. */
		private static String a(String word) {
			return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
		}

		String globalInstructions() {
			return "Prefer small, reviewable diffs. Never push without asking.\nUse " + alternative()[0]
					+ " where it fits; explain trade-offs briefly.";
		}

		String permissions() {
			return "<permissions instructions>\nFilesystem sandboxing defines which files can be read or written. "
					+ "`sandbox_mode` is `workspace-write`: The sandbox permits reading files, and editing files in "
					+ "`cwd` and `writable_roots`. Editing files in other directories requires approval. Network "
					+ "access is restricted.\nApprovals are your mechanism to get user consent to run shell commands "
					+ "without the sandbox. `approval_policy` is `on-request`: Commands will be run in the sandbox by "
					+ "default, and you can specify in your tool call if you want to escalate a command to run without "
					+ "sandboxing.\n</permissions instructions>";
		}

		String agentsMd(String cwd) {
			StringBuilder text = new StringBuilder("# AGENTS.md instructions for ").append(cwd)
				.append("\n\n<INSTRUCTIONS>\n# ")
				.append(this.project.name())
				.append("\n\n## Build and test\n\n- Run `")
				.append(testCommand(type()))
				.append("` before you finish.\n");
			int rules = 4 + number(12);
			for (int i = 0; i < rules; i++) {
				text.append("- ").append(rule()).append('\n');
			}
			return text.append("</INSTRUCTIONS>").toString();
		}

		String userInstructions() {
			StringBuilder text = new StringBuilder("<user_instructions>\n\n# ").append(this.project.name())
				.append("\n\n");
			int rules = 3 + number(8);
			for (int i = 0; i < rules; i++) {
				text.append("- ").append(rule()).append('\n');
			}
			return text.append("\n</user_instructions>").toString();
		}

		private String rule() {
			return switch (number(5)) {
				case 0 -> "Use " + String.join(", never ", alternative()) + ".";
				case 1 -> "Keep " + noun() + " " + noun() + "s " + adjective() + "-safe; " + clause() + ".";
				case 2 -> "Do not edit files under `" + (this.project.language() == JAVA ? "target/" : "dist/")
						+ "` or `generated/`.";
				case 3 -> "Name tests after the behaviour: `" + testName() + "`.";
				default -> "Every " + noun() + " change needs an entry in CHANGELOG.md.";
			};
		}

		String environmentContext(String cwd) {
			return "<environment_context>\n  <cwd>" + cwd + "</cwd>\n  <approval_policy>on-request</approval_policy>\n"
					+ "  <sandbox_mode>workspace-write</sandbox_mode>\n  <network_access>restricted</network_access>\n"
					+ "  <shell>" + (number(4) == 0 ? "zsh" : "bash") + "</shell>\n</environment_context>";
		}

		// commands and their outputs

		private record Command(String line, int kind, boolean test, String subject) {
		}

		private static final int TESTS = 0;

		private static final int SEARCH = 1;

		private static final int READ = 2;

		private static final int DIFF = 3;

		private static final int LIST = 4;

		private static final int BUILD = 5;

		Command command(String type, String file, String testType) {
			int kind = number(100);
			if (kind < 30) {
				return new Command(testCommand(testType), TESTS, true, testType);
			}
			if (kind < 48) {
				String word = (number(2) == 0) ? type : noun();
				return new Command(pick(new String[] { "rg -n \"" + word + "\" " + this.project.base(),
						"rg -n --no-heading '" + word + "\\(' .", "grep -rn \"" + word + "\" " + this.project.base() }),
						SEARCH, false, word);
			}
			if (kind < 70) {
				String path = (number(2) == 0) ? file : sourceFile(type());
				int from = 1 + 200 * number(3);
				return new Command(
						pick(new String[] { "sed -n '" + from + "," + (from + 199) + "p' " + path, "cat " + path,
								"nl -ba " + path + " | sed -n '" + from + "," + (from + 120) + "p'" }),
						READ, false, path);
			}
			if (kind < 82) {
				return new Command(pick(new String[] { "git diff", "git diff --stat && git diff", "git show HEAD~1" }),
						DIFF, false, file);
			}
			if (kind < 92) {
				return new Command(pick(new String[] { "git status --short", "ls -la " + this.project.base(),
						"find . -name '*" + (this.project.language() == JAVA ? ".java"
								: this.project.language() == PYTHON ? ".py" : ".ts") + "' | head -50" }),
						LIST, false, file);
			}
			return new Command(switch (this.project.language()) {
				case JAVA -> "./mvnw -q -B compile";
				case PYTHON -> pick(new String[] { "ruff check .", "mypy " + this.project.base() });
				default -> pick(new String[] { "npx tsc --noEmit", "pnpm lint" });
			}, BUILD, false, file);
		}

		/**
		 * Writes about {@code size} characters of {@code command}'s output; its exit
		 * code.
		 */
		int output(Command command, StringBuilder out, int size) {
			int start = out.length();
			int limit = start + size;
			boolean truncated = size > 30_000 && number(2) == 0;
			if (truncated) {
				out.append("Total output lines: ").append(size / 60 + number(2_000)).append("\n\n");
			}
			int exit = 0;
			switch (command.kind()) {
				case TESTS -> exit = testLog(out, limit, command.subject());
				case SEARCH -> {
					if (number(8) == 0) {
						return 1;
					}
					while (out.length() < limit) {
						out.append(sourceFile(type())).append(':').append(1 + number(400)).append(':');
						codeLine(out);
					}
				}
				case READ -> {
					boolean numbered = command.line().startsWith("nl");
					while (out.length() < limit) {
						codeLines(out, 20, numbered);
					}
				}
				case DIFF -> {
					while (out.length() < limit) {
						diff(out);
					}
				}
				case LIST -> {
					while (out.length() < limit) {
						if (command.line().startsWith("ls")) {
							out.append(number(4) == 0 ? "drwxr-xr-x " : "-rw-r--r-- ")
								.append(1 + number(3))
								.append(" dev dev ")
								.append(String.format(Locale.ROOT, "%6d", number(60_000)))
								.append(" Nov ")
								.append(String.format(Locale.ROOT, "%2d", 1 + number(28)))
								.append(" 1")
								.append(number(10))
								.append(':')
								.append(10 + number(50))
								.append(' ')
								.append(sourceFile(type()))
								.append('\n');
						}
						else {
							out.append(pick(new String[] { " M ", "?? ", "M  ", "./", " D " }))
								.append(sourceFile(type()))
								.append('\n');
						}
					}
				}
				default -> exit = buildLog(out, limit);
			}
			if (truncated && out.length() > start + 2_000) {
				int middle = start + (out.length() - start) / 2;
				int newline = out.indexOf("\n", middle);
				if (newline > 0) {
					out.insert(newline + 1,
							"[... omitted " + (100 + number(5_000)) + " of " + (size / 60 + 5_000) + " lines ...]\n\n");
				}
			}
			return exit;
		}

		private int testLog(StringBuilder out, int limit, String testType) {
			boolean failing = number(100) < 40;
			return switch (this.project.language()) {
				case JAVA -> mavenLog(out, limit, testType, failing);
				case PYTHON -> pytestLog(out, limit, testType, failing);
				default -> jestLog(out, limit, testType, failing);
			};
		}

		private String javaPackage() {
			return this.project.base().replace('/', '.');
		}

		private int mavenLog(StringBuilder out, int limit, String testType, boolean failing) {
			String pkg = javaPackage();
			out.append("[INFO] Scanning for projects...\n[INFO] \n[INFO] ------------------< io.acme:")
				.append(this.project.artifact())
				.append(" >------------------\n[INFO] Building ")
				.append(this.project.artifact())
				.append(" 1.")
				.append(number(9))
				.append(".0-SNAPSHOT\n[INFO]   from pom.xml\n[INFO] --------------------------------[ jar ]---------------------------------\n")
				.append("[INFO] \n[INFO] --- surefire:3.5.2:test (default-test) @ ")
				.append(this.project.artifact())
				.append(" ---\n[INFO] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider\n")
				.append("[INFO] \n[INFO] -------------------------------------------------------\n[INFO]  T E S T S\n")
				.append("[INFO] -------------------------------------------------------\n");
			int tests = 0;
			boolean failed = false;
			while (out.length() < limit - 400) {
				String testClass = pkg + "." + (number(3) == 0 ? testType : type() + "Tests");
				int run = 1 + number(30);
				tests += run;
				out.append("[INFO] Running ").append(testClass).append('\n');
				if (number(3) == 0) {
					springLog(out, 2 + number(12));
				}
				if (failing && (number(4) == 0 || !failed && out.length() > limit - 4_000)) {
					failed = true;
					out.append("[ERROR] Tests run: ")
						.append(run)
						.append(", Failures: 1, Errors: 0, Skipped: 0, Time elapsed: ")
						.append(number(9))
						.append('.')
						.append(number(1000))
						.append(" s <<< FAILURE! -- in ")
						.append(testClass)
						.append("\n[ERROR] ")
						.append(testClass)
						.append('.')
						.append(testName())
						.append(" -- Time elapsed: 0.")
						.append(number(1000))
						.append(" s <<< FAILURE!\n");
					if (number(2) == 0) {
						out.append("org.opentest4j.AssertionFailedError: \nexpected: \"")
							.append(adjective())
							.append("\"\n but was: \"")
							.append(adjective())
							.append("\"\n");
						frames(out, pkg, 4 + number(20));
					}
					else {
						javaTrace(out, type(), 8 + number(30));
					}
					out.append('\n');
				}
				else {
					out.append("[INFO] Tests run: ")
						.append(run)
						.append(", Failures: 0, Errors: 0, Skipped: ")
						.append(number(5) == 0 ? 1 : 0)
						.append(", Time elapsed: ")
						.append(number(9))
						.append('.')
						.append(number(1000))
						.append(" s -- in ")
						.append(testClass)
						.append('\n');
				}
			}
			out.append("[INFO] \n[INFO] Results:\n[INFO] \n");
			if (failed) {
				out.append("[ERROR] Tests run: ")
					.append(tests)
					.append(", Failures: 1, Errors: 0, Skipped: 0\n[INFO] \n")
					.append("[INFO] ------------------------------------------------------------------------\n")
					.append("[INFO] BUILD FAILURE\n")
					.append("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.2:test ")
					.append("(default-test) on project ")
					.append(this.project.artifact())
					.append(": There are test failures.\n");
				return 1;
			}
			out.append("[INFO] Tests run: ")
				.append(tests)
				.append(", Failures: 0, Errors: 0, Skipped: 0\n[INFO] \n")
				.append("[INFO] ------------------------------------------------------------------------\n")
				.append("[INFO] BUILD SUCCESS\n")
				.append("[INFO] ------------------------------------------------------------------------\n");
			return 0;
		}

		private void springLog(StringBuilder out, int lines) {
			for (int i = 0; i < lines; i++) {
				out.append("2026-11-23T0")
					.append(number(10))
					.append(':')
					.append(10 + number(50))
					.append(':')
					.append(10 + number(50))
					.append('.')
					.append(100 + number(900))
					.append("Z ")
					.append(pick(new String[] { " INFO", " INFO", " WARN", "DEBUG" }))
					.append(' ')
					.append(10_000 + number(50_000))
					.append(" --- [")
					.append(pick(new String[] { "           main", "    Test worker", "pool-2-thread-1" }))
					.append("] ")
					.append(javaPackage())
					.append('.')
					.append(type())
					.append(" : ")
					.append(capitalize(verb()[3]))
					.append(' ')
					.append(noun())
					.append(" '")
					.append(noun())
					.append('-')
					.append(number(10_000))
					.append("' for tenant ")
					.append(number(100))
					.append(" in ")
					.append(number(500))
					.append(" ms\n");
			}
		}

		private void javaTrace(StringBuilder out, String type, int depth) {
			String pkg = javaPackage();
			out.append(pick(EXCEPTIONS))
				.append(": ")
				.append(capitalize(noun()))
				.append(" '")
				.append(noun())
				.append('-')
				.append(number(1_000))
				.append("' is ")
				.append(adjective())
				.append('\n');
			frames(out, pkg, depth);
			if (number(2) == 0) {
				out.append("Caused by: ")
					.append(pick(EXCEPTIONS))
					.append(": could not ")
					.append(verb()[0])
					.append(' ')
					.append(noun())
					.append(" [")
					.append(type)
					.append("]\n");
				frames(out, pkg, 3 + number(8));
				out.append("\t... ").append(10 + number(60)).append(" more\n");
			}
		}

		private void frames(StringBuilder out, String pkg, int depth) {
			for (int i = 0; i < depth; i++) {
				out.append("\tat ");
				if (i < 3 || number(4) == 0) {
					String type = type();
					out.append(pkg)
						.append('.')
						.append(type)
						.append('.')
						.append(method())
						.append('(')
						.append(type)
						.append(".java:")
						.append(10 + number(400))
						.append(")\n");
				}
				else {
					out.append(pick(FRAMEWORK_FRAMES)).append('\n');
				}
			}
		}

		private int pytestLog(StringBuilder out, int limit, String testType, boolean failing) {
			out.append("============================= test session starts ==============================\n")
				.append("platform linux -- Python 3.12.")
				.append(number(8))
				.append(", pytest-8.3.")
				.append(number(5))
				.append(", pluggy-1.5.0\nrootdir: /home/dev/src/")
				.append(this.project.name())
				.append("\nconfigfile: pyproject.toml\nplugins: anyio-4.6.0, cov-5.0.0\ncollected ")
				.append(50 + number(900))
				.append(" items\n\n");
			int files = 0;
			StringBuilder failures = new StringBuilder();
			while (out.length() + failures.length() < limit - 400) {
				files++;
				out.append(testFile(number(3) == 0 ? testType : type())).append(' ');
				int dots = 5 + number(60);
				boolean fails = failing && number(3) == 0;
				for (int i = 0; i < dots; i++) {
					out.append(fails && i == dots / 2 ? 'F' : '.');
				}
				out.append("   [").append(String.format(Locale.ROOT, "%3d", Math.min(100, files * 7))).append("%]\n");
				if (fails) {
					String test = testName();
					failures.append("________________________ ")
						.append(test)
						.append(" _________________________\n\n    def ")
						.append(test)
						.append("(client, ")
						.append(noun())
						.append("_factory):\n");
					for (int i = 0; i < 3 + number(6); i++) {
						failures.append("    ");
						pythonLine(failures);
					}
					failures.append(">       assert resp.status_code == 200\nE       assert 500 == 200\n")
						.append("E        +  where 500 = <Response [500]>.status_code\n\n")
						.append(testFile(testType))
						.append(':')
						.append(10 + number(300))
						.append(": AssertionError\n------------------------------ Captured log call -------------------------------\n")
						.append("ERROR    ")
						.append(this.project.base())
						.append('.')
						.append(noun())
						.append(':')
						.append(noun())
						.append(".py:")
						.append(number(300))
						.append(' ')
						.append(noun())
						.append(" failed for '")
						.append(noun())
						.append('-')
						.append(number(9_999))
						.append("'\n");
					pythonTrace(failures, 3 + number(8));
				}
			}
			if (failures.length() > 0) {
				out.append("\n=================================== FAILURES ===================================\n")
					.append(failures)
					.append("=========================== short test summary info ============================\n")
					.append("FAILED ")
					.append(testFile(testType))
					.append("::")
					.append(testName())
					.append(" - assert 500 == 200\n========================= 1 failed, ")
					.append(files * 20)
					.append(" passed in ")
					.append(number(60))
					.append('.')
					.append(number(100))
					.append("s =========================\n");
				return 1;
			}
			out.append("\n============================== ")
				.append(files * 20)
				.append(" passed in ")
				.append(number(60))
				.append('.')
				.append(number(100))
				.append("s ==============================\n");
			return 0;
		}

		private void pythonTrace(StringBuilder out, int depth) {
			out.append("Traceback (most recent call last):\n");
			for (int i = 0; i < depth; i++) {
				out.append("  File \"/home/dev/src/")
					.append(this.project.name())
					.append('/')
					.append(this.project.base())
					.append('/')
					.append(noun())
					.append('/')
					.append(snake(type()))
					.append(".py\", line ")
					.append(10 + number(400))
					.append(", in ")
					.append(method())
					.append("\n    ");
				pythonLine(out);
			}
			out.append(pick(PY_ERRORS)).append(": '").append(noun()).append("'\n");
		}

		private void jestFailure(StringBuilder out, String testType) {
			out.append("\u001b[1m\u001b[31m  ● \u001b[22m\u001b[1m")
				.append(testType)
				.append(" › ")
				.append(testName())
				.append("\u001b[39m\u001b[22m\n\n    expect(received).toEqual(expected) // deep equality\n\n")
				.append("    - Expected  - 1\n    + Received  + 1\n\n      Object {\n    -   \"status\": \"")
				.append(adjective())
				.append("\",\n    +   \"status\": \"")
				.append(adjective())
				.append("\",\n      }\n\n      at Object.<anonymous> (")
				.append(testFile(testType))
				.append(':')
				.append(10 + number(200))
				.append(':')
				.append(1 + number(40))
				.append(")\n");
		}

		private int jestLog(StringBuilder out, int limit, String testType, boolean failing) {
			int passed = 0;
			boolean failed = false;
			while (out.length() < limit - 300) {
				boolean fails = failing && number(4) == 0;
				out.append(fails ? "\u001b[0m\u001b[7m\u001b[1m\u001b[31m FAIL \u001b[39m\u001b[22m\u001b[27m\u001b[0m "
						: "\u001b[0m\u001b[7m\u001b[1m\u001b[32m PASS \u001b[39m\u001b[22m\u001b[27m\u001b[0m ")
					.append(testFile(type()))
					.append('\n');
				int tests = 2 + number(12);
				for (int i = 0; i < tests; i++) {
					boolean red = fails && i == 0;
					out.append(red ? "    \u001b[31m✕\u001b[39m " : "    \u001b[32m✓\u001b[39m ")
						.append(testName())
						.append(" (")
						.append(1 + number(200))
						.append(" ms)\n");
				}
				if (fails) {
					failed = true;
					out.append('\n');
					jestFailure(out, testType);
				}
				passed += tests;
			}
			out.append("\nTests:       ")
				.append(failed ? "1 failed, " : "")
				.append(passed)
				.append(" passed, ")
				.append(passed + (failed ? 1 : 0))
				.append(" total\nTime:        ")
				.append(number(40))
				.append('.')
				.append(number(1000))
				.append(" s\nRan all test suites.\n");
			return failed ? 1 : 0;
		}

		private int buildLog(StringBuilder out, int limit) {
			if (number(2) == 0) {
				out.append(this.project.language() == PYTHON ? "All checks passed!\n" : "");
				return 0;
			}
			int errors = 0;
			while (out.length() < limit) {
				errors++;
				String file = sourceFile(type());
				int line = 1 + number(300);
				switch (this.project.language()) {
					case JAVA -> out.append("[ERROR] /home/dev/src/")
						.append(this.project.name())
						.append('/')
						.append(file)
						.append(":[")
						.append(line)
						.append(',')
						.append(1 + number(60))
						.append("] cannot find symbol\n[ERROR]   symbol:   method ")
						.append(method())
						.append("(")
						.append(type())
						.append(")\n[ERROR]   location: class ")
						.append(type())
						.append('\n');
					case PYTHON -> out.append(file)
						.append(':')
						.append(line)
						.append(':')
						.append(1 + number(60))
						.append(": error: Argument 1 to \"")
						.append(method())
						.append("\" has incompatible type \"str | None\"; expected \"str\"  [arg-type]\n");
					default -> out.append(file)
						.append('(')
						.append(line)
						.append(',')
						.append(1 + number(60))
						.append("): error TS2322: Type 'string | undefined' is not assignable to type '")
						.append(capitalize(noun()))
						.append("'.\n");
				}
			}
			out.append(this.project.language() == PYTHON ? "Found " + errors + " errors in " + errors + " files\n"
					: "Found " + errors + " errors.\n");
			return this.project.language() == JAVA ? 1 : 2;
		}

		private void diff(StringBuilder out) {
			String file = sourceFile(type());
			out.append("diff --git a/")
				.append(file)
				.append(" b/")
				.append(file)
				.append("\nindex ")
				.append(Integer.toHexString(0x1000000 + number(0xEFFFFFF)))
				.append("..")
				.append(Integer.toHexString(0x1000000 + number(0xEFFFFFF)))
				.append(" 100644\n--- a/")
				.append(file)
				.append("\n+++ b/")
				.append(file)
				.append('\n');
			int hunks = 1 + number(3);
			for (int i = 0; i < hunks; i++) {
				int at = 1 + number(300);
				out.append("@@ -")
					.append(at)
					.append(',')
					.append(7 + number(5))
					.append(" +")
					.append(at)
					.append(',')
					.append(7 + number(9))
					.append(" @@ ")
					.append(this.project.language() == PYTHON ? "def " : "public ")
					.append(method())
					.append("(\n");
				hunkBody(out, 6 + number(18));
			}
		}

		void hunkBody(StringBuilder out, int lines) {
			for (int i = 0; i < lines; i++) {
				int kind = number(10);
				out.append(kind < 2 ? '-' : kind < 5 ? '+' : ' ');
				codeLine(out);
			}
		}

		private void codeLines(StringBuilder out, int lines, boolean numbered) {
			for (int i = 0; i < lines; i++) {
				if (numbered) {
					out.append(String.format(Locale.ROOT, "%6d\t", 1 + number(800)));
				}
				codeLine(out);
			}
		}

		private void codeLine(StringBuilder out) {
			switch (this.project.language()) {
				case JAVA -> javaLine(out);
				case PYTHON -> pythonLine(out);
				default -> typescriptLine(out);
			}
		}

		private void javaLine(StringBuilder out) {
			String variable = variable();
			switch (number(14)) {
				case 0 -> out.append("\tprivate final ").append(type()).append(' ').append(variable).append(";\n");
				case 1 -> out.append("\tpublic ")
					.append(type())
					.append(' ')
					.append(method())
					.append('(')
					.append(type())
					.append(' ')
					.append(noun())
					.append(") {\n");
				case 2 -> out.append("\t\tif (").append(variable).append(" == null) {\n");
				case 3 -> out.append("\t\t\tthrow new IllegalArgumentException(\"")
					.append(capitalize(noun()))
					.append(" must not be ")
					.append(adjective())
					.append("\");\n");
				case 4 -> out.append("\t\treturn this.").append(variable).append('.').append(method()).append("();\n");
				case 5 -> out.append("\t}\n");
				case 6 -> out.append("\t\tlog.debug(\"")
					.append(capitalize(verb()[3]))
					.append(" {} for {}\", ")
					.append(variable)
					.append(", ")
					.append(noun())
					.append(");\n");
				case 7 -> out.append("\t\tList<")
					.append(type())
					.append("> ")
					.append(noun())
					.append("s = ")
					.append(variable)
					.append(".stream().filter((each) -> each.is")
					.append(capitalize(adjective()))
					.append("()).toList();\n");
				case 8 -> out.append("\tprivate static final Pattern ")
					.append(noun().toUpperCase(Locale.ROOT))
					.append(" = Pattern.compile(\"^[a-z]+-\\\\d{2,}(?:\\\\.\\\\w+)?$\");\n");
				case 9 -> out.append("\t// ").append(sentence(type(), noun())).append('\n');
				case 10 -> out.append("\t@Test\n\tvoid ").append(testName()).append("() {\n");
				case 11 -> out.append("\t\tassertThat(")
					.append(variable)
					.append('.')
					.append(method())
					.append("()).isEqualTo(\"")
					.append(adjective())
					.append("\");\n");
				case 12 -> out.append("import ").append(javaPackage()).append('.').append(type()).append(";\n");
				default -> out.append("\t\t")
					.append(type())
					.append(' ')
					.append(variable)
					.append(" = new ")
					.append(type())
					.append("(")
					.append(noun())
					.append(", Duration.ofSeconds(")
					.append(number(120))
					.append("));\n");
			}
		}

		private void pythonLine(StringBuilder out) {
			String variable = noun();
			switch (number(11)) {
				case 0 -> out.append("def ")
					.append(method())
					.append('(')
					.append(variable)
					.append(", ")
					.append(noun())
					.append("=None):\n");
				case 1 -> out.append("    \"\"\"").append(sentence(type(), noun())).append("\"\"\"\n");
				case 2 -> out.append("    if ").append(variable).append(" is None:\n");
				case 3 -> out.append("        raise ValueError(f\"")
					.append(noun())
					.append(" {")
					.append(variable)
					.append("!r} is ")
					.append(adjective())
					.append("\")\n");
				case 4 -> out.append("    return ").append(variable).append('.').append(method()).append("()\n");
				case 5 -> out.append("    ")
					.append(variable)
					.append("s = [x for x in ")
					.append(noun())
					.append("s if x.")
					.append(adjective())
					.append("]\n");
				case 6 -> out.append("    logger.info(\"")
					.append(verb()[3])
					.append(" %s for %s\", ")
					.append(variable)
					.append(", ")
					.append(noun())
					.append(")\n");
				case 7 -> out.append("    assert ")
					.append(variable)
					.append(".status == \"")
					.append(adjective())
					.append("\"\n");
				case 8 -> out.append("    pattern = re.compile(r\"^[A-Z]{3}-\\d+\\\\").append(noun()).append("$\")\n");
				case 9 -> out.append("class ").append(type()).append("(BaseModel):\n");
				default -> out.append("    ")
					.append(variable)
					.append(": ")
					.append(pick(new String[] { "str", "int", "Decimal", "datetime", "list[str]" }))
					.append(" | None = None\n");
			}
		}

		private void typescriptLine(StringBuilder out) {
			String variable = variable();
			switch (number(10)) {
				case 0 -> out.append("export async function ")
					.append(method())
					.append('(')
					.append(variable)
					.append(": ")
					.append(type())
					.append("): Promise<")
					.append(type())
					.append("> {\n");
				case 1 -> out.append("  const ")
					.append(variable)
					.append(" = await ")
					.append(noun())
					.append('.')
					.append(method())
					.append("(")
					.append(noun())
					.append(");\n");
				case 2 -> out.append("  if (!")
					.append(variable)
					.append(") throw new Error(`")
					.append(noun())
					.append(" ${")
					.append(noun())
					.append("Id} is ")
					.append(adjective())
					.append("`);\n");
				case 3 -> out.append("  return { ...").append(variable).append(", ").append(noun()).append(" };\n");
				case 4 -> out.append("}\n");
				case 5 -> out.append("  it('")
					.append(testName())
					.append("', async () => {\n    expect(")
					.append(variable)
					.append(").toEqual({ status: '")
					.append(adjective())
					.append("' });\n  });\n");
				case 6 -> out.append("import { ")
					.append(type())
					.append(" } from '../")
					.append(noun())
					.append('/')
					.append(type())
					.append("';\n");
				case 7 -> out.append("  // ").append(sentence(type(), noun())).append('\n');
				case 8 -> out.append("    <")
					.append(capitalize(noun()))
					.append("Row key={")
					.append(variable)
					.append(".id} label=\"")
					.append(capitalize(adjective()))
					.append("\" />\n");
				default -> out.append("  const pattern = /^[a-z]+\\/\\d+$/;\n");
			}
		}

	}

}

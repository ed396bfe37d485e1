package io.teamlearnings.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.teamlearnings.support.FixedClock;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson signals on a labelled set of conversations (positives and look-alike negatives
 * for every kind), written as Codex rollout files; precision and recall are measured and
 * stated, and run memory round-trips.
 * <p>
 * Not in the shared service: each signal comes with the learnings recall finds for it
 * across every repository the service has, and the test asserts which one is first, so
 * the service must have this class's repository only. Sharing nothing with the other
 * classes (its service, directories and repository are its own), it runs beside them
 * (junit-platform.properties).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FixedClock.class)
@Execution(ExecutionMode.CONCURRENT)
class SignalsTests {

	private static final Instant NOW = FixedClock.NOW;

	private static final Path HOME = TestStores.newDirectory("signals-home");

	private static final Path REPO = TestStores.newDirectory("signals-repo");

	private static final Path DATA = TestStores.newDirectory("signals-data");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void directories(DynamicPropertyRegistry registry) {
		TestStores.serve(registry, Map.entry("app", REPO));
		registry.add("learnings.sessions.sessions-dir", () -> HOME.resolve("sessions").toString());
		registry.add("learnings.sessions.archive-dir", () -> HOME.resolve("archived_sessions").toString());
		registry.add("learnings.sessions.uploads-dir", () -> DATA.resolve("uploads").toString());
		registry.add("learnings.sessions.run-memory-file", () -> DATA.resolve("run-memory.md").toString());
		registry.add("learnings.sessions.runs-file", () -> DATA.resolve("runs.jsonl").toString());
	}

	record Expected(String session, String kind, int line) {
	}

	@Test
	void findsTheLabelledMomentsWithHighPrecisionAndRecall() throws IOException {
		Set<Expected> expected = writeConversations();
		HttpClientSupport http = new HttpClientSupport(this.port);
		http.postJson("/api/repos/app/learnings", HttpClientSupport.learningJson(
				"When a webhook provider already retries deliveries, keep the handler idempotent instead of adding retries.",
				"codify_now"));

		JsonNode result = http.get("/api/sessions/signals?lookback_minutes=1440&limit=500").json();

		Set<Expected> found = new HashSet<>();
		for (JsonNode signal : result.get("signals")) {
			found.add(new Expected(signal.get("session_id").asString(), signal.get("kind").asString(),
					signal.get("line").asInt()));
		}
		Set<Expected> truePositives = new HashSet<>(found);
		truePositives.retainAll(expected);
		double precision = (double) truePositives.size() / found.size();
		double recall = (double) truePositives.size() / expected.size();
		System.out.printf(Locale.ROOT, "lesson signals: %d labelled, %d found, precision %.2f, recall %.2f%n",
				expected.size(), found.size(), precision, recall);
		Set<Expected> missed = new HashSet<>(expected);
		missed.removeAll(found);
		Set<Expected> spurious = new HashSet<>(found);
		spurious.removeAll(expected);
		assertThat(missed).as("labelled moments not found").isEmpty();
		assertThat(spurious).as("moments found that are not labelled").isEmpty();
		assertThat(precision).isEqualTo(1.0);
		assertThat(recall).isEqualTo(1.0);

		assertThat(result.get("sessions_analysed").asInt()).isEqualTo(16);
		JsonNode first = result.get("signals").get(0);
		assertThat(first.get("kind").asString()).isEqualTo("repeated_request");
		assertThat(first.get("evidence").get(0).asString()).startsWith("[user, session ");
		JsonNode correction = signalOf(result, "sig-c01", "correction");
		assertThat(correction.get("evidence").get(1).asString()).startsWith("[user] No, that's wrong");
		assertThat(correction.get("related_learnings").get(0).get("learning").asString())
			.startsWith("When a webhook provider already retries");
		JsonNode failure = signalOf(result, "sig-c03", "tool_failure");
		assertThat(failure.get("evidence").toString()).contains("[exit 1]", "test database container");
	}

	@Test
	void keepsTheRunMemoryAndTheRunsBetweenRuns() {
		HttpClientSupport http = new HttpClientSupport(this.port);
		assertThat(http.get("/api/runs/memory").body()).isEmpty();
		assertThat(http
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/runs/memory"))
				.header("Content-Type", "text/markdown")
				.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("# Last run\n\n- 3 sessions, 1 lesson\n"))
				.build())
			.status()).isEqualTo(204);
		assertThat(http.get("/api/runs/memory").body()).isEqualTo("# Last run\n\n- 3 sessions, 1 lesson\n");

		assertThat(http.postJson("/api/runs", "{\"summary\": \"first\", \"sessions_analysed\": [\"a\"]}").status())
			.isEqualTo(201);
		JsonNode second = http.postJson("/api/runs", "{\"summary\": \"second\", \"lessons\": [\"scope\"]}").json();
		assertThat(second.get("recorded_at").asString()).isEqualTo("2026-11-23T12:00:00Z");
		JsonNode runs = http.get("/api/runs?limit=5").json();
		assertThat(runs.findValuesAsString("summary")).containsExactly("second", "first");
		assertThat(http.postJson("/api/runs", "{\"lessons\": []}").status()).isEqualTo(400);
	}

	private static JsonNode signalOf(JsonNode result, String session, String kind) {
		for (JsonNode signal : result.get("signals")) {
			if (signal.get("session_id").asString().equals(session) && signal.get("kind").asString().equals(kind)) {
				return signal;
			}
		}
		throw new AssertionError("no " + kind + " signal in " + session);
	}

	/**
	 * Writes each labelled conversation as a rollout file; returns the labelled moments.
	 */
	private static Set<Expected> writeConversations() throws IOException {
		JsonNode set;
		try (InputStream in = SignalsTests.class.getResourceAsStream("/signals/labelled-conversations.json")) {
			set = MAPPER.readTree(in);
		}
		Set<Expected> expected = new HashSet<>();
		Path directory = HOME.resolve("sessions/2026/11/23");
		Files.createDirectories(directory);
		int index = 0;
		for (JsonNode conversation : set.get("conversations")) {
			index++;
			String session = "sig-" + conversation.get("id").asString();
			Instant start = NOW.minusSeconds(3600L * 16 - 600L * index);
			List<String> lines = new ArrayList<>();
			lines.add(record(start, "session_meta",
					MAPPER.createObjectNode()
						.put("id", session)
						.put("timestamp", start.toString())
						.put("cwd", "/home/dev/app")
						.put("originator", "codex_cli_rs")
						.put("cli_version", "0.63.0")));
			boolean firstUser = true;
			for (JsonNode item : conversation.get("items")) {
				Instant at = start.plusSeconds(lines.size());
				String role = item.get("role").asString();
				int line = lines.size() + 1;
				if (role.equals("tool")) {
					String output = item.get("output").asString();
					if (item.has("exit_code")) {
						ObjectNode wrapped = MAPPER.createObjectNode().put("output", output);
						wrapped.putObject("metadata").put("exit_code", item.get("exit_code").asInt());
						output = MAPPER.writeValueAsString(wrapped);
					}
					String callId = "call_" + line;
					ObjectNode arguments = MAPPER.createObjectNode();
					arguments.putArray("command").add("bash").add("-lc").add(item.get("input").asString());
					lines.add(record(at, "response_item",
							MAPPER.createObjectNode()
								.put("type", "function_call")
								.put("name", item.get("name").asString())
								.put("arguments", MAPPER.writeValueAsString(arguments))
								.put("call_id", callId)));
					lines.add(record(at, "response_item",
							MAPPER.createObjectNode()
								.put("type", "function_call_output")
								.put("call_id", callId)
								.put("output", output)));
				}
				else {
					lines.add(record(at, "event_msg",
							MAPPER.createObjectNode()
								.put("type", role.equals("user") ? "user_message" : "agent_message")
								.put("message", item.get("text").asString())));
				}
				if (role.equals("user") && firstUser && conversation.has("expect_first_user")) {
					conversation.get("expect_first_user")
						.forEach((kind) -> expected.add(new Expected(session, kind.asString(), line)));
				}
				if (role.equals("user")) {
					firstUser = false;
				}
				if (item.has("expect")) {
					item.get("expect").forEach((kind) -> expected.add(new Expected(session, kind.asString(), line)));
				}
			}
			Files.write(directory.resolve("rollout-2026-11-23T00-00-00-" + session + ".jsonl"), lines);
		}
		return expected;
	}

	private static String record(Instant at, String type, ObjectNode payload) {
		ObjectNode record = MAPPER.createObjectNode().put("timestamp", at.toString()).put("type", type);
		record.set("payload", payload);
		return MAPPER.writeValueAsString(record);
	}

}

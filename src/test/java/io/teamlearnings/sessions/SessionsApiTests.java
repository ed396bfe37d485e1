package io.teamlearnings.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.teamlearnings.support.FixedClock;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Codex sessions over real HTTP, on fixtures in the Codex CLI's own formats, with "now"
 * pinned to the fixtures' time. The shared service's Codex home and uploads directory are
 * this class's alone.
 */
class SessionsApiTests extends SharedServiceContext {

	static final Instant NOW = FixedClock.NOW;

	private static final Path HOME = codexHome();

	private static final Path SESSIONS = HOME.resolve("sessions");

	private static final Path ARCHIVE = HOME.resolve("archived_sessions");

	private static final Path UPLOADS = uploads();

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void freshCodexHome() throws IOException, URISyntaxException {
		deleteTree(HOME);
		deleteTree(UPLOADS);
		Path fixtures = Path.of(fixture("/sessions/codex-home").toURI());
		try (Stream<Path> files = Files.walk(fixtures)) {
			for (Path source : files.toList()) {
				Path target = HOME.resolve(fixtures.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
					// as Codex left them: last written long before the test clock's
					// today, so only their records say how recently they were active
					Files.setLastModifiedTime(target, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
				}
			}
		}
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void extractsExactlyWhatTheSeedsExtractorPrintsAndRemovesTheSameFiles() throws IOException {
		Response extract = this.http.get("/api/sessions/extract?lookback_minutes=1440&cleanup=true");

		assertThat(extract.status()).isEqualTo(200);
		assertThat(extract.contentType()).startsWith("text/plain");
		String normalised = extract.body()
			.replace(SESSIONS.toString(), "<SESSIONS>")
			.replace(ARCHIVE.toString(), "<ARCHIVE>");
		assertThat(normalised).isEqualTo(text("/sessions/expected-extract-cleanup.txt"));
		assertThat(remainingFiles()).isEqualTo(text("/sessions/expected-after-cleanup.txt").lines().toList());
	}

	@Test
	void extractsASessionWithAnInvalidByteAndListsTheDamagedLine() throws IOException {
		Path file = SESSIONS
			.resolve("2026/11/23/rollout-2026-11-23T11-50-00-0199a600-e1e1-7e1e-8e1e-e1e1e1e1e1e1.jsonl");
		Files.write(file, bytes("/cases/e1-invalid-utf8.jsonl"));

		assertThat(this.http.get("/api/sessions/extract?lookback_minutes=20").body()).isEqualTo("""
				RECENT_CONVERSATIONS_FOUND=1
				LOOKBACK_MINUTES=20
				ARCHIVED_SESSIONS_INCLUDED=true
				CLEANUP_REMOVED_OLD_SESSIONS=0
				CLEANUP_REMOVED_ARCHIVED_SESSIONS=0
				=== SESSION 1 ===
				TIMESTAMP_UTC=2026-11-23T11:50:00+00:00
				FILE=%s
				[USER]
				Keep going after the damaged line
				[/USER]
				[ASSISTANT]
				Done.
				[/ASSISTANT]
				""".formatted(file));
		JsonNode detail = this.http.get("/api/sessions/0199a600-e1e1-7e1e-8e1e-e1e1e1e1e1e1").json();
		assertThat(detail.get("unreadable_lines").get(0).get("line").asInt()).isEqualTo(2);
		assertThat(detail.get("unreadable_lines").get(0).get("reason").asString())
			.isEqualTo("not UTF-8: invalid byte 0xff at byte 106");
		assertThat(detail.get("messages").findValuesAsString("text"))
			.containsExactly("Keep going after the damaged line", "Done.");
		assertThat(this.http.get("/api/sessions?lookback_minutes=20").json().findValuesAsString("id"))
			.containsExactly("0199a600-e1e1-7e1e-8e1e-e1e1e1e1e1e1");
	}

	@Test
	void printsNoMessagesForAUserMessageOfOneNoBreakSpaceAsTheSeedDoes() throws IOException {
		Path file = SESSIONS
			.resolve("2026/11/23/rollout-2026-11-23T11-51-00-0199a600-e2e2-7e2e-8e2e-e2e2e2e2e2e2.jsonl");
		Files.write(file, bytes("/cases/e2-nbsp-only.jsonl"));

		assertThat(this.http.get("/api/sessions/extract?lookback_minutes=20").body())
			.endsWith("=== SESSION 1 ===\nTIMESTAMP_UTC=2026-11-23T11:51:00+00:00\nFILE=" + file + "\nMESSAGES=NONE\n");
	}

	@Test
	void saysNoRecentConversationsWhenTheWindowIsEmpty() {
		Response none = this.http.get("/api/sessions/extract?lookback_minutes=30");
		assertThat(none.body()).isEqualTo("NO_RECENT_CONVERSATIONS\n");
	}

	@Test
	void takesSessionsAtTheLookbackBoundary() {
		String body = this.http.get("/api/sessions/extract?lookback_minutes=1470").body();
		assertThat(body).startsWith("RECENT_CONVERSATIONS_FOUND=5\n")
			.contains("TIMESTAMP_UTC=2026-11-22T11:30:00+00:00", "CLEANUP_REMOVED_OLD_SESSIONS=0");
		assertThat(this.http.get("/api/sessions/extract?lookback_minutes=1469").body())
			.startsWith("RECENT_CONVERSATIONS_FOUND=4\n");
		assertThat(this.http.get("/api/sessions/extract?limit=1&max_message_chars=120").body())
			.startsWith("RECENT_CONVERSATIONS_FOUND=1\n")
			.contains("\nHere is the full plan for the migration. Step 1: move table t1 to the new schema and verify "
					+ "row counts. Step 2: move ta...\n[/ASSISTANT]\n");
	}

	@Test
	void extractsTheSameContentAsJson() {
		Response json = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/sessions/extract"))
				.header("Accept", "application/json")
				.build());
		JsonNode body = json.json();
		assertThat(body.get("recent_conversations_found").asInt()).isEqualTo(4);
		JsonNode first = body.get("sessions").get(1);
		assertThat(first.get("id").asString()).isEqualTo("0199a213-81c0-7800-8aa1-bbab2a035a53");
		assertThat(first.get("cwd").asString()).isEqualTo("/home/dev/app");
		assertThat(first.get("user_messages").asInt()).isEqualTo(3);
		assertThat(first.get("messages").get(2).get("text").asString()).isEqualTo(
				"No, that's wrong: the import was fine.\nThe module path in pom.xml is missing, fix that instead.");
	}

	@Test
	void listsAndReadsSessionsInCurrentAndLegacyFormats() {
		JsonNode all = this.http.get("/api/sessions").json();
		assertThat(all.findValuesAsString("id")).contains("0199a213-81c0-7800-8aa1-bbab2a035a53",
				"5e1b7f4a-6c3d-4e2f-9a8b-7c6d5e4f3a2b", "0199a2bb-8888-7888-8888-888888888888");
		assertThat(this.http.get("/api/sessions?lookback_minutes=1440").json()).hasSize(4);

		JsonNode legacy = this.http.get("/api/sessions/5e1b7f4a-6c3d-4e2f-9a8b-7c6d5e4f3a2b").json();
		assertThat(legacy.get("session").get("format").asString()).isEqualTo("legacy");
		assertThat(legacy.get("messages").findValuesAsString("text")).containsExactly("Rename the config loader",
				"Renamed ConfigLoader to SettingsLoader.");
		assertThat(legacy.get("tool_calls").get(0).get("exit_code").asInt()).isZero();

		JsonNode current = this.http.get("/api/sessions/0199a213-81c0-7800-8aa1-bbab2a035a53").json();
		assertThat(current.get("session").get("failed_tool_calls").asInt()).isEqualTo(1);
		assertThat(current.get("tool_calls").get(0).get("name").asString()).isEqualTo("shell");
		assertThat(current.get("tool_calls").get(0).get("exit_code").asInt()).isEqualTo(1);

		JsonNode damaged = this.http.get("/api/sessions/0199a1aa-2222-7333-8444-555566667777").json();
		assertThat(damaged.get("unreadable_lines").get(0).get("line").asInt()).isEqualTo(3);
		assertThat(damaged.get("session").get("torn").asBoolean()).isTrue();
		assertThat(damaged.get("messages")).hasSize(2);

		assertThat(this.http.get("/api/sessions/nope").status()).isEqualTo(404);
	}

	@Test
	void cleansUpWithADryRunFirstAndLeavesLinksAndOtherFilesAlone() throws IOException {
		Path outside = TestStores.newDirectory("outside").resolve("keep.jsonl");
		Files.writeString(outside, Files
			.readString(ARCHIVE.resolve("rollout-2026-10-01T09-00-00-01993000-9999-7999-8999-999999999999.jsonl")));
		Files.createSymbolicLink(ARCHIVE.resolve("link.jsonl"), outside);
		Files.writeString(ARCHIVE.resolve("notes.txt"), "not a session");

		JsonNode dry = this.http.post("/api/sessions/cleanup?dry_run=true", "application/json", "").json();
		assertThat(dry.get("removed_old_sessions")).hasSize(1);
		assertThat(dry.get("removed_archived_sessions")).hasSize(1);
		assertThat(dry.get("kept_recently_active")).as("the archived session of 6 hours ago stays").hasSize(1);
		assertThat(dry.get("kept_recently_active").get(0).asString())
			.endsWith("rollout-2026-11-23T06-00-00-0199a2bb-8888-7888-8888-888888888888.jsonl");
		assertThat(Files.list(ARCHIVE).count()).isEqualTo(4);

		JsonNode done = this.http.post("/api/sessions/cleanup", "application/json", "").json();
		assertThat(done.get("removed_archived_sessions")).hasSize(1);
		assertThat(outside).exists();
		assertThat(ARCHIVE.resolve("link.jsonl")).isSymbolicLink();
		assertThat(ARCHIVE.resolve("notes.txt")).exists();
		assertThat(
				SESSIONS.resolve("2025/05/01/rollout-2025-05-01T10-00-00-5e1b7f4a-6c3d-4e2f-9a8b-7c6d5e4f3a2b.jsonl"))
			.exists();
	}

	@Test
	void storesUploadsAndTreatsThemAsLocalSessions() throws IOException {
		String rollout = Files
			.readString(SESSIONS
				.resolve("2026/11/23/rollout-2026-11-23T08-14-09-0199a213-81c0-7800-8aa1-bbab2a035a53.jsonl"))
			.replace("0199a213-81c0-7800-8aa1-bbab2a035a53", "0199a999-aaaa-7aaa-8aaa-aaaaaaaaaaaa");

		Response stored = this.http.post("/api/sessions", "application/x-ndjson", rollout);
		assertThat(stored.status()).isEqualTo(201);
		assertThat(stored.json().get("source").asString()).isEqualTo("upload");
		assertThat(this.http.post("/api/sessions", "application/x-ndjson", rollout).status()).isEqualTo(200);
		assertThat(this.http.get("/api/sessions/0199a999-aaaa-7aaa-8aaa-aaaaaaaaaaaa").status()).isEqualTo(200);
		assertThat(this.http.get("/api/sessions/extract").body()).startsWith("RECENT_CONVERSATIONS_FOUND=5\n");

		Response notJsonl = this.http.post("/api/sessions", "application/x-ndjson", "hello\nworld\n");
		assertThat(notJsonl.status()).isEqualTo(400);
		assertThat(notJsonl.json().get("title").asString()).isEqualTo("Invalid session upload");
		assertThat(Files.list(UPLOADS).count()).isEqualTo(1);
	}

	private List<String> remainingFiles() throws IOException {
		try (Stream<Path> files = Files.walk(HOME)) {
			return files.filter(Files::isRegularFile).map((path) -> HOME.relativize(path).toString()).sorted().toList();
		}
	}

	private static String text(String resource) throws IOException {
		try (InputStream in = fixture(resource).openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static byte[] bytes(String resource) throws IOException {
		try (InputStream in = fixture(resource).openStream()) {
			return in.readAllBytes();
		}
	}

	private static URL fixture(String resource) {
		return SessionsApiTests.class.getResource(resource);
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
				if (!path.equals(root)) {
					Files.delete(path);
				}
			}
		}
	}

}

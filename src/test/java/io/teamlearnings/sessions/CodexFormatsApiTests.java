package io.teamlearnings.sessions;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import io.airlift.compress.zstd.ZstdOutputStream;
import io.teamlearnings.support.FixedClock;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Codex session files as they are in 2026 (`seed-tools.md` section 3) and field cases F
 * to H (`../shared/cases/field-reports-2026-11.md`, copied in
 * {@code src/test/resources/cases/README.md}), over real HTTP: forks that replay their
 * parent, sessions resumed into old files, compressed archives, new record types,
 * hand-off names, and a file over 2 GiB beside a small one. "Now" is
 * {@link FixedClock#NOW}; the shared Codex home is this class's alone while it runs.
 */
class CodexFormatsApiTests extends SharedServiceContext {

	private static final Instant NOW = FixedClock.NOW;

	private static final Path HOME = codexHome();

	private static final Path SESSIONS = HOME.resolve("sessions");

	private static final Path ARCHIVE = HOME.resolve("archived_sessions");

	private static final String PARENT = "0199b000-0000-7000-8000-00000000000a";

	private static final String FORK = "0199b000-0000-7000-8000-00000000000f";

	private static final String REQUEST = "Add retries to the webhook sender please.";

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void emptyCodexHome() throws IOException {
		SessionsApiTests.deleteTree(HOME);
		SessionsApiTests.deleteTree(uploads());
		Files.createDirectories(SESSIONS.resolve("2026/11/23"));
		Files.createDirectories(ARCHIVE);
		this.http = new HttpClientSupport(this.port);
	}

	/**
	 * Case F: the fork replays its parent's history (re-stamped at the fork instant, as
	 * Codex writes it in one burst) before its own turns.
	 */
	@Test
	void aForksReplayedHistoryIsNoNewActivityAndNoSignal() throws IOException {
		Instant parentStart = NOW.minus(Duration.ofDays(2));
		write(SESSIONS.resolve("2026/11/21/rollout-2026-11-21T12-00-00-" + PARENT + ".jsonl"),
				meta(parentStart, PARENT, null), user(parentStart.plusSeconds(5), REQUEST),
				agent(parentStart.plusSeconds(60), "Added retries with backoff."));
		Instant fork = NOW.minus(Duration.ofMinutes(20));
		Path forkFile = SESSIONS.resolve("2026/11/23/rollout-2026-11-23T11-40-00-" + FORK + ".jsonl");
		write(forkFile, meta(fork, FORK, PARENT), meta(fork.plusMillis(1), PARENT, null),
				user(fork.plusMillis(2), REQUEST), agent(fork.plusMillis(3), "Added retries with backoff."),
				user(fork.plusSeconds(90), "Now make the backoff configurable in application.yml"));

		JsonNode signals = this.http.get("/api/sessions/signals?lookback_minutes=4320").json();
		assertThat(signals.get("signals").findValuesAsString("kind")).doesNotContain(SignalDetector.REPEATED);

		JsonNode listed = summaryOf(this.http.get("/api/sessions").json(), FORK);
		assertThat(listed.get("forked_from_id").asString()).isEqualTo(PARENT);
		assertThat(listed.get("started_at").asString()).isEqualTo(fork.toString());
		assertThat(listed.get("user_messages").asInt()).as("the replayed request is not counted").isEqualTo(1);
		assertThat(listed.get("replayed_lines").asLong()).isEqualTo(3);
		assertThat(listed.get("last_activity_at").asString()).isEqualTo(fork.plusSeconds(90).toString());

		JsonNode detail = this.http.get("/api/sessions/" + FORK).json();
		assertThat(detail.get("session").get("id").asString()).as("the first session_meta is the file's identity")
			.isEqualTo(FORK);
		assertThat(detail.get("messages").findValuesAsString("text")).containsExactly(REQUEST,
				"Added retries with backoff.", "Now make the backoff configurable in application.yml");
		assertThat(detail.get("messages").findValues("replayed")).extracting(JsonNode::asBoolean)
			.containsExactly(true, true, false);

		assertThat(this.http.get("/api/sessions/extract?lookback_minutes=60").body()).isEqualTo("""
				RECENT_CONVERSATIONS_FOUND=1
				LOOKBACK_MINUTES=60
				ARCHIVED_SESSIONS_INCLUDED=true
				CLEANUP_REMOVED_OLD_SESSIONS=0
				CLEANUP_REMOVED_ARCHIVED_SESSIONS=0
				=== SESSION 1 ===
				TIMESTAMP_UTC=%s
				FILE=%s
				[USER]
				%s
				[/USER]
				[ASSISTANT]
				Added retries with backoff.
				[/ASSISTANT]
				[USER]
				Now make the backoff configurable in application.yml
				[/USER]
				""".formatted(ConversationExtractor.isoformat(fork), forkFile, REQUEST));
	}

	/**
	 * A turn sent soon after the copy (under a second) is the fork's own: the copy is
	 * written milliseconds apart.
	 */
	@Test
	void aForksOwnTurnSoonAfterTheCopyIsNoReplay() throws IOException {
		Instant fork = NOW.minus(Duration.ofMinutes(5));
		write(SESSIONS.resolve("2026/11/23/rollout-2026-11-23T11-55-00-" + FORK + ".jsonl"), meta(fork, FORK, PARENT),
				meta(fork.plusMillis(5), PARENT, null), user(fork.plusMillis(6), REQUEST),
				agent(fork.plusMillis(7), "Added retries with backoff."),
				user(fork.plusMillis(800), "No, that's wrong, use exponential backoff instead."));

		JsonNode listed = summaryOf(this.http.get("/api/sessions").json(), FORK);
		assertThat(listed.get("user_messages").asInt()).isEqualTo(1);
		assertThat(listed.get("replayed_lines").asLong()).isEqualTo(3);
		JsonNode signals = this.http.get("/api/sessions/signals?lookback_minutes=60").json().get("signals");
		assertThat(signals.findValuesAsString("kind")).containsExactly(SignalDetector.CORRECTION);
	}

	/** Case F, with the replayed history keeping its parent's times. */
	@Test
	void aForksHistoryWithItsParentsTimesIsReplayedToo() throws IOException {
		Instant parentStart = NOW.minus(Duration.ofDays(2));
		Instant fork = NOW.minus(Duration.ofMinutes(20));
		write(SESSIONS.resolve("2026/11/23/rollout-2026-11-23T11-40-00-" + FORK + ".jsonl"), meta(fork, FORK, PARENT),
				meta(parentStart, PARENT, null), user(parentStart.plusSeconds(5), REQUEST),
				user(fork.plusSeconds(40), "no, that's wrong: keep the retries out of the controller"));

		JsonNode listed = summaryOf(this.http.get("/api/sessions").json(), FORK);
		assertThat(listed.get("replayed_lines").asLong()).isEqualTo(2);
		assertThat(listed.get("user_messages").asInt()).isEqualTo(1);
		JsonNode signals = this.http.get("/api/sessions/signals?lookback_minutes=4320").json().get("signals");
		assertThat(signals.findValuesAsString("kind")).doesNotContain(SignalDetector.REPEATED);
	}

	/**
	 * Case H: a session whose first {@code session_meta} is 9 days old, resumed 30
	 * minutes ago into the same file.
	 */
	@Test
	void aSessionResumedIntoAnOldFileIsSelectedByActivityAndKeptByCleanup() throws IOException {
		String id = "0199b000-0000-7000-8000-0000000000e1";
		Instant start = NOW.minus(Duration.ofDays(9));
		Instant resumed = NOW.minus(Duration.ofMinutes(30));
		Path file = SESSIONS.resolve("2026/11/14/rollout-2026-11-14T12-00-00-" + id + ".jsonl");
		write(file, meta(start, id, null), user(start.plusSeconds(5), "Set up the release workflow"),
				agent(start.plusSeconds(60), "The release workflow is in place and passing. Done."),
				meta(resumed, id, null),
				user(resumed.plusSeconds(10), "Tag the release candidate and publish the changelog"),
				agent(resumed.plusSeconds(60), "Tagged v2.0.0-rc1. Done."),
				user(resumed.plusSeconds(90), "You forgot the changelog, publish it too."));
		Files.setLastModifiedTime(file, FileTime.from(resumed.plusSeconds(90)));

		assertThat(this.http.get("/api/sessions?lookback_minutes=60").json()).isEmpty();
		JsonNode active = this.http.get("/api/sessions?lookback_minutes=60&lookback_by=activity").json();
		assertThat(active.findValuesAsString("id")).containsExactly(id);
		assertThat(active.get(0).get("started_at").asString()).isEqualTo(start.toString());
		assertThat(active.get(0).get("last_activity_at").asString()).isEqualTo(resumed.plusSeconds(90).toString());

		JsonNode signals = this.http.get("/api/sessions/signals?lookback_minutes=60").json();
		assertThat(signals.get("lookback_by").asString()).isEqualTo("activity");
		assertThat(signals.get("signals").findValuesAsString("kind")).containsExactly(SignalDetector.FOLLOWUP);
		assertThat(signals.get("signals").get(0).get("line").asLong()).isEqualTo(7);
		assertThat(this.http.get("/api/sessions/signals?lookback_minutes=60&lookback_by=start").json().get("signals"))
			.isEmpty();

		assertThat(this.http.get("/api/sessions/extract?lookback_minutes=60").body())
			.as("the seed's selection, by start")
			.isEqualTo("NO_RECENT_CONVERSATIONS\n");
		assertThat(this.http.get("/api/sessions/extract?lookback_minutes=60&lookback_by=activity").body())
			.startsWith("RECENT_CONVERSATIONS_FOUND=1\n")
			.contains("TIMESTAMP_UTC=" + ConversationExtractor.isoformat(start), "You forgot the changelog");

		Files.setLastModifiedTime(file, FileTime.from(NOW.minus(Duration.ofDays(8))));
		JsonNode cleanup = this.http.post("/api/sessions/cleanup", "application/json", "").json();
		assertThat(cleanup.get("removed_old_sessions")).isEmpty();
		assertThat(cleanup.get("kept_recently_active")).hasSize(1);
		assertThat(cleanup.get("kept_recently_active").get(0).asString()).isEqualTo(file.toString());
		assertThat(file).as("its record of 30 minutes ago keeps it, whatever its modification time").exists();
	}

	@Test
	void compressedArchivesAreListedReadMinedAndCleanedUpButLeftOutOfTheSeedsExtract() throws IOException {
		String id = "0199b000-0000-7000-8000-0000000000c1";
		Instant start = NOW.minus(Duration.ofHours(3));
		Path zst = ARCHIVE.resolve("rollout-2026-11-23T09-00-00-" + id + ".jsonl.zst");
		writeZstd(zst, meta(start, id, null), user(start.plusSeconds(5), "Rename the billing module"),
				agent(start.plusSeconds(30), "Renamed billing to invoicing. Done."),
				user(start.plusSeconds(60), "no, that's wrong: keep the package name, rename only the module"));

		JsonNode listed = summaryOf(this.http.get("/api/sessions").json(), id);
		assertThat(listed.get("compressed").asBoolean()).isTrue();
		assertThat(listed.get("source").asString()).isEqualTo("archive");
		assertThat(this.http.get("/api/sessions/" + id).json().get("messages")).hasSize(3);
		assertThat(this.http.get("/api/sessions/signals").json().get("signals").findValuesAsString("kind"))
			.contains(SignalDetector.CORRECTION);
		assertThat(this.http.get("/api/sessions/extract").body()).isEqualTo("NO_RECENT_CONVERSATIONS\n");
		assertThat(this.http.get("/api/sessions/extract?include_compressed=true").body())
			.startsWith("RECENT_CONVERSATIONS_FOUND=1\n")
			.contains("FILE=" + zst + "\n[USER]\nRename the billing module\n");

		Path plain = ARCHIVE.resolve("rollout-2026-11-23T09-00-00-" + id + ".jsonl");
		write(plain, meta(start, id, null), user(start.plusSeconds(5), "Rename the billing module (plain copy)"));
		assertThat(this.http.get("/api/sessions").json().findValuesAsString("file")).as("the plain file wins")
			.containsExactly(plain.toString());

		Files.setLastModifiedTime(zst, FileTime.from(NOW.minus(Duration.ofDays(30))));
		Files.setLastModifiedTime(plain, FileTime.from(NOW.minus(Duration.ofDays(30))));
		String plainStart = meta(NOW.minus(Duration.ofDays(30)), id, null);
		write(plain, plainStart);
		Files.setLastModifiedTime(plain, FileTime.from(NOW.minus(Duration.ofDays(30))));
		writeZstd(zst, plainStart);
		Files.setLastModifiedTime(zst, FileTime.from(NOW.minus(Duration.ofDays(30))));
		JsonNode both = this.http.post("/api/sessions/cleanup", "application/json", "").json();
		assertThat(both.get("removed_archived_sessions")).hasSize(1);
		assertThat(both.get("removed_archived_sessions").get(0).asString()).isEqualTo(plain.toString());
		assertThat(both.get("removed_archived_compressed").get(0).asString())
			.as("the compressed copy the plain file shadowed goes with it")
			.isEqualTo(zst.toString());
		assertThat(zst).doesNotExist();
		writeZstd(zst, meta(start, id, null), user(start.plusSeconds(5), "Rename the billing module"));
		Files.setLastModifiedTime(zst, FileTime.from(NOW.minus(Duration.ofDays(30))));
		String oldId = "0199b000-0000-7000-8000-0000000000c2";
		Path old = ARCHIVE.resolve("rollout-2026-10-01T09-00-00-" + oldId + ".jsonl.zst");
		writeZstd(old, meta(NOW.minus(Duration.ofDays(50)), oldId, null),
				user(NOW.minus(Duration.ofDays(50)), "Old archived work"));
		Files.setLastModifiedTime(old, FileTime.from(NOW.minus(Duration.ofDays(50))));
		JsonNode cleanup = this.http.post("/api/sessions/cleanup", "application/json", "").json();
		assertThat(cleanup.get("removed_archived_compressed")).hasSize(1);
		assertThat(cleanup.get("removed_archived_compressed").get(0).asString()).isEqualTo(old.toString());
		assertThat(cleanup.get("removed_archived_sessions")).isEmpty();
		assertThat(cleanup.get("kept_recently_active").get(0).asString()).isEqualTo(zst.toString());
		assertThat(old).doesNotExist();
		assertThat(zst).exists();
	}

	@Test
	void aCorruptCompressedArchiveIsReportedBesideTheReadableSessions() throws IOException {
		String good = "0199b000-0000-7000-8000-0000000000d1";
		write(SESSIONS.resolve("2026/11/23/rollout-2026-11-23T11-00-00-" + good + ".jsonl"),
				meta(NOW.minus(Duration.ofHours(1)), good, null),
				user(NOW.minus(Duration.ofMinutes(59)), "Still here"));
		Path corrupt = ARCHIVE.resolve("rollout-2026-11-23T10-00-00-0199b000-0000-7000-8000-0000000000d2.jsonl.zst");
		Files.write(corrupt, new byte[] { 0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 1, 2, 3, 4, 5, 6, 7, 8 });

		JsonNode listed = this.http.get("/api/sessions").json();
		assertThat(listed.findValuesAsString("id")).contains(good);
		assertThat(summaryOf(listed, "0199b000-0000-7000-8000-0000000000d2").get("error").asString())
			.startsWith("could not be read");

		Response extract = this.http.get("/api/sessions/extract?include_compressed=true");
		assertThat(extract.status()).isEqualTo(200);
		assertThat(extract.body()).startsWith("RECENT_CONVERSATIONS_FOUND=1\n").contains("Still here");
		assertThat(extract.header("Sessions-Unreadable")).isEqualTo("1");
		assertThat(extract.header("Sessions-Unreadable-Files")).startsWith("\"" + corrupt + "\";reason=\"could not");
		JsonNode signals = this.http.get("/api/sessions/signals").json();
		assertThat(signals.get("unreadable_files").findValuesAsString("file")).containsExactly(corrupt.toString());
		Response unreadable = this.http.get("/api/sessions/0199b000-0000-7000-8000-0000000000d2");
		assertThat(unreadable.status()).as("listed, so known, but unreadable").isEqualTo(422);
		assertThat(unreadable.json().get("detail").asString()).contains(corrupt.toString(), "not a valid zstd stream");
	}

	@Test
	void newRecordTypesAreToleratedAndCompactedHistoryIsShownAsSuch() throws IOException {
		String id = "0199b000-0000-7000-8000-0000000000b1";
		Instant at = NOW.minus(Duration.ofMinutes(10));
		String ts = "\"" + at + "\"";
		Path file = SESSIONS
			.resolve("2026/11/23/rollout-2026-11-23T11-50-00-" + id + "_0199b000-0000-7000-8000-0000000000b2.jsonl");
		write(file, meta(at, id, null),
				"{\"timestamp\":" + ts + ",\"ordinal\":1,\"type\":\"turn_context\",\"payload\":{\"cwd\":\"/w\"}}",
				"{\"timestamp\":" + ts + ",\"ordinal\":2,\"type\":\"response_item\",\"metadata\":{\"turn_id\":\"t1\"},"
						+ "\"payload\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\","
						+ "\"text\":\"Split the parser module\"}]}}",
				"{\"timestamp\":" + ts
						+ ",\"ordinal\":3,\"type\":\"token_usage_record\",\"payload\":{\"input_tokens\":10}}",
				"{\"timestamp\":" + ts + ",\"ordinal\":4,\"type\":\"world_state\",\"payload\":{\"files\":[]}}",
				"{\"timestamp\":" + ts
						+ ",\"ordinal\":5,\"type\":\"compacted\",\"payload\":{\"message\":\"The user asked to "
						+ "split the parser.\",\"replacement_history\":[{\"type\":\"message\",\"role\":\"user\","
						+ "\"content\":[{\"type\":\"input_text\",\"text\":\"Split the parser module\"}]},{\"type\":\"message\","
						+ "\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Working on it\"}]}]}}",
				"{\"timestamp\":" + ts + ",\"ordinal\":6,\"type\":\"security_risk_score\",\"payload\":{\"score\":0.1}}",
				"{\"timestamp\":" + ts + ",\"type\":\"inter_agent_communication\",\"payload\":{\"to\":\"sub\"}}",
				"{\"timestamp\":" + ts + ",\"type\":\"something_new_in_2027\",\"payload\":{}}",
				"{\"timestamp\":" + ts + ",\"ordinal\":7,\"type\":\"response_item\",\"payload\":{\"type\":\"message\","
						+ "\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"Split into lexer and parser.\"}]}}");

		JsonNode detail = this.http.get("/api/sessions/" + id).json();
		assertThat(detail.get("messages").findValuesAsString("text")).containsExactly("Split the parser module",
				"Split into lexer and parser.");
		assertThat(detail.get("compacted").get(0).get("message").asString())
			.isEqualTo("The user asked to split the parser.");
		assertThat(detail.get("compacted").get(0).get("replacement_items").asInt()).isEqualTo(2);
		assertThat(detail.get("unreadable_lines")).isEmpty();
		assertThat(detail.get("session").get("file").asString()).as("a hand-off file is listed")
			.isEqualTo(file.toString());
	}

	/**
	 * Case G: a file over 2 GiB (a valid {@code session_meta}, then 2,200 MB of zero
	 * bytes without a line break: sparse, no disk) beside a small session. Every endpoint
	 * answers; the huge line is skipped and reported, never loaded.
	 */
	@Test
	void aFileOverTwoGibibytesCostsOnlyItsHugeLine() throws IOException {
		String small = "0199b000-0000-7000-8000-0000000000a1";
		write(SESSIONS.resolve("2026/11/23/rollout-2026-11-23T11-30-00-" + small + ".jsonl"),
				meta(NOW.minus(Duration.ofMinutes(30)), small, null),
				user(NOW.minus(Duration.ofMinutes(29)), "Fix the flaky upload test"));
		String huge = "0199b000-0000-7000-8000-0000000000a2";
		Path big = SESSIONS.resolve("2026/11/23/rollout-2026-11-23T11-20-00-" + huge + ".jsonl");
		String bigMeta = meta(NOW.minus(Duration.ofMinutes(40)), huge, null);
		write(big, bigMeta);
		try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
			file.setLength(2200L * 1024 * 1024);
		}

		JsonNode listed = this.http.get("/api/sessions").json();
		assertThat(listed.findValuesAsString("id")).containsExactly(small, huge);
		assertThat(summaryOf(listed, huge).get("unreadable_lines").asLong()).isEqualTo(1);
		assertThat(this.http.get("/api/sessions/" + small).status()).isEqualTo(200);
		JsonNode detail = this.http.get("/api/sessions/" + huge).json();
		assertThat(detail.get("unreadable_lines").get(0).get("reason").asString())
			.isEqualTo("longer than the line limit of 64MB (" + (2200L * 1024 * 1024 - bigMeta.length() - 1)
					+ " bytes): skipped");

		Response extract = this.http.get("/api/sessions/extract?lookback_minutes=60");
		assertThat(extract.status()).isEqualTo(200);
		assertThat(extract.header("Sessions-Skipped-Lines")).isEqualTo("1");
		assertThat(extract.body()).startsWith("RECENT_CONVERSATIONS_FOUND=2\n")
			.contains("[USER]\nFix the flaky upload test\n[/USER]\n", "FILE=" + big + "\nMESSAGES=NONE\n");
		assertThat(this.http.get("/api/sessions/signals?lookback_minutes=60").status()).isEqualTo(200);
	}

	/**
	 * The session index: a file is read again only when its size, modification time or
	 * identity changed.
	 */
	@Test
	void listingsComeFromTheIndexUntilAFileChanges() throws IOException {
		String id = "0199b000-0000-7000-8000-0000000000f1";
		Path file = SESSIONS.resolve("2026/11/23/rollout-2026-11-23T11-00-00-" + id + ".jsonl");
		Instant at = NOW.minus(Duration.ofMinutes(50));
		write(file, meta(at, id, null), user(at.plusSeconds(1), "First request"));
		FileTime written = FileTime.from(at.plusSeconds(1));
		Files.setLastModifiedTime(file, written);
		assertThat(summaryOf(this.http.get("/api/sessions").json(), id).get("user_messages").asInt()).isEqualTo(1);

		String same = Files.readString(file).replace("First request", "Other request");
		Files.writeString(file, same);
		Files.setLastModifiedTime(file, written);
		assertThat(summaryOf(this.http.get("/api/sessions").json(), id).get("user_messages").asInt())
			.as("same size and time: not read again")
			.isEqualTo(1);

		Files.writeString(file, user(at.plusSeconds(2), "Second request") + "\n",
				java.nio.file.StandardOpenOption.APPEND);
		assertThat(summaryOf(this.http.get("/api/sessions").json(), id).get("user_messages").asInt()).isEqualTo(2);

		Files.delete(file);
		assertThat(this.http.get("/api/sessions").json().findValuesAsString("id")).doesNotContain(id);
		assertThat(this.http.get("/api/sessions/" + id).status()).isEqualTo(404);
	}

	/** The configured sessions directory may itself be a link (~/.codex elsewhere). */
	@Test
	void aLinkedSessionsDirectoryIsRead() throws IOException {
		Path real = HOME.resolve("real-sessions");
		String id = "0199b000-0000-7000-8000-0000000000e9";
		write(real.resolve("2026/11/23/rollout-2026-11-23T11-00-00-" + id + ".jsonl"),
				meta(NOW.minus(Duration.ofHours(1)), id, null));
		SessionsApiTests.deleteTree(SESSIONS);
		Files.delete(SESSIONS);
		Files.createSymbolicLink(SESSIONS, real);

		assertThat(this.http.get("/api/sessions").json().findValuesAsString("id")).containsExactly(id);
	}

	/**
	 * An extract streams for as long as its files take: the servlet container's 30 s
	 * async default answered 503 (or cut the body short) while the work went on.
	 */
	@Test
	void streamedAnswersHaveNoAsyncTimeout(
			@org.springframework.beans.factory.annotation.Autowired org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter adapter) {
		assertThat(org.springframework.test.util.ReflectionTestUtils.getField(adapter, "asyncRequestTimeout"))
			.isEqualTo(-1L);
	}

	private static JsonNode summaryOf(JsonNode list, String id) {
		for (JsonNode summary : list) {
			if (summary.get("id").asString().equals(id)) {
				return summary;
			}
		}
		throw new AssertionError("no session " + id + " in " + list);
	}

	static String meta(Instant at, String id, String forkedFrom) {
		return "{\"timestamp\":\"" + at + "\",\"type\":\"session_meta\",\"payload\":{\"id\":\"" + id
				+ "\",\"timestamp\":\"" + at + "\",\"cwd\":\"/home/dev/app\",\"originator\":\"codex_cli_rs\""
				+ ((forkedFrom != null) ? ",\"forked_from_id\":\"" + forkedFrom + "\"" : "") + "}}";
	}

	static String user(Instant at, String text) {
		return event(at, "user_message", text);
	}

	static String agent(Instant at, String text) {
		return event(at, "agent_message", text);
	}

	private static String event(Instant at, String type, String text) {
		return "{\"timestamp\":\"" + at + "\",\"type\":\"event_msg\",\"payload\":{\"type\":\"" + type
				+ "\",\"message\":\"" + text.replace("\"", "\\\"") + "\"}}";
	}

	private static void write(Path file, String... lines) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, String.join("\n", lines) + "\n");
	}

	private static void writeZstd(Path file, String... lines) throws IOException {
		try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(file))) {
			out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
		}
	}

}

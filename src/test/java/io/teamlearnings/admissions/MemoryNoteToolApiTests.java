package io.teamlearnings.admissions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.teamlearnings.support.FixedClock;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service and the {@code memory-note} tool share one notes directory and one lock.
 * The tool's notes here are made by the test itself from the tool's rules (section 2 of
 * the reference: file name, one line of JSON, fingerprint over the input bytes), not by
 * the service; the service must see them, make the same note from the same input, wait
 * for the tool's lock, and still read its own earlier fenced notes.
 */
class MemoryNoteToolApiTests extends SharedServiceContext {

	private static final String REPO = "tool-notes";

	private static final Path NOTES = memories().resolve("extensions/learnings/notes");

	/** The tool's lock: {@code $CODEX_HOME/.memory-note/locks/learnings.lock}. */
	private static final Path LOCK = memories().getParent().resolve(".memory-note/locks/learnings.lock");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")
		.withZone(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@AfterEach
	void noLockLeft() throws IOException {
		Files.deleteIfExists(LOCK);
	}

	@Test
	void theDuplicateCheckSeesANoteTheToolWrote() throws IOException {
		String id = append("When a release tag is pushed, run the changelog check before publishing because "
				+ "two releases shipped without notes.");
		String input = skillInput(id, "[\"CHANGELOG.md\"]");
		Path toolNote = writeAsTheTool(input, Instant.parse("2026-11-20T08:15:00Z"));
		String toolId = idOf(input, Instant.parse("2026-11-20T08:15:00Z"));
		byte[] before = Files.readAllBytes(toolNote);
		long files = noteCount();

		Response request = this.http.postJson("/api/repos/" + REPO + "/admissions", legacyRequest(id), "text/plain");
		Response sameInput = this.http.postJson("/api/repos/" + REPO + "/admissions", input, "text/plain");

		assertThat(request.status()).isEqualTo(200);
		assertThat(request.body()).contains("memory-note: duplicate-skip: extension=learnings fingerprint="
				+ fingerprint(input) + " existing_id=" + toolId);
		assertThat(sameInput.status()).isEqualTo(200);
		assertThat(sameInput.body()).contains("fingerprint=" + fingerprint(input) + " existing_id=" + toolId);
		assertThat(noteCount()).isEqualTo(files);
		assertThat(Files.readAllBytes(toolNote)).isEqualTo(before);

		JsonNode listed = this.http.get("/api/repos/" + REPO + "/admissions?learning_id=" + id).json();
		assertThat(listed.findValuesAsString("id")).containsExactly(toolId);
		assertThat(listed.get(0).get("format").asString()).isEqualTo("json-line");
		assertThat(listed.get(0).get("path").asString()).isEqualTo(toolNote.toString());
		assertThat(listed.get(0).get("repo").asString()).isEqualTo(REPO);
		assertThat(this.http.get("/api/repos/" + REPO + "/admissions/" + toolId).json().get("envelope"))
			.isEqualTo(MAPPER.readTree(before));
		assertThat(this.http.get("/api/repos/fixture-dotfiles/admissions?learning_id=" + id).json()).isEmpty();
	}

	@Test
	void theSkillsInputWithAScopeObjectCreatesTheNoteTheToolWouldWrite() throws IOException {
		String id = append("When the lockfile changes, run the full install before testing because cached "
				+ "modules hid a broken upgrade.");
		String compact = skillInput(id, "[]");
		String piped = compact.replace(",\"", ",\n  \"").replace("{\"operation\"", "{\n  \"operation\"") + "\n";
		long files = noteCount();

		Response created = this.http.postJson("/api/repos/" + REPO + "/admissions", piped, "text/plain");

		String fingerprint = fingerprint(piped);
		String noteId = "MSN-" + ID_TIME.format(FixedClock.NOW) + "-" + fingerprint.substring(0, 16);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.body())
			.isEqualTo("canonical: id=" + id + " status=codify_now path=" + root(REPO).resolve(".learnings.jsonl")
					+ "\nmemory-note: id=" + noteId + " extension=learnings kind=learning-admission status=created\n");
		Path file = NOTES.resolve(fileName(compact, FixedClock.NOW, fingerprint));
		assertThat(Files.readString(file)).isEqualTo(line(compact, FixedClock.NOW, fingerprint));
		assertThat(noteCount()).isEqualTo(files + 1);
	}

	@Test
	void theServicesOwnRequestTakesAScopeObjectToo() throws IOException {
		String id = append("When a migration renames a column, keep the old column for one release because "
				+ "rolling deploys read both.");
		ObjectNode request = (ObjectNode) MAPPER.readTree(legacyRequest(id));
		request.putObject("scope").put("kind", "workflow").putNull("repo").putArray("paths");

		JsonNode created = this.http.postJson("/api/repos/" + REPO + "/admissions", request.toString()).json();

		assertThat(created.get("outcome").asString()).as(created.toString()).isEqualTo("created");
		JsonNode onDisk = MAPPER.readTree(Files.readString(Path.of(created.get("path").asString())));
		assertThat(onDisk.get("scope").toString()).isEqualTo("{\"kind\":\"workflow\",\"repo\":null,\"paths\":[]}");
		assertThat(onDisk).isEqualTo(created.get("note"));

		request.putObject("scope").put("kind", "everywhere");
		Response refused = this.http.postJson("/api/repos/" + REPO + "/admissions", request.toString());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("scope.kind");
	}

	@Test
	void refusesWhatTheToolRefusesNamingTheFieldWithNothingWritten() throws IOException {
		String id = append(
				"When the docs build warns, treat the warning as a failure because warnings hid broken links twice.");
		String input = skillInput(id, "[]");
		long files = noteCount();

		Response noSources = this.http.postJson("/api/repos/" + REPO + "/admissions",
				input.replaceFirst("\"source_refs\":\\[\\{[^]]*}]", "\"source_refs\":[]"));
		Response secret = this.http.postJson("/api/repos/" + REPO + "/admissions",
				input.replace("\"tags\":", "\"extra\":{\"Client_Secret\":\"s3cr3t\"},\"tags\":"));
		Response noLearning = this.http.postJson("/api/repos/" + REPO + "/admissions",
				input.replace("\"learning_id\":\"" + id + "\",", ""));

		assertThat(noSources.status()).isEqualTo(400);
		assertThat(noSources.contentType()).startsWith("application/problem+json");
		assertThat(noSources.json().get("detail").asString()).isEqualTo("Field 'source_refs' must be a non-empty list");
		assertThat(noSources.json().get("errors").get(0).get("field").asString()).isEqualTo("source_refs");
		assertThat(secret.json().get("errors").get(0).get("field").asString()).isEqualTo("payload.extra.Client_Secret");
		assertThat(secret.body()).doesNotContain("s3cr3t");
		assertThat(noLearning.json().get("detail").asString())
			.isEqualTo("Field 'payload.learning_id' is required (a string)");
		assertThat(noteCount()).isEqualTo(files);
	}

	@Test
	void aLockHeldByTheToolMakesTheServiceWaitThenAnswer503WithNothingWritten() throws Exception {
		String id = append("When the cache key changes, set a new cache version because stale caches broke two "
				+ "nightly builds.");
		Files.createDirectories(LOCK.getParent());
		Files.createFile(LOCK);
		long files = noteCount();
		long start = System.nanoTime();

		Response busy = this.http.postJson("/api/repos/" + REPO + "/admissions", legacyRequest(id));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(busy.status()).isEqualTo(503);
		assertThat(busy.contentType()).startsWith("application/problem+json");
		assertThat(busy.json().get("title").asString()).isEqualTo("Memory notes are locked");
		assertThat(busy.json().get("lock").asString()).isEqualTo(LOCK.toString());
		assertThat(busy.json().get("detail").asString()).contains(LOCK.toString(), "nothing was written");
		assertThat(noteCount()).isEqualTo(files);
		assertThat(LOCK).exists();

		CompletableFuture<Boolean> toolDone = CompletableFuture.supplyAsync(() -> {
			try {
				TimeUnit.MILLISECONDS.sleep(300);
				return Files.deleteIfExists(LOCK);
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		start = System.nanoTime();
		Response waited = this.http.postJson("/api/repos/" + REPO + "/admissions", legacyRequest(id));

		assertThat(toolDone.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(waited.status()).isEqualTo(201);
		assertThat(noteCount()).isEqualTo(files + 1);
		assertThat(LOCK).doesNotExist();
	}

	@Test
	void keepsTheRowAndSaysSoWhenTheLockCannotBeCreated() throws IOException {
		String id = append("When a deploy script changes, dry-run it on staging because a typo wiped a bucket.");
		Path locks = LOCK.getParent();
		Files.deleteIfExists(locks);
		Files.createDirectories(locks.getParent());
		Files.writeString(locks, "a file where the locks directory should be");
		JsonNode answer;
		try {
			answer = this.http.postJson("/api/repos/" + REPO + "/admissions", legacyRequest(id)).json();
		}
		finally {
			Files.delete(locks);
		}

		assertThat(answer.get("outcome").asString()).isEqualTo("not-attempted");
		assertThat(answer.get("proof").get(1).asString())
			.startsWith("memory-note: not-attempted: the memory-note lock " + LOCK + " cannot be created");
		assertThat(this.http.get("/api/repos/" + REPO + "/learnings/" + id).status()).isEqualTo(200);
	}

	@Test
	void theServicesEarlierFencedNotesStayListedAndCountAsAdmitted() throws IOException {
		String id = append("When a flaky test fails twice, move it to quarantine with an issue link because reruns "
				+ "hid a real race.");
		String oldId = "MSN-20260528T170724Z-" + fingerprint(id).substring(0, 16);
		String envelope = "{\"schema\":\"memory-source-note/v1\",\"id\":\"" + oldId + "\",\"captured_at\":"
				+ "\"2026-05-28T17:07:24Z\",\"extension\":\"learnings\",\"kind\":\"learning-admission\",\"operation\":"
				+ "\"assert\",\"authority\":\"learnings-cli\",\"summary\":\"Admit " + id + " for Phase 2 consideration."
				+ "\",\"scope\":{\"kind\":\"repo\",\"repo\":\"" + REPO + "\",\"paths\":[\"test\"]},\"source_refs\":[],"
				+ "\"related_ids\":[],\"supersedes_id\":null,\"fingerprint\":\"" + fingerprint(oldId)
				+ "\",\"payload\":" + "{\"learning_id\":\"" + id + "\",\"source_path\":\""
				+ root(REPO).resolve(".learnings.jsonl") + "\"}}";
		String markdown = "# learning-admission: Admit " + id + " for Phase 2 consideration.\n\nMemory-source note `"
				+ oldId
				+ "`, captured 2026-05-28T17:07:24Z. Immutable: a later event gets a note of its own.\n\n```json\n"
				+ envelope + "\n```\n\n## Payload\n\n- **learning_id**: " + id + "\n";
		Files.createDirectories(NOTES);
		Path old = NOTES.resolve(oldId + ".md");
		Files.writeString(old, markdown);

		JsonNode listed = this.http.get("/api/repos/" + REPO + "/admissions?learning_id=" + id).json();
		Response asMarkdown = this.http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI
				.create("http://127.0.0.1:" + this.port + "/api/repos/" + REPO + "/admissions/" + oldId))
			.header("Accept", "text/markdown")
			.build());
		JsonNode again = this.http.postJson("/api/repos/" + REPO + "/admissions", legacyRequest(id)).json();

		assertThat(listed.findValuesAsString("id")).containsExactly(oldId);
		assertThat(listed.get(0).get("format").asString()).isEqualTo("fenced-markdown");
		assertThat(asMarkdown.body()).isEqualTo(markdown);
		assertThat(again.get("outcome").asString()).isEqualTo("duplicate-skip");
		assertThat(again.get("note_id").asString()).isEqualTo(oldId);
		assertThat(Files.readString(old)).isEqualTo(markdown);
	}

	/**
	 * The skill's admission input for row {@code id}, compact, as the reference's vector
	 * is.
	 */
	private String skillInput(String id, String paths) {
		return "{\"operation\":\"assert\",\"authority\":\"learnings-cli\",\"summary\":\"Admit " + id
				+ " for Phase 2 consideration.\",\"scope\":{\"kind\":\"repo\",\"repo\":\"acme/tool-notes\",\"paths\":"
				+ paths + "},\"source_refs\":[{\"kind\":\"learning\",\"ref\":\".learnings.jsonl#" + id
				+ "\",\"summary\":\"Canonical learning row\"}],\"related_ids\":[],\"supersedes_id\":null,\"payload\":"
				+ "{\"learning_id\":\"" + id + "\",\"learning_status\":\"codify_now\",\"repo\":\"acme/tool-notes\","
				+ "\"source_path\":\".learnings.jsonl\",\"decision_delta\":\"Future Codex should check first.\","
				+ "\"evidence_snapshot\":[\"ci run 4411 failed\"],\"future_behavior\":\"Check first.\","
				+ "\"verification\":\"The check passes.\",\"tags\":[\"memory-admission\"]}}";
	}

	private static String legacyRequest(String id) {
		return "{\"learning_id\": \"" + id + "\", \"scope\": [\"src\"], \"decision_delta\": \"Decide Y first.\","
				+ " \"future_behavior\": \"Do Y first.\", \"verification\": \"y passes\"}";
	}

	/**
	 * Writes the note the tool writes for {@code input} at {@code at}, as the tool would.
	 */
	private static Path writeAsTheTool(String compactInput, Instant at) throws IOException {
		String fingerprint = fingerprint(compactInput);
		Files.createDirectories(NOTES);
		return Files.writeString(NOTES.resolve(fileName(compactInput, at, fingerprint)),
				line(compactInput, at, fingerprint));
	}

	private static String idOf(String input, Instant at) {
		return "MSN-" + ID_TIME.format(at) + "-" + fingerprint(input).substring(0, 16);
	}

	/**
	 * The tool's file name; the slug rule is simple for an ASCII summary under 80
	 * characters.
	 */
	private static String fileName(String compactInput, Instant at, String fingerprint) throws IOException {
		String summary = MAPPER.readTree(compactInput).get("summary").asString();
		String slug = summary.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return FILE_TIME.format(at) + "-learning-admission-" + slug + "-" + fingerprint.substring(0, 16) + ".md";
	}

	/**
	 * The tool's note: its stamps, then the input's fields in order (a compact input
	 * already has them as the tool writes them), the fingerprint before the payload.
	 */
	private static String line(String compactInput, Instant at, String fingerprint) {
		int payload = compactInput.indexOf(",\"payload\":");
		return "{\"schema\":\"memory-source-note/v1\",\"id\":\"MSN-" + ID_TIME.format(at) + "-"
				+ fingerprint.substring(0, 16) + "\",\"captured_at\":\"" + at.toString() + "\",\"extension\":"
				+ "\"learnings\",\"kind\":\"learning-admission\"," + compactInput.substring(1, payload)
				+ ",\"fingerprint\":\"" + fingerprint + "\"" + compactInput.substring(payload) + "\n";
	}

	/**
	 * SHA-256 of {@code learnings\nlearning-admission\n<input>}, as the tool computes it.
	 */
	private static String fingerprint(String input) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of()
				.formatHex(sha.digest(("learnings\nlearning-admission\n" + input).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String append(String learning) {
		ObjectNode request = MAPPER.createObjectNode()
			.put("learning", learning)
			.put("application", "Check first.")
			.put("status", "codify_now");
		request.putArray("evidence").add("ci run 4411 failed");
		Response response = this.http.postJson("/api/repos/" + REPO + "/learnings?force=true", request.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static long noteCount() throws IOException {
		if (!Files.isDirectory(NOTES)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(NOTES)) {
			return files.count();
		}
	}

}

package io.teamlearnings.admissions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory admission gate and its notes over real HTTP, with the notes checked on disk.
 * Notes of every repository go to the shared service's one notes directory; a test counts
 * its files before and after what it does.
 */
class AdmissionsApiTests extends SharedServiceContext {

	private static final Path ROOT = root("admissions-app");

	private static final Path MEMORIES = memories();

	private static final Path NOTES = MEMORIES.resolve("extensions/learnings/notes");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void admitsACodifyNowLearningThenFollowsItsSupersessionAndWithdrawalWithNotesOnDisk() throws IOException {
		String id = append(
				"When the parser changes, run the fuzz target before merging because two crashes "
						+ "escaped unit tests.",
				"codify_now", List.of("fuzz ./parser -runs=1e6 -> crash in LineReader"));

		Response admitted = this.http.postJson("/api/repos/admissions-app/admissions", admission(id).toString());

		assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);
		JsonNode body = admitted.json();
		String noteId = body.get("note_id").asString();
		assertThat(noteId).matches("^MSN-\\d{8}T\\d{6}Z-[a-f0-9]{16}$");
		assertThat(body.get("proof").get(0).asString()).startsWith("canonical: id=" + id + " status=codify_now");
		assertThat(body.get("proof").get(1).asString())
			.isEqualTo("memory-note: id=" + noteId + " extension=learnings kind=learning-admission status=created");
		assertThat(body.get("gate").get("checks").findValuesAsString("name")).contains("canonical_row",
				"evidence_snapshot", "scope_and_future_behavior", "decision_delta", "admission_reason");

		Path file = noteFile(noteId);
		assertThat(body.get("path").asString()).isEqualTo(file.toString());
		assertThat(file.getFileName().toString()).isEqualTo("2026-11-23T12-00-00-learning-admission-admit-"
				+ id.toLowerCase(java.util.Locale.ROOT) + "-for-phase-2-consideration-" + noteId.substring(21) + ".md");
		String line = Files.readString(file);
		assertThat(line).endsWith("}\n").doesNotContain("```").hasLineCount(1);
		JsonNode envelope = envelopeOnDisk(noteId);
		assertThat(fieldNames(envelope)).containsExactly("schema", "id", "captured_at", "extension", "kind",
				"operation", "authority", "summary", "scope", "source_refs", "related_ids", "supersedes_id",
				"fingerprint", "payload");
		assertThat(envelope).isEqualTo(body.get("note"));
		assertThat(envelope.get("schema").asString()).isEqualTo("memory-source-note/v1");
		assertThat(envelope.get("extension").asString()).isEqualTo("learnings");
		assertThat(envelope.get("kind").asString()).isEqualTo("learning-admission");
		assertThat(envelope.get("operation").asString()).isEqualTo("assert");
		assertThat(envelope.get("summary").asString()).isEqualTo("Admit " + id + " for Phase 2 consideration.");
		assertThat(envelope.get("scope").get("paths").get(0).asString()).isEqualTo("src/parser");
		assertThat(envelope.get("source_refs").get(0).get("ref").asString()).isEqualTo(".learnings.jsonl#" + id);
		assertThat(envelope.get("supersedes_id").isNull()).isTrue();
		assertThat(envelope.get("fingerprint").asString()).hasSize(64).startsWith(noteId.substring(21));
		JsonNode payload = envelope.get("payload");
		assertThat(fieldNames(payload)).containsExactly("learning_id", "learning_status", "repo", "source_path",
				"decision_delta", "evidence_snapshot", "future_behavior", "verification", "tags");
		assertThat(payload.get("evidence_snapshot").get(0).asString()).contains("crash in LineReader");
		assertThat(payload.get("source_path").asString()).isEqualTo(ROOT.resolve(".learnings.jsonl").toString());

		Response superseded = this.http.postJson("/api/repos/admissions-app/learnings/" + id + "/supersede",
				HttpClientSupport.learningJson("When the parser or lexer changes, run both fuzz targets before "
						+ "merging because crashes escaped unit tests twice.", "codify_now"));
		assertThat(superseded.status()).isEqualTo(201);
		String newId = superseded.json().get("id").asString();
		String supersessionProof = superseded.json().get("memory_notes").get(0).asString();
		assertThat(supersessionProof)
			.matches("memory-note: id=MSN-\\S+ extension=learnings kind=learning-supersession status=created");
		String supersessionId = supersessionProof.substring("memory-note: id=".length(),
				supersessionProof.indexOf(' ', "memory-note: id=".length()));
		JsonNode supersession = envelopeOnDisk(supersessionId);
		assertThat(noteFile(supersessionId).getFileName().toString())
			.startsWith("2026-11-23T12-00-00-learning-supersession-supersede-");
		assertThat(supersession.get("kind").asString()).isEqualTo("learning-supersession");
		assertThat(supersession.get("supersedes_id").asString()).isEqualTo(noteId);
		assertThat(supersession.get("related_ids").toString()).isEqualTo("[\"" + id + "\",\"" + newId + "\"]");
		assertThat(supersession.get("payload").get("learning_id").asString()).isEqualTo(newId);
		assertThat(supersession.get("payload").get("previous_note_id").asString()).isEqualTo(noteId);

		Response withdrawn = this.http.postJson("/api/repos/admissions-app/learnings/" + newId + "/withdraw",
				"{\"reason\": \"The parser was replaced by a generated one.\"}");
		String withdrawalProof = withdrawn.json().get("memory_notes").get(0).asString();
		assertThat(withdrawalProof).contains("kind=learning-withdrawal status=created");
		JsonNode withdrawal = envelopeOnDisk(withdrawalProof.substring("memory-note: id=".length(),
				withdrawalProof.indexOf(' ', "memory-note: id=".length())));
		assertThat(withdrawal.get("supersedes_id").asString()).isEqualTo(supersessionId);
		assertThat(withdrawal.get("operation").asString()).isEqualTo("retract");
		assertThat(withdrawal.get("payload").get("reason").asString()).contains("generated");

		assertThat(envelopeOnDisk(noteId)).isEqualTo(envelope);
		JsonNode listed = this.http.get("/api/repos/admissions-app/admissions?learning_id=" + id).json();
		assertThat(listed.findValuesAsString("kind")).containsExactly("learning-admission");
	}

	@Test
	void refusesWithEveryFailedCheckNamedAndWritesNothing() throws IOException {
		String id = append("Prefer tabs in the Makefile because make requires them.", "do_more", List.of("make -> ok"));
		long before = noteCount();

		Response refused = this.http.postJson("/api/repos/admissions-app/admissions",
				"{\"learning_id\": \"" + id + "\"}", "text/plain");

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("memory-note: not-attempted: source admission gate not met",
				"  - scope_and_future_behavior: no scope paths given; no future_behavior given",
				"  - decision_delta: no decision_delta given", "  - admission_reason: status do_more");
		assertThat(noteCount()).isEqualTo(before);

		Response claimed = this.http.postJson("/api/repos/admissions-app/admissions",
				admission(id).set("reasons", MAPPER.createArrayNode().add("user_requested")).toString());
		assertThat(claimed.status()).isEqualTo(201);
		assertThat(check(claimed.json(), "admission_reason").get("reason").asString())
			.isEqualTo("claimed: user_requested");
	}

	@Test
	void refusesUnknownSupersededAndOversizedRows() {
		Response unknown = this.http.postJson("/api/repos/admissions-app/admissions",
				admission("lrn-20990101T000000Z-00000000").toString());
		assertThat(check(unknown.json(), "canonical_row").get("passed").asBoolean()).isFalse();

		String old = append("Retry the flaky upload twice before failing the build.", "codify_now",
				List.of("ci -> ok"));
		this.http.postJson("/api/repos/admissions-app/learnings/" + old + "/supersede?quality_mode=best_effort",
				HttpClientSupport.learningJson("Fix the flaky upload's timeout instead of retrying it.", "codify_now"));
		JsonNode superseded = this.http.postJson("/api/repos/admissions-app/admissions", admission(old).toString())
			.json();
		assertThat(superseded.get("outcome").asString()).isEqualTo("not-attempted");
		assertThat(check(superseded, "not_superseded_or_withdrawn").get("reason").asString()).contains("superseded by");

		String big = append("Keep the whole stack trace of release failures in the evidence.", "codify_now",
				List.of("x".repeat(400)));
		JsonNode oversized = this.http.postJson("/api/repos/admissions-app/admissions", admission(big).toString())
			.json();
		assertThat(check(oversized, "evidence_snapshot").get("reason").asString())
			.isEqualTo("400 characters of evidence, over the limit of 300 (learnings.admissions.max-evidence-chars)");
	}

	@Test
	void admitsAReviewLaterRowOnlyWithAClaimAndCountsThemesFromTheStore() {
		String weak = append("Maybe cache the docker layers on CI runners.", "review_later", List.of("guess"));
		JsonNode refused = this.http.postJson("/api/repos/admissions-app/admissions", admission(weak).toString())
			.json();
		assertThat(check(refused, "review_later_needs_claim").get("passed").asBoolean()).isFalse();

		String first = append("When the staging deploy hangs, check the database migration lock table first.",
				"do_more", List.of("deploy 1 -> lock held"));
		append("When a staging deploy hangs again, inspect the database migration lock table before rollback.",
				"do_more", List.of("deploy 2 -> lock held"));
		append("Staging deploy hangs come from the database migration lock table; check it before anything else.",
				"do_more", List.of("deploy 3 -> lock held"));
		JsonNode themed = this.http.postJson("/api/repos/admissions-app/admissions", admission(first).toString())
			.json();
		assertThat(check(themed, "admission_reason").get("reason").asString()).startsWith("theme seen 3 times");
		assertThat(themed.get("outcome").asString()).isEqualTo("created");
	}

	@Test
	void dryRunsWriteNothingAndReAdmissionIsADuplicateSkip() throws IOException {
		String id = append("Pin the JDK in CI because the image default moved to 25.", "codify_now",
				List.of("java -version -> 25"));
		long before = noteCount();

		JsonNode dry = this.http.postJson("/api/repos/admissions-app/admissions?dry_run=true", admission(id).toString())
			.json();
		assertThat(dry.get("outcome").asString()).isEqualTo("dry-run");
		assertThat(dry.get("gate").get("admitted").asBoolean()).isTrue();
		assertThat(dry.get("note").get("payload").get("learning_id").asString()).isEqualTo(id);
		assertThat(noteCount()).isEqualTo(before);

		String noteId = this.http.postJson("/api/repos/admissions-app/admissions", admission(id).toString())
			.json()
			.get("note_id")
			.asString();
		Response again = this.http.postJson("/api/repos/admissions-app/admissions", admission(id).toString(),
				"text/plain");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("memory-note: duplicate-skip: extension=learnings fingerprint=",
				"existing_id=" + noteId);
		assertThat(noteCount()).isEqualTo(before + 1);
	}

	@Test
	void servesNotesAsJsonOrMarkdownAndRebuildsTheirIndexFromTheDirectory() throws IOException {
		String id = append("Run the migration dry-run before every schema change.", "codify_now",
				List.of("flyway info -> pending 1"));
		String noteId = this.http.postJson("/api/repos/admissions-app/admissions", admission(id).toString())
			.json()
			.get("note_id")
			.asString();

		this.jdbc.update("DELETE FROM memory_note");

		JsonNode note = this.http.get("/api/repos/admissions-app/admissions/" + noteId).json();
		assertThat(note.get("learning_id").asString()).isEqualTo(id);
		assertThat(note.get("envelope").get("id").asString()).isEqualTo(noteId);
		Response markdown = this.http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI
				.create("http://127.0.0.1:" + this.port + "/api/repos/admissions-app/admissions/" + noteId))
			.header("Accept", "text/markdown")
			.build());
		assertThat(markdown.body()).startsWith("# learning-admission: Admit " + id + " for Phase 2 consideration.")
			.contains("```json\n" + Files.readString(noteFile(noteId)) + "```\n", "- **learning_id**: " + id);
		assertThat(note.get("format").asString()).isEqualTo("json-line");
		assertThat(this.http.get("/api/repos/admissions-app/admissions?kind=learning-admission")
			.json()
			.findValuesAsString("id")).contains(noteId);
		assertThat(this.http.get("/api/repos/admissions-app/admissions/..%2F..%2Fsecrets").status()).isEqualTo(400);
		assertThat(this.http.get("/api/repos/admissions-app/admissions/MSN-20990101T000000Z-0000000000000000").status())
			.isEqualTo(404);
	}

	private ObjectNode admission(String id) {
		ObjectNode request = MAPPER.createObjectNode()
			.put("learning_id", id)
			.put("decision_delta", "Future agents fuzz before merging parser changes.")
			.put("future_behavior", "Run the fuzz targets on any change under src/parser.")
			.put("verification", "fuzz exits 0 after 1e6 runs");
		request.putArray("scope").add("src/parser");
		return request;
	}

	/**
	 * Appends in best-effort quality mode: the admission gate is judged on rows the
	 * strict learnings quality gate would refuse.
	 */
	private String append(String learning, String status, List<String> evidence) {
		ObjectNode request = MAPPER.createObjectNode()
			.put("learning", learning)
			.put("application", "apply it")
			.put("status", status);
		evidence.forEach(request.putArray("evidence")::add);
		Response response = this.http
			.postJson("/api/repos/admissions-app/learnings?force=true&quality_mode=best_effort", request.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static JsonNode check(JsonNode result, String name) {
		for (JsonNode check : result.get("gate").get("checks")) {
			if (check.get("name").asString().equals(name)) {
				return check;
			}
		}
		throw new AssertionError("no check " + name + " in " + result);
	}

	/** The file holding the note, as one line of JSON. */
	private static Path noteFile(String noteId) throws IOException {
		try (Stream<Path> files = Files.list(NOTES)) {
			return files.filter((file) -> {
				try {
					JsonNode note = MAPPER.readTree(Files.readString(file));
					return note.isObject() && noteId.equals(note.path("id").asString());
				}
				catch (IOException | RuntimeException ex) {
					return false;
				}
			}).findFirst().orElseThrow(() -> new AssertionError("no file holds note " + noteId));
		}
	}

	private static JsonNode envelopeOnDisk(String noteId) throws IOException {
		return MAPPER.readTree(Files.readString(noteFile(noteId)));
	}

	private static long noteCount() throws IOException {
		if (!Files.isDirectory(NOTES)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(NOTES)) {
			return files.count();
		}
	}

	private static List<String> fieldNames(JsonNode node) {
		return node.propertyNames().stream().toList();
	}

}

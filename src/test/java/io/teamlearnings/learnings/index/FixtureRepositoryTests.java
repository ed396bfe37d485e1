package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.SharedServiceContext;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real file written by the original command-line tool, served over HTTP: every row
 * readable as written, the torn row reported, the file never rewritten, and rows appended
 * next to the tool's shaped like them.
 */
class FixtureRepositoryTests extends SharedServiceContext {

	/** This class's repositories, in the order the service lists them. */
	private static final List<String> REPOS = List.of("fixture-dotfiles", "fixture-shared", "fixture-external",
			"fixture-torn");

	private static final Path DOTFILES = root("fixture-dotfiles");

	private static final Path SHARED = root("fixture-shared");

	private static final Path EXTERNAL = root("fixture-external");

	private static final Path TORN = root("fixture-torn");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void servesEveryRowOfTheToolsFileExactlyAsWritten() throws IOException {
		Map<String, JsonNode> written = fixtureRowsById();
		Map<String, JsonNode> served = new HashMap<>();
		for (int page = 0; page < 3; page++) {
			JsonNode body = this.http
				.get("/api/repos/fixture-dotfiles/learnings?include_superseded=true&size=200&page=" + page)
				.json();
			body.get("items").forEach((item) -> served.put(item.get("row").get("id").asString(), item.get("row")));
		}
		assertThat(written).hasSize(410);
		assertThat(served).isEqualTo(written);
	}

	@Test
	void reportsTheTornRowAsTwoMalformedLinesAndLeavesTheFileAlone() throws IOException {
		byte[] before = Files.readAllBytes(DOTFILES.resolve(".learnings.jsonl"));

		JsonNode health = this.http.get("/api/repos/fixture-dotfiles/health").json();

		assertThat(health.get("rows_in_file").asLong()).isEqualTo(410);
		assertThat(health.get("rows_in_index").asLong()).isEqualTo(410);
		assertThat(health.get("in_sync").asBoolean()).isTrue();
		assertThat(health.get("file_digest")).isEqualTo(health.get("index_digest"));
		assertThat(health.get("healthy").asBoolean()).isFalse();
		assertThat(health.get("malformed").findValuesAsString("line")).containsExactly("214", "215");
		assertThat(health.get("malformed").get(0).get("reason").asString()).startsWith("invalid JSON at column 791");
		assertThat(Files.readAllBytes(DOTFILES.resolve(".learnings.jsonl"))).isEqualTo(before);
		assertThat(before).isEqualTo(fixtureBytes());
	}

	@Test
	void listsRepositoriesWithCountsAndIndexState() {
		List<JsonNode> repos = this.http.get("/api/repos")
			.json()
			.valueStream()
			.filter((repo) -> REPOS.contains(repo.get("name").asString()))
			.toList();
		assertThat(repos).extracting((repo) -> repo.get("name").asString())
			.containsExactly("fixture-dotfiles", "fixture-shared", "fixture-external", "fixture-torn");
		JsonNode dotfiles = repos.get(0);
		assertThat(dotfiles.get("rows").asLong()).isEqualTo(410);
		assertThat(dotfiles.get("malformed_lines").asLong()).isEqualTo(2);
		assertThat(dotfiles.get("index_state").asString()).isEqualTo("current");
	}

	@Test
	void appendsNextToTheToolsRowsInTheSameShape() throws IOException {
		Path file = SHARED.resolve(".learnings.jsonl");
		Response response = this.http.postJson("/api/repos/fixture-shared/learnings", """
				{"learning": "When  recall misses a rule,  prefer widening the query because tags lag behind text.",
				 "evidence": "recall --query launchd -> 0 hits; grep launchd .learnings.jsonl -> 3 rows",
				 "application": "Widen the query before concluding nothing is known.",
				 "status": "Do More", "tags": ["Recall", "recall", "Search Quality"],
				 "context": {"paths": ["codex/skills/learnings/SKILL.md"]}}""");

		assertThat(response.status()).isEqualTo(201);
		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(413);
		byte[] fixture = fixtureBytes();
		assertThat(Files.readAllBytes(file)).startsWith(fixture);

		JsonNode appended = MAPPER.readTree(lines.get(412));
		JsonNode toolRow = MAPPER.readTree(lines.get(2));
		assertThat(fieldNames(appended)).isEqualTo(fieldNames(toolRow));
		for (String field : fieldNames(toolRow)) {
			assertThat(appended.get(field).getNodeType()).as(field).isEqualTo(toolRow.get(field).getNodeType());
		}
		assertThat(fieldNames(appended.get("context"))).containsExactly("repo", "branch", "paths");
		assertThat(appended.get("learning").asString())
			.isEqualTo("When recall misses a rule, prefer widening the query because tags lag behind text.");
		assertThat(appended.get("status").asString()).isEqualTo("do_more");
		assertThat(appended.get("tags").toString()).isEqualTo("[\"recall\",\"search_quality\"]");
		assertThat(appended.get("fingerprint").asString())
			.isEqualTo(CanonicalFormat.fingerprint("do_more", appended.get("learning").asString().toLowerCase()));
		assertThat(appended.get("id").asString())
			.matches("lrn-\\d{8}T\\d{6}Z-" + appended.get("fingerprint").asString().substring(0, 8));
		assertThat(appended.get("captured_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(response.json().get("proof").asString()).isEqualTo(
				"appended: id=" + appended.get("id").asString() + " status=do_more path=" + file.toAbsolutePath());
	}

	/**
	 * The tool's row predates its quality gate, which would refuse it today (no action
	 * word), as it refuses a new row before looking for duplicates: the same rule is sent
	 * in best-effort mode, since the duplicate check is what this test is about.
	 */
	@Test
	void skipsARuleTheToolAlreadyWroteByFingerprint() throws IOException {
		JsonNode toolRow = fixtureRowsById().get("lrn-20260214T193029Z-376998e1");
		String request = MAPPER.writeValueAsString(MAPPER.createObjectNode()
			.put("learning", toolRow.get("learning").asString().toUpperCase())
			.put("evidence", "again")
			.put("application", "again")
			.put("status", "codify_now"));
		long sizeBefore = Files.size(SHARED.resolve(".learnings.jsonl"));

		Response response = this.http.postJson("/api/repos/fixture-shared/learnings?quality_mode=best_effort", request,
				"text/plain");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("duplicate-skip: fingerprint=376998e168b697ab existing_id="
				+ "lrn-20260214T193029Z-376998e1 path=" + SHARED.resolve(".learnings.jsonl") + "\n");
		assertThat(Files.size(SHARED.resolve(".learnings.jsonl"))).isEqualTo(sizeBefore);
	}

	@Test
	void servesRowsAnotherProcessAppendedWithoutRestartKeepingTheirShapes() throws IOException {
		Path file = EXTERNAL.resolve(".learnings.jsonl");
		assertThat(this.http.get("/api/repos/fixture-external/learnings").json().get("total_items").asLong()).isZero();
		String foreign = "{\"id\":\"lrn-20260101T000000Z-0badc0de\",\"captured_at\":\"2026-01-01T00:00:00Z\","
				+ "\"status\":\"Review Later\",\"learning\":\"Rows from other writers keep their shapes.\","
				+ "\"evidence\":\"a single string\",\"application\":\"Serve them back.\",\"tags\":\"one-tag\","
				+ "\"context\":\"not an object\",\"confidence\":0.70,\"reviewer\":{\"name\":\"kim\",\"ok\":true}}";
		Files.writeString(file, foreign + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);

		Response row = this.http.get("/api/repos/fixture-external/learnings/lrn-20260101T000000Z-0badc0de");

		assertThat(row.status()).isEqualTo(200);
		assertThat(row.json().get("row")).isEqualTo(MAPPER.readTree(foreign));
		assertThat(row.body()).contains("\"confidence\":0.70");
		assertThat(row.json().get("line").asLong()).isEqualTo(1);
		assertThat(
				this.http.get("/api/repos/fixture-external/learnings?tag=one_tag").json().get("total_items").asLong())
			.isEqualTo(1);
	}

	@Test
	void reportsATornLastLineAndStartsTheNextAppendOnItsOwnLine() throws IOException {
		Path file = TORN.resolve(".learnings.jsonl");
		String torn = "{\"id\":\"lrn-20260101T000000Z-aaaaaaaa\",\"learning\":\"half writ";
		Files.writeString(file, torn);

		JsonNode health = this.http.get("/api/repos/fixture-torn/health").json();
		assertThat(health.get("torn_tail").get("line").asLong()).isEqualTo(1);
		assertThat(health.get("torn_tail").get("bytes").asLong()).isEqualTo(torn.length());
		assertThat(health.get("healthy").asBoolean()).isFalse();

		Response append = this.http.postJson("/api/repos/fixture-torn/learnings", HttpClientSupport
			.learningJson("When a torn write ends the file, keep the next row on its own line.", "do_more"));

		assertThat(append.status()).isEqualTo(201);
		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).isEqualTo(torn);
		assertThat(MAPPER.readTree(lines.get(1)).get("id").asString()).isEqualTo(append.json().get("id").asString());
		JsonNode after = this.http.get("/api/repos/fixture-torn/health").json();
		assertThat(after.has("torn_tail")).isFalse();
		assertThat(after.get("malformed").get(0).get("line").asLong()).isEqualTo(1);
		assertThat(after.get("rows_in_index").asLong()).isEqualTo(1);
	}

	@Test
	void skipsTheSameRuleInOtherWordsUnlessForced() throws IOException {
		String original = "When a launchd agent must run on schedule, prefer installing the LaunchAgent because "
				+ "database updates alone never execute the schedule.";
		String paraphrase = "When launchd agents must run on schedules, prefer installing LaunchAgents because "
				+ "database updates alone never execute schedules.";
		Response first = this.http.postJson("/api/repos/fixture-shared/learnings",
				HttpClientSupport.learningJson(original, "investigate_more"));
		long size = Files.size(SHARED.resolve(".learnings.jsonl"));

		Response near = this.http.postJson("/api/repos/fixture-shared/learnings",
				HttpClientSupport.learningJson(paraphrase, "investigate_more"));

		assertThat(first.status()).isEqualTo(201);
		assertThat(near.status()).isEqualTo(200);
		assertThat(near.json().get("proof").asString()).startsWith("duplicate-skip: near-duplicate similarity=")
			.contains("existing_id=" + first.json().get("id").asString());
		assertThat(near.json().get("similarity").asDouble()).isGreaterThanOrEqualTo(0.8);
		assertThat(Files.size(SHARED.resolve(".learnings.jsonl"))).isEqualTo(size);

		Response forced = this.http.postJson("/api/repos/fixture-shared/learnings?force=true",
				HttpClientSupport.learningJson(paraphrase, "investigate_more"));
		assertThat(forced.status()).isEqualTo(201);
		Response otherStatus = this.http.postJson("/api/repos/fixture-shared/learnings",
				HttpClientSupport.learningJson(paraphrase, "codify_now"));
		assertThat(otherStatus.status()).isEqualTo(201);
	}

	@Test
	void supersedesOnlyARowOfTheSameRepository() throws IOException {
		String request = HttpClientSupport
			.learningJson("When installing launchd agents, keep installers idempotent and path-agnostic, checked by a "
					+ "second run.", "codified");
		Response unknown = this.http.postJson("/api/repos/fixture-shared/learnings",
				request.replace("}", ",\"supersedes_id\":\"lrn-20990101T000000Z-00000000\"}"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("supersedes_id");

		Response superseding = this.http.postJson("/api/repos/fixture-shared/learnings",
				request.replace("}", ",\"supersedes_id\":\"lrn-20260214T193029Z-376998e1\"}"));

		assertThat(superseding.status()).isEqualTo(201);
		String id = superseding.json().get("id").asString();
		JsonNode old = this.http.get("/api/repos/fixture-shared/learnings/lrn-20260214T193029Z-376998e1").json();
		assertThat(old.get("superseded_by").get(0).asString()).isEqualTo(id);
		JsonNode current = this.http.get("/api/repos/fixture-shared/learnings?size=200&status=codify_now").json();
		assertThat(current.get("items").findValuesAsString("id")).doesNotContain("lrn-20260214T193029Z-376998e1");
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private static byte[] fixtureBytes() throws IOException {
		try (InputStream in = FixtureRepositoryTests.class.getResourceAsStream(TestStores.DOTFILES_FIXTURE)) {
			return in.readAllBytes();
		}
	}

	private static Map<String, JsonNode> fixtureRowsById() throws IOException {
		Map<String, JsonNode> rows = new HashMap<>();
		String[] lines = new String(fixtureBytes(), StandardCharsets.UTF_8).split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (i != 213 && i != 214) {
				JsonNode row = MAPPER.readTree(lines[i]);
				rows.put(row.get("id").asString(), row);
			}
		}
		return rows;
	}

}

package io.teamlearnings.learnings.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code learnings} tool's quality gate and row format over real HTTP: what a client
 * sees when the gate refuses a row (422, every line, nothing written), its warnings on a
 * successful append, best-effort mode per request, rows written byte for byte as the tool
 * writes them, and an import that reports the rows the gate would refuse without refusing
 * them. The shared service is strict (the default) and allows its temporary roots.
 */
class QualityGateApiTests extends SharedServiceContext {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String BASE = "/api/repos/quality-gate/learnings";

	private static final Path STORE = root("quality-gate").resolve(".learnings.jsonl");

	private static final String HINT = "quality-error: use --quality-mode best_effort only for intentional exceptions.";

	/** The example: the tool's strict gate refuses it. */
	private static final String USE_CACHES = """
			{"learning": "Use caches.", "evidence": "none_provided", "status": "do_more"}""";

	private static final List<String> USE_CACHES_ERRORS = List.of(
			"quality-error: learning is too short; include a durable decision rule.",
			"quality-error: learning must include explicit condition + action (for example: 'When X, prefer Y ...').",
			"quality-error: evidence contains placeholder text.",
			"quality-error: application must be concrete in strict mode.", HINT);

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void refusesAWeakRowWith422ListingEveryLineAndWritesNothing() throws Exception {
		long before = size(STORE);

		Response refused = this.http.postJson(BASE, USE_CACHES);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		JsonNode problem = refused.json();
		assertThat(problem.get("title").asString()).isEqualTo("Refused by the quality gate");
		assertThat(problem.get("detail").asString()).contains("learning, evidence, application",
				"quality_mode=best_effort");
		assertThat(strings(problem.get("errors"))).isEqualTo(USE_CACHES_ERRORS);
		assertThat(strings(problem.get("warnings"))).containsExactly(
				"quality-warning: learning lacks explicit consequence wording (because/to avoid/prevent/otherwise).");
		assertThat(size(STORE)).isEqualTo(before);
	}

	@Test
	void answersOnlyTheErrorLinesToAPlainTextClient() throws Exception {
		long before = size(STORE);

		Response refused = this.http.postJson(BASE, USE_CACHES, "text/plain");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("text/plain");
		assertThat(refused.body()).isEqualTo(String.join("\n", USE_CACHES_ERRORS) + "\n");
		assertThat(size(STORE)).isEqualTo(before);
	}

	@Test
	void requiresEvidenceAndAnApplicationInStrictMode() throws Exception {
		long before = size(STORE);

		Response refused = this.http.postJson(BASE,
				"{\"learning\": \"When CI fails, prefer rerunning with logs because they say why.\"}");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(strings(refused.json().get("errors"))).containsExactly(
				"quality-error: at least one --evidence value is required in strict mode.",
				"quality-error: application must be concrete in strict mode.", HINT);
		assertThat(size(STORE)).isEqualTo(before);
	}

	@Test
	void refusesAWeakSupersedingRowAndWritesNothing() throws Exception {
		String id = append(BASE, row("When the JDK image moves, pin its digest because tags move.", "do_more"))
			.get("id")
			.asString();
		long before = size(STORE);

		Response refused = this.http.postJson(BASE + "/" + id + "/supersede", USE_CACHES, "text/plain");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).isEqualTo(String.join("\n", USE_CACHES_ERRORS) + "\n");
		assertThat(size(STORE)).isEqualTo(before);
		assertThat(this.http.get(BASE + "/" + id).json().get("superseded_by")).isEmpty();
	}

	@Test
	void writesARowUnjudgedInBestEffortModeWithTheToolsPlaceholders() throws Exception {
		Response appended = this.http.postJson(BASE + "?quality_mode=best_effort",
				"{\"learning\": \"Use caches.\", \"evidence\": [\"  \"]}");

		assertThat(appended.status()).as(appended.body()).isEqualTo(201);
		assertThat(appended.json().has("warnings")).isFalse();
		JsonNode row = lastRow(STORE);
		assertThat(row.get("id").asString()).isEqualTo(appended.json().get("id").asString());
		assertThat(row.get("status").asString()).isEqualTo("review_later");
		assertThat(row.get("evidence").toString()).isEqualTo("[\"none_provided\"]");
		assertThat(row.get("application").asString()).isEqualTo("capture_follow_up_later");
	}

	@Test
	void refusesAnUnknownQualityModeNamingTheParameterAndWritesNothing() throws Exception {
		long before = size(STORE);

		Response refused = this.http.postJson(BASE + "?quality_mode=lenient",
				row("When CI fails, prefer rerunning with logs because they say why.", "do_more"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("quality_mode");
		assertThat(size(STORE)).isEqualTo(before);
	}

	@Test
	void returnsTheWarningsWithASuccessfulAppendAsTheToolPrintsThem() throws Exception {
		String request = row("When a migration locks a table, run it in a maintenance window.", "Review Later");

		Response json = this.http.postJson(BASE, request);
		Response text = this.http.postJson(BASE + "?force=true",
				request.replace("maintenance window", "quiet maintenance window"), "text/plain");

		assertThat(json.status()).as(json.body()).isEqualTo(201);
		List<String> warnings = List.of(
				"quality-warning: learning lacks explicit consequence wording (because/to avoid/prevent/otherwise).",
				"quality-warning: status=review_later used; ensure this uncertainty is itself decision-shaping.");
		assertThat(strings(json.json().get("warnings"))).isEqualTo(warnings);
		assertThat(text.status()).isEqualTo(201);
		List<String> lines = text.body().lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.subList(0, 2)).isEqualTo(warnings);
		assertThat(lines.get(2)).startsWith("appended: id=lrn-20261123T120000Z-")
			.endsWith(" status=review_later path=" + STORE);
	}

	@Test
	void writesNonAsciiAsUpperCaseEscapesWithTheToolsFingerprintAndId() throws Exception {
		JsonNode appended = append(BASE, row("When \u00c9 happens, prefer Y because Z.", "do_more"));

		assertThat(appended.get("id").asString()).isEqualTo("lrn-20261123T120000Z-2b73fc1f");
		String line = Files.readAllLines(STORE, StandardCharsets.UTF_8)
			.stream()
			.filter((text) -> text.contains("lrn-20261123T120000Z-2b73fc1f"))
			.findFirst()
			.orElseThrow();
		assertThat(line).contains("\"learning\":\"When \\u00C9 happens, prefer Y because Z.\"",
				"\"fingerprint\":\"2b73fc1f0865f8ac\"");
		assertThat(line.chars()).allMatch((c) -> c < 0x80);
	}

	@Test
	void normalisesTheStatusAsTheToolDoesAndKeepsAnyStatus() throws Exception {
		JsonNode appended = append(BASE,
				row("When a status is new, keep it as the tool writes it because both share a file.",
						"  Do More / ASAP  "));

		assertThat(appended.get("proof").asString()).contains(" status=do_more_asap ");
		assertThat(lastRow(STORE).get("status").asString()).isEqualTo("do_more_asap");
	}

	/**
	 * A row the tool wrote (its bytes, its fingerprint of the ASCII-lower-cased learning)
	 * is the duplicate of the same rule sent in other ASCII case: a Unicode lower-casing
	 * would have missed it.
	 */
	@Test
	void seesTheToolsRowWithNonAsciiTextAsADuplicate() throws Exception {
		Path store = root("quality-tool-rows").resolve(".learnings.jsonl");
		String toolRow = "{\"id\":\"lrn-20260620T183000Z-2b73fc1f\",\"captured_at\":\"2026-06-20T18:30:00Z\","
				+ "\"status\":\"do_more\",\"learning\":\"When \\u00C9 happens, prefer Y because Z.\","
				+ "\"evidence\":[\"./mvnw test -> passed\"],\"application\":\"Do Y first.\","
				+ "\"context\":{\"repo\":\"acme/service\",\"branch\":\"main\",\"paths\":[]},"
				+ "\"source\":\"skill:learnings\",\"fingerprint\":\"2b73fc1f0865f8ac\"}";
		TestStores.install(store, toolRow + "\n");

		Response duplicate = this.http.postJson("/api/repos/quality-tool-rows/learnings",
				row("WHEN \u00c9 HAPPENS, PREFER Y BECAUSE Z.", "do_more"), "text/plain");

		assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(200);
		assertThat(duplicate.body()).isEqualTo("duplicate-skip: fingerprint=2b73fc1f0865f8ac "
				+ "existing_id=lrn-20260620T183000Z-2b73fc1f path=" + store + "\n");
		assertThat(Files.readString(store)).isEqualTo(toolRow + "\n");
	}

	@Test
	void importsRowsTheGateWouldRefuseAndReportsThem() throws Exception {
		String oldToolRow = fixtureLine("lrn-20260214T193029Z-376998e1");
		String placeholderRow = "{\"id\":\"lrn-20260301T000000Z-aaaaaaaa\",\"captured_at\":\"2026-03-01T00:00:00Z\","
				+ "\"status\":\"review_later\",\"learning\":\"Use caches.\",\"evidence\":[\"none_provided\"],"
				+ "\"application\":\"capture_follow_up_later\",\"context\":{\"repo\":\"r\",\"branch\":\"main\","
				+ "\"paths\":[]},\"source\":\"skill:learnings\",\"fingerprint\":\"0123456789abcdef\"}";
		String goodRow = "{\"id\":\"lrn-20260302T000000Z-bbbbbbbb\",\"captured_at\":\"2026-03-02T00:00:00Z\","
				+ "\"status\":\"Do More / ASAP\",\"learning\":\"When CI fails, prefer rerunning with logs because "
				+ "they say why.\",\"evidence\":[\"run 22525295017 passed\"],\"application\":\"Rerun with logs.\"}";
		String body = oldToolRow + "\n" + placeholderRow + "\n" + goodRow + "\n";

		JsonNode report = this.http.post("/api/repos/quality-import/learnings/import", "application/x-ndjson", body)
			.json();

		assertThat(report.get("imported").asInt()).isEqualTo(3);
		assertThat(report.get("below_quality_gate").asInt()).isEqualTo(2);
		JsonNode lines = report.get("lines");
		assertThat(strings(lines.get(0).get("quality_errors"))).containsExactly(
				"quality-error: learning must include explicit condition + action (for example: 'When X, prefer Y ...').");
		assertThat(strings(lines.get(1).get("quality_errors"))).containsExactly(
				"quality-error: learning is too short; include a durable decision rule.",
				"quality-error: learning must include explicit condition + action (for example: 'When X, prefer Y ...').",
				"quality-error: evidence contains placeholder text.",
				"quality-error: application must be concrete in strict mode.");
		assertThat(lines.get(2).has("quality_errors")).isFalse();
		assertThat(Files.readString(root("quality-import").resolve(".learnings.jsonl"))).isEqualTo(body);
	}

	private JsonNode append(String path, String request) {
		Response response = this.http.postJson(path, request);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	/** A request with anchored evidence and a concrete application. */
	private static String row(String learning, String status) {
		ObjectNode request = MAPPER.createObjectNode().put("learning", learning).put("status", status);
		request.putArray("evidence").add("./mvnw verify -> BUILD SUCCESS, 0 failed");
		request.put("application", "Apply it on the next similar change.");
		return MAPPER.writeValueAsString(request);
	}

	private static JsonNode lastRow(Path store) throws Exception {
		List<String> lines = Files.readAllLines(store);
		return MAPPER.readTree(lines.get(lines.size() - 1));
	}

	private static long size(Path store) throws Exception {
		return Files.exists(store) ? Files.size(store) : -1;
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	private static String fixtureLine(String id) throws Exception {
		try (var in = QualityGateApiTests.class.getResourceAsStream(TestStores.DOTFILES_FIXTURE)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> line.contains("\"id\": \"" + id + "\""))
				.findFirst()
				.orElseThrow();
		}
	}

}

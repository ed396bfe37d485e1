package io.teamlearnings.learnings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.List;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field report cases A, B, C and D (src/test/resources/cases/README.md names the source)
 * against the running service, with the right values the report gives.
 */
class FieldCasesTests extends SharedServiceContext {

	private static final String ODD = "case-a-odd-values";

	private static final String LOOP = "case-b-loop";

	private static final String DEEP = "chains-deep";

	private static final String UNICODE = "case-d-unicode";

	private static final String REWRITE = "case-c-rewrite";

	private static final int DEPTH = 5_000;

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeAll
	static void stores() throws IOException {
		copy("/cases/long-status.jsonl", ODD);
		copy("/cases/loop-of-two.jsonl", LOOP);
		StringBuilder chain = new StringBuilder();
		for (int i = 0; i < DEPTH; i++) {
			chain.append("{\"id\":\"lrn-deep-")
				.append(i)
				.append("\",\"captured_at\":\"2026-11-20T10:00:00Z\"")
				.append(",\"status\":\"do_more\",\"learning\":\"When deploying the billing worker, prefer version ")
				.append(i)
				.append(" of the retry policy because load tests passed.\",\"evidence\":[\"3 tests passed\"]")
				.append((i > 0) ? ",\"supersedes_id\":\"lrn-deep-" + (i - 1) + "\"" : "")
				.append("}\n");
		}
		Files.writeString(root(DEEP).resolve(".learnings.jsonl"), chain);
	}

	@Test
	void caseCARewriteThatKeepsBothEndsIsServedFromTheNewFile() throws IOException {
		Path store = root(REWRITE).resolve(".learnings.jsonl");
		Files.writeString(store, rewriteStore("do_more"));
		assertThat(Files.size(store)).isGreaterThan(8 * 1024);
		assertThat(this.http.get(learnings(REWRITE) + "/lrn-rewrite-30").json().get("row").get("status").asString())
			.isEqualTo("do_more");

		// as git checkout does: a new file with one middle row changed, renamed over the
		// old
		Path next = root(REWRITE).resolve(".learnings.jsonl.new");
		Files.writeString(next, rewriteStore("do_less"));
		assertThat(Files.size(next)).isEqualTo(Files.size(store));
		Files.move(next, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

		assertThat(this.http.get(learnings(REWRITE) + "/lrn-rewrite-30").json().get("row").get("status").asString())
			.isEqualTo("do_less");
		JsonNode summary = this.http.get(learnings(REWRITE) + "/summary").json();
		assertThat(summary.get("by_status").get("do_less").asInt()).isEqualTo(1);
		assertThat(summary.get("by_status").get("do_more").asInt()).isEqualTo(59);
		JsonNode repo = repository(REWRITE);
		assertThat(repo.get("index_state").asString()).isEqualTo("current");

		// the same bytes written in place, same size and inode: only the time changed
		Files.writeString(store, rewriteStore("do_more"));
		assertThat(this.http.get(learnings(REWRITE) + "/lrn-rewrite-30").json().get("row").get("status").asString())
			.isEqualTo("do_more");
	}

	/** 60 rows over 8 KiB; row 30 has {@code middleStatus} and its fingerprint. */
	private static String rewriteStore(String middleStatus) {
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < 60; i++) {
			String status = (i == 30) ? middleStatus : "do_more";
			String learning = "When the nightly export number " + i
					+ " runs long, prefer splitting it by tenant because one tenant stalled the rest.";
			rows.append("{\"id\":\"lrn-rewrite-")
				.append(i)
				.append("\",\"captured_at\":\"2026-11-20T10:00:00Z\",\"status\":\"")
				.append(status)
				.append("\",\"learning\":\"")
				.append(learning)
				.append("\",\"evidence\":[\"3 tests passed\"],\"application\":\"Split the export.\",\"fingerprint\":\"")
				.append(CanonicalFormat.fingerprint(status, learning))
				.append("\"}\n");
		}
		return rows.toString();
	}

	private JsonNode repository(String name) {
		for (JsonNode repo : this.http.get("/api/repos").json()) {
			if (repo.get("name").asString().equals(name)) {
				return repo;
			}
		}
		throw new AssertionError("no repository " + name);
	}

	private static void copy(String resource, String repo) throws IOException {
		try (InputStream rows = FieldCasesTests.class.getResourceAsStream(resource)) {
			Files.copy(rows, root(repo).resolve(".learnings.jsonl"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	private String learnings(String repo) {
		return "/api/repos/" + repo + "/learnings";
	}

	@Test
	void caseAARowWithALongStatusIsIndexedAndTheRepositoryServed() {
		JsonNode page = this.http.get(learnings(ODD) + "?size=10").json();
		assertThat(page.get("items").findValuesAsString("id")).containsExactly("lrn-x");
		Response row = this.http.get(learnings(ODD) + "/lrn-x");
		assertThat(row.status()).isEqualTo(200);
		assertThat(row.body()).contains("a".repeat(65));

		Response health = this.http.get("/api/repos/" + ODD + "/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("in_sync").asBoolean()).isTrue();
		assertThat(health.json().get("rows_in_index").asLong()).isEqualTo(1);

		Response appended = this.http.postJson(learnings(ODD), HttpClientSupport.learningJson(
				"When another writer adds odd rows, prefer serving the others because 3 tests passed.", "do_more"));
		assertThat(appended.status()).as(appended.body()).isEqualTo(201);
		assertThat(this.http.get("/api/repos/" + ODD + "/reindex").status()).isNotEqualTo(500);

		Response repos = this.http.get("/api/repos");
		JsonNode odd = repos.json()
			.valueStream()
			.filter((repo) -> repo.get("name").asString().equals(ODD))
			.findFirst()
			.orElseThrow();
		assertThat(odd.get("index_state").asString()).isEqualTo("current");
		assertThat(odd.get("rows").asLong()).isEqualTo(2);
		assertThat(repos.body()).doesNotContainIgnoringCase("SQL").doesNotContain("Exception:").doesNotContain("\tat ");
	}

	@Test
	void caseBTheLinkClosingALoopIsIgnoredEverywhereAndListedInHealth() {
		JsonNode health = this.http.get("/api/repos/" + LOOP + "/health").json();
		assertThat(health.get("bad_links")
			.valueStream()
			.map((link) -> link.get("id").asString() + " -> " + link.get("supersedes_id").asString() + " "
					+ link.get("kind").asString()))
			.containsExactly("lrn-loop-b -> lrn-loop-a loop", "lrn-other -> lrn-ghost dangling");
		assertThat(health.get("healthy").asBoolean()).isFalse();

		assertThat(this.http.get(learnings(LOOP) + "/lrn-loop-b")
			.json()
			.get("superseded_by")
			.valueStream()
			.map(JsonNode::asString)).containsExactly("lrn-loop-a");
		assertThat(this.http.get(learnings(LOOP) + "/lrn-loop-a").json().get("superseded_by")).isEmpty();

		JsonNode summary = this.http.get(learnings(LOOP) + "/summary").json();
		assertThat(summary.get("active").asInt()).isEqualTo(2);
		assertThat(summary.get("superseded").asInt()).isEqualTo(1);

		JsonNode recall = this.http.get(learnings(LOOP) + "/recall?query=queue%20consumer%20committed%20offset").json();
		assertThat(recall.get("hits").valueStream().map((hit) -> hit.get("id").asString()))
			.containsExactly("lrn-loop-a");
		assertThat(recall.get("excluded")
			.get("superseded_rows")
			.valueStream()
			.map((row) -> row.get("id").asString() + " -> " + row.get("head").asString()))
			.containsExactly("lrn-loop-b -> lrn-loop-a");
	}

	@Test
	void caseBTheAdmissionGateSeesTheSameHeadAsTheOtherViews() {
		assertThat(notSupersededCheck("lrn-loop-a")).isTrue();
		assertThat(notSupersededCheck("lrn-loop-b")).isFalse();
	}

	private boolean notSupersededCheck(String id) {
		JsonNode admission = this.http.postJson("/api/repos/" + LOOP + "/admissions?dry_run=true", """
				{"learning_id": "%s", "scope": ["src/queue"], "decision_delta": "Resume from the committed offset.",
				 "future_behavior": "Commit offsets after side effects.", "verification": "replay test passes",
				 "reasons": ["high_impact"]}""".formatted(id)).json();
		return admission.get("gate")
			.get("checks")
			.valueStream()
			.filter((check) -> check.get("name").asString().equals("not_superseded_or_withdrawn"))
			.findFirst()
			.orElseThrow()
			.get("passed")
			.asBoolean();
	}

	@Test
	void aChainFiveThousandRowsDeepHasOneHeadInRecallAndSummary() {
		String head = "lrn-deep-" + (DEPTH - 1);
		JsonNode summary = this.http.get(learnings(DEEP) + "/summary").json();
		assertThat(summary.get("rows").asInt()).isEqualTo(DEPTH);
		assertThat(summary.get("active").asInt()).isEqualTo(1);
		assertThat(summary.get("superseded").asInt()).isEqualTo(DEPTH - 1);

		JsonNode recall = this.http.get(learnings(DEEP) + "/recall?query=billing%20worker%20retry%20policy&limit=5")
			.json();
		assertThat(recall.get("hits").valueStream().map((hit) -> hit.get("id").asString())).containsExactly(head);
		assertThat(recall.get("excluded").get("superseded").asInt()).isEqualTo(DEPTH - 1);
		assertThat(recall.get("excluded").get("superseded_rows").get(0).get("head").asString()).isEqualTo(head);
		assertThat(this.http.get(learnings(DEEP) + "/lrn-deep-0")
			.json()
			.get("superseded_by")
			.valueStream()
			.map(JsonNode::asString)).containsExactly("lrn-deep-1");
	}

	@Test
	void caseDTheSameLearningInNfdIsADuplicateOfItsNfcFirst() {
		String nfc = "When the caf\u00e9 menu service times out, prefer cached menus because 3 tests passed.";
		String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
		assertThat(nfd).isNotEqualTo(nfc);

		Response first = this.http.postJson(learnings(UNICODE), HttpClientSupport.learningJson(nfc, "do_more"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		String id = first.json().get("id").asString();

		for (String query : List.of("", "?force=true")) {
			Response second = this.http.postJson(learnings(UNICODE) + query,
					HttpClientSupport.learningJson(nfd, "do_more"));
			assertThat(second.status()).as(second.body()).isEqualTo(200);
			assertThat(second.json().get("outcome").asString()).isEqualTo("duplicate-skip");
			assertThat(second.json().get("id").asString()).isEqualTo(id);
			assertThat(second.json().get("proof").asString()).contains("existing_id=" + id);
		}
		assertThat(this.http.get(learnings(UNICODE) + "?size=10").json().get("items").size()).isEqualTo(1);
	}

}

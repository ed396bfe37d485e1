package io.teamlearnings.learnings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field report case B: a row whose {@code supersedes_id} names itself. Every view shares
 * one definition of a chain (SupersessionChains), in which a link to itself supersedes
 * nothing, so the row is active in browse, get, recall, related, summary, themes, codify
 * candidates and the admission gate alike, and it can itself be superseded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SelfSupersedingRowTests extends SharedServiceContext {

	private static final String REPO = "chains-self";

	private static final String SELF = "lrn-self";

	private static final String BASE = "/api/repos/" + REPO + "/learnings";

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeAll
	static void store() throws IOException {
		try (InputStream rows = SelfSupersedingRowTests.class.getResourceAsStream("/cases/self-superseding.jsonl")) {
			Files.copy(rows, root(REPO).resolve(".learnings.jsonl"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void browseAndGetShowItAsCurrent() {
		JsonNode page = this.http.get(BASE + "?size=50").json();
		assertThat(page.get("items").findValuesAsString("id")).contains(SELF).hasSize(4);
		JsonNode row = this.http.get(BASE + "/" + SELF).json();
		assertThat(row.get("superseded_by")).isEmpty();
	}

	@Test
	void healthListsTheLinkToItselfAsABadLink() {
		JsonNode health = this.http.get("/api/repos/" + REPO + "/health").json();
		assertThat(health.get("bad_links")
			.valueStream()
			.map((link) -> link.get("line").asLong() + " " + link.get("id").asString() + " -> "
					+ link.get("supersedes_id").asString() + " " + link.get("kind").asString()))
			.containsExactly("1 lrn-self -> lrn-self self");
		assertThat(health.get("in_sync").asBoolean()).isTrue();
		assertThat(health.get("healthy").asBoolean()).isFalse();
	}

	@Test
	void recallRanksItAndCountsNothingAsSuperseded() {
		JsonNode result = this.http.get(BASE + "/recall?query=webhook%20signing%20secrets%20senders&limit=10").json();
		assertThat(result.get("hits").findValuesAsString("id")).contains(SELF);
		assertThat(result.get("excluded").get("superseded").asInt()).isZero();
		assertThat(result.get("excluded").get("withdrawn").asInt()).isZero();
	}

	@Test
	void summaryCountsItActiveAndThemesInclude() {
		JsonNode summary = this.http.get(BASE + "/summary").json();
		assertThat(summary.get("active").asInt()).isEqualTo(4);
		assertThat(summary.get("superseded").asInt()).isZero();
		assertThat(summary.get("themes").get(0).get("ids").valueStream().map(JsonNode::asString).toList())
			.containsExactly(SELF, "lrn-20261121T100000Z-aaaa0001", "lrn-20261122T100000Z-aaaa0002");
	}

	@Test
	void relatedFindsItsNeighbours() {
		JsonNode related = this.http.get(BASE + "/" + SELF + "/related?limit=5").json();
		assertThat(related.findValues("learning").stream().map((view) -> view.get("row").get("id").asString()))
			.contains("lrn-20261121T100000Z-aaaa0001");
	}

	@Test
	void codifyCandidatesListIt() {
		JsonNode codify = this.http.get(BASE + "/codify-candidates?min_count=1").json();
		assertThat(codify.get("candidates")
			.findValues("rows")
			.stream()
			.flatMap(JsonNode::valueStream)
			.map((row) -> row.get("id").asString())
			.toList()).containsExactlyInAnyOrder(SELF, "lrn-20261121T100000Z-aaaa0001", "lrn-20261122T100000Z-aaaa0002",
					"lrn-20261123T100000Z-bbbb0003");
	}

	@Test
	void theAdmissionGateSeesTheHeadOfItsChain() {
		JsonNode admission = this.http.postJson("/api/repos/" + REPO + "/admissions?dry_run=true", """
				{"learning_id": "lrn-self", "scope": ["src/webhooks"], "decision_delta": "Rotate with overlap.",
				 "future_behavior": "Keep both secrets valid for a day.", "verification": "rotation test passes",
				 "reasons": ["high_impact"]}""").json();
		JsonNode check = admission.get("gate")
			.get("checks")
			.valueStream()
			.filter((candidate) -> candidate.get("name").asString().equals("not_superseded_or_withdrawn"))
			.findFirst()
			.orElseThrow();
		assertThat(check.get("passed").asBoolean()).as(check.toString()).isTrue();
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void itCanBeSupersededAsTheHeadOfItsChain() {
		HttpClientSupport.Response superseded = this.http
			.postJson(BASE + "/" + SELF + "/supersede", HttpClientSupport.learningJson(
					"When rotating webhook signing secrets, keep a two-day overlap because retries last up to 36 hours.",
					"codify_now"));
		assertThat(superseded.status()).as(superseded.body()).isEqualTo(201);
		String replacement = superseded.json().get("id").asString();
		assertThat(this.http.get(BASE + "/" + SELF).json().get("superseded_by").valueStream().map(JsonNode::asString))
			.containsExactly(replacement);
	}

}

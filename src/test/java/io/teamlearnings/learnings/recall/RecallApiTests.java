package io.teamlearnings.learnings.recall;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.LearningLines;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall, supersession, withdrawal, related rows, summary, codify candidates and digest
 * over real HTTP. The team-wide view is asked for this class's repositories, which were
 * every repository when the class had a service of its own. Rows are appended in
 * best-effort quality mode: the ranking expectations depend on their exact texts, which
 * the strict quality gate would refuse (several have no condition word); the gate is not
 * what these tests are about.
 */
class RecallApiTests extends SharedServiceContext {

	/** This class's repositories: the team this class recalls across. */
	private static final String OWN_REPOS = "repo=recall-code&repo=recall-chains&repo=recall-other&repo=recall-dotfiles";

	private static final Path DIGESTS = memories().resolve("extensions/learnings/resources");

	/**
	 * Rows of the dotfiles fixture that say codify_now and that a later row supersedes.
	 */
	private static final List<String> SUPERSEDED_CODIFY_NOW = List.of("lrn-20260302T150418Z-a97f5676",
			"lrn-20260228T202154Z-4dc62c6f", "lrn-20260317T004222Z-abaad05f", "lrn-20260314T153738Z-6bc61899");

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	/**
	 * Another tool wrote two rows with one id: a hit is served from the line that was
	 * ranked, so its explanation and its text agree; a lookup by id finds the newest.
	 */
	@Test
	void servesEachHitFromTheLineThatWasRankedWhenAnIdIsReused() {
		String id = "lrn-20260101T000000Z-cafe0001";
		LearningLines.write(root("recall-reused-id"),
				LearningLines.row(id).learning("When oldword alphaone happens, prefer the first way."),
				LearningLines.row(id).learning("When newword betatwo happens, prefer the second way."));

		JsonNode hit = this.http.get("/api/repos/recall-reused-id/learnings/recall?query=oldword+alphaone")
			.json()
			.get("hits")
			.get(0);

		assertThat(hit.get("id").asString()).isEqualTo(id);
		assertThat(hit.get("learning").get("line").asLong()).isEqualTo(1);
		assertThat(hit.get("learning").get("row").get("learning").asString()).contains("alphaone");
		assertThat(this.http.get("/api/repos/recall-reused-id/learnings/" + id).json().get("line").asLong())
			.isEqualTo(2);
	}

	@Test
	void findsCodeIdentifiersBothWholeAndSplit() throws Exception {
		String id = append("recall-code",
				"When acknowledging a durable write, call FileChannel.force before replying "
						+ "because the page cache loses rows on power failure; see src/parser/LineReader.java and "
						+ "recall --drop-superseded.",
				"codify_now");
		append("recall-code", "Prefer small pull requests because reviews go faster.", "do_more");

		for (String query : List.of("FileChannel.force", "filechannel", "force", "channel", "--drop-superseded",
				"drop superseded", "src/parser", "parser", "LineReader", "line reader", "durable writes")) {
			JsonNode result = this.http.get("/api/repos/recall-code/learnings/recall?query=" + encode(query)).json();
			assertThat(result.get("hits").get(0).get("id").asString()).as(query).isEqualTo(id);
		}
		JsonNode why = this.http.get("/api/repos/recall-code/learnings/recall?query=FileChannel.force")
			.json()
			.get("hits")
			.get(0)
			.get("why");
		assertThat(why.get("terms").findValuesAsString("term")).contains("filechannel.force", "file", "channel");
		assertThat(why.get("terms").get(0).get("fields").get(0).asString()).isEqualTo("learning");
		assertThat(why.get("status_boost").asDouble()).isEqualTo(0.30);
		HttpResponse<Void> timed = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(
					"http://localhost:" + this.port + "/api/repos/recall-code/learnings/recall?query=durable+writes"))
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(timed.headers().firstValue("Server-Timing"))
			.hasValueSatisfying((header) -> assertThat(header).matches("recall;dur=\\d+\\.\\d{3}"));
	}

	@Test
	void followsSupersessionChainsToTheirHeadAndRefusesToSupersedeAnOldLink() {
		String a = append("recall-chains", "Cache the toolchain download in CI because cold runners take ten minutes.",
				"do_more");
		String b = supersede("recall-chains", a,
				"Cache the toolchain and the dependency downloads in CI because cold " + "runners take ten minutes.")
			.json()
			.get("id")
			.asString();
		String c = supersede("recall-chains", b,
				"Cache toolchain, dependencies and build outputs in CI keyed by lockfile "
						+ "because cold runners take ten minutes.")
			.json()
			.get("id")
			.asString();

		JsonNode result = this.http
			.get("/api/repos/recall-chains/learnings/recall?query=toolchain+download+cache&limit=5")
			.json();
		assertThat(ids(result.get("hits"))).containsExactly(c);
		assertThat(result.get("excluded").get("superseded").asInt()).isEqualTo(2);
		assertThat(result.get("excluded").get("superseded_rows").findValuesAsString("head")).containsOnly(c);
		assertThat(result.get("hits").get(0).get("why").get("via").toString()).contains(a, b);

		JsonNode old = this.http.get("/api/repos/recall-chains/learnings/" + a).json();
		assertThat(old.get("superseded_by").get(0).asString()).isEqualTo(b);

		Response refused = supersede("recall-chains", a, "Cache nothing in CI.");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("head").asString()).isEqualTo(c);
		assertThat(refused.json().get("detail").asString()).contains(c);

		JsonNode all = this.http
			.get("/api/repos/recall-chains/learnings/recall?query=toolchain+download+cache&drop_superseded=false")
			.json();
		assertThat(ids(all.get("hits"))).contains(a, b, c);
	}

	@Test
	void takesAWithdrawnRowOutOfRecallButNotOutOfBrowse() throws IOException {
		String id = append("recall-chains", "Pin the emulator image digest because tags move under the tests.",
				"codify_now");
		Response withdrawn = this.http.postJson("/api/repos/recall-chains/learnings/" + id + "/withdraw",
				"{\"reason\": \"The emulator is gone; tests run on devices now.\"}");
		assertThat(withdrawn.status()).isEqualTo(201);
		assertThat(withdrawn.json().get("learning").get("row").get("status").asString()).isEqualTo("withdrawn");
		assertThat(withdrawn.json().get("learning").get("row").get("supersedes_id").asString()).isEqualTo(id);

		JsonNode result = this.http.get("/api/repos/recall-chains/learnings/recall?query=emulator+image+digest").json();
		assertThat(result.get("hits")).isEmpty();
		assertThat(result.get("excluded").get("withdrawn_ids").toString()).contains(id);

		JsonNode browse = this.http.get("/api/repos/recall-chains/learnings?include_superseded=true&size=200").json();
		assertThat(browse.get("items").findValues("row").stream().map((row) -> row.get("id").asString()).toList())
			.contains(id);
		assertThat(
				this.http.postJson("/api/repos/recall-chains/learnings/" + id + "/withdraw", "{\"reason\": \"again\"}")
					.status())
			.isEqualTo(409);
		String withdrawal = withdrawn.json().get("id").asString();
		String store = Files.readString(root("recall-chains").resolve(".learnings.jsonl"));
		Response again = this.http.postJson("/api/repos/recall-chains/learnings/" + withdrawal + "/withdraw",
				"{\"reason\": \"withdrawing the withdrawal\"}");
		assertThat(again.status()).as(again.body()).isEqualTo(409);
		assertThat(again.json().get("title").asString()).isEqualTo("Already withdrawn");
		assertThat(Files.readString(root("recall-chains").resolve(".learnings.jsonl"))).isEqualTo(store);
	}

	@Test
	void answersAsTheStoreStoodAtAGivenTime() {
		JsonNode before = this.http.get(
				"/api/repos/recall-dotfiles/learnings/recall?query=launchd+automation+runner&as_of=2026-02-14T18:00:00Z")
			.json();
		assertThat(ids(before.get("hits"))).containsExactly("lrn-20260214T170052Z-eef95cca");
		assertThat(before.get("as_of").asString()).isEqualTo("2026-02-14T18:00:00Z");

		JsonNode later = this.http.get("/api/repos/recall-dotfiles/learnings/recall?query=launchd+automation+runner")
			.json();
		assertThat(ids(later.get("hits"))).contains("lrn-20260214T193029Z-376998e1");
	}

	@Test
	void filtersAndCountsWhatItFilteredOut() {
		JsonNode all = this.http.get("/api/repos/recall-dotfiles/learnings/recall?query=release+homebrew+tap&limit=50")
			.json();
		JsonNode codifyNow = this.http
			.get("/api/repos/recall-dotfiles/learnings/recall?query=release+homebrew+tap&limit=50&status=codify_now")
			.json();
		assertThat(codifyNow.get("hits")).isNotEmpty()
			.allSatisfy((hit) -> assertThat(hit.get("learning").get("row").get("status").asString())
				.isEqualTo("codify_now"));
		assertThat(codifyNow.get("excluded").get("filtered").asInt()).isPositive()
			.isGreaterThanOrEqualTo(all.get("total_matches").asInt() - codifyNow.get("total_matches").asInt());
	}

	@Test
	void recallsAcrossRepositoriesNamingEachHitsRepository() {
		String fromOther = append("recall-other",
				"When a flaky integration test times out, prefer raising the client timeout over retries.", "do_more");
		String fromCode = append("recall-code",
				"Flaky integration tests hide real races; quarantine them and file the race.", "investigate_more");

		JsonNode team = this.http.get("/api/learnings/recall?query=flaky+integration+tests&limit=3&" + OWN_REPOS)
			.json();
		assertThat(repos(team.get("hits"))).containsExactlyInAnyOrder("recall-other", "recall-code", "recall-dotfiles");
		assertThat(repos(team.get("hits")).subList(0, 2)).containsExactlyInAnyOrder("recall-other", "recall-code");
		JsonNode onlyOther = this.http.get("/api/learnings/recall?query=flaky+integration+tests&repo=recall-other")
			.json();
		assertThat(repos(onlyOther.get("hits"))).containsExactly("recall-other");
		assertThat(this.http.get("/api/learnings/recall?query=x&repo=nope").status()).isEqualTo(404);
		JsonNode everyRepository = this.http.get("/api/learnings/recall?query=flaky+integration+tests&limit=50").json();
		assertThat(ids(everyRepository.get("hits"))).contains(fromOther, fromCode);
	}

	@Test
	void rejectsAnEmptyQueryOrAnOversizedLimit() {
		Response empty = this.http.get("/api/repos/recall-dotfiles/learnings/recall?query=%20");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("query");
		assertThat(this.http.get("/api/repos/recall-dotfiles/learnings/recall?query=x&limit=500").status())
			.isEqualTo(400);
	}

	@Test
	void ranksRowsAboutTheCallersPathsHigher() {
		JsonNode result = this.http.get(
				"/api/repos/recall-dotfiles/learnings/recall?query=plugins&paths=fish/functions/fisher.fish&paths=fish/fish_plugins")
			.json();
		assertThat(result.get("hits").get(0).get("id").asString()).isEqualTo("lrn-20260215T173339Z-96b00925");
		assertThat(result.get("hits").get(0).get("why").get("path_boost").asDouble()).isPositive();
	}

	@Test
	void listsRelatedLearningsMostSimilarFirst() {
		JsonNode related = this.http
			.get("/api/repos/recall-dotfiles/learnings/lrn-20260214T170052Z-eef95cca/related?limit=3")
			.json();
		assertThat(related).hasSize(3);
		assertThat(related.get(0).get("similarity").asDouble())
			.isGreaterThanOrEqualTo(related.get(2).get("similarity").asDouble());
		assertThat(related.findValues("row").stream().map((row) -> row.get("id").asString()).toList()).hasSize(3)
			.doesNotContain("lrn-20260214T170052Z-eef95cca");
		assertThat(this.http.get("/api/repos/recall-dotfiles/learnings/lrn-nope/related").status()).isEqualTo(404);
	}

	@Test
	void summarisesStatusesTagsWeeksAndThemes() {
		JsonNode summary = this.http.get("/api/repos/recall-dotfiles/learnings/summary").json();
		assertThat(summary.get("rows").asInt()).isEqualTo(410);
		assertThat(summary.get("superseded").asInt()).isEqualTo(13);
		assertThat(summary.get("active").asInt()).isEqualTo(397);
		assertThat(summary.get("by_status").get("codify_now").asInt()).isEqualTo(109);
		assertThat(summary.get("top_tags").get(0).get("tag").asString()).isEqualTo("skills");
		assertThat(summary.get("per_week").get("2026-W07").asInt()).isPositive();
		assertThat(summary.get("themes")).isNotEmpty()
			.allSatisfy((theme) -> assertThat(theme.get("ids").size()).isGreaterThanOrEqualTo(3));
	}

	@Test
	void writesTheToolsDigestOfTheActiveLearningsAndNeverOverwritesIt() throws IOException {
		clearDigests();
		Response digest = this.http.post("/api/repos/recall-dotfiles/learnings/memory-digest", "application/json", "");
		assertThat(digest.status()).isEqualTo(201);
		Path file = Path.of(digest.json().get("path").asString());
		assertThat(file).isEqualTo(DIGESTS.resolve("2026-11-23T12-00-00-learnings-digest.md"));
		String content = Files.readString(file);
		assertThat(content).isEqualTo(digest.json().get("content").asString())
			.startsWith(
					"# Learnings Digest\n\ngenerated_at: 2026-11-23T12:00:00Z\ngenerator: learnings memory-digest\n")
			.contains("\ncanonical: false\n",
					"\n## Source files\n- `" + root("recall-dotfiles").resolve(".learnings.jsonl") + "`\n",
					"\n## Promotion candidates\n\n### P1: ")
			.endsWith("- Use `--scan-root` to narrow a consolidation pass when a repo family needs focused review.\n")
			.doesNotContain(SUPERSEDED_CODIFY_NOW.toArray(String[]::new));
		List<String> lines = content.lines().toList();
		assertThat(lines.stream().filter((line) -> line.startsWith("### P"))).hasSize(12);
		assertThat(lines.stream().filter((line) -> line.startsWith("priority: "))).hasSize(12)
			.containsOnly("priority: high");
		assertThat(lines.stream().filter((line) -> line.startsWith("suggested_target: "))).hasSize(12)
			.containsOnly("suggested_target: MEMORY.md");
		assertThat(digest.json().get("candidates").asInt()).isEqualTo(12);
		assertThat(digest.json().get("sources").asInt()).isEqualTo(1);
		assertThat(digest.json().get("rows").asInt())
			.isEqualTo(lines.stream().filter((line) -> line.startsWith("- lrn-")).count());

		Files.writeString(file, "kept");
		Response again = this.http.postJson("/api/repos/recall-dotfiles/learnings/memory-digest", "", "text/plain");
		assertThat(again.status()).isEqualTo(409);
		assertThat(Files.readString(file)).isEqualTo("kept");

		Files.delete(file);
		Response line = this.http.postJson("/api/repos/recall-dotfiles/learnings/memory-digest", "", "text/plain");
		assertThat(line.status()).isEqualTo(201);
		assertThat(line.body()).isEqualTo("memory-digest: wrote " + file + " candidates=12 sources=1\n");
	}

	@Test
	void listsCodifyCandidatesOfTheActiveLearnings() {
		JsonNode codify = this.http.get("/api/repos/recall-dotfiles/learnings/codify-candidates?limit=200").json();
		assertThat(codify.get("min_count").asInt()).isEqualTo(3);
		assertThat(codify.get("rows").asInt()).isEqualTo(410);
		List<JsonNode> rows = codify.get("candidates")
			.findValues("rows")
			.stream()
			.flatMap(JsonNode::valueStream)
			.toList();
		assertThat(codify.get("candidates")).allSatisfy((candidate) -> {
			assertThat(candidate.get("count").asInt() >= 3
					|| candidate.get("rows").findValuesAsString("status").contains("codify_now"))
				.as(candidate.toString())
				.isTrue();
			assertThat(candidate.get("target").asString()).isIn("check_or_test", "skill", "agents_md_rule");
			assertThat(candidate.get("why").asString()).isNotBlank();
		});
		assertThat(rows.stream().filter((row) -> row.get("status").asString().equals("codify_now")))
			.as("every active codify_now row, and no superseded one")
			.hasSize(109 - SUPERSEDED_CODIFY_NOW.size());
		assertThat(rows.stream().map((row) -> row.get("id").asString()))
			.doesNotContainAnyElementsOf(SUPERSEDED_CODIFY_NOW);

		Response table = this.http.send(HttpRequest
			.newBuilder(URI
				.create("http://127.0.0.1:" + this.port + "/api/repos/recall-dotfiles/learnings/codify-candidates"))
			.header("Accept", "text/plain")
			.build());
		assertThat(table.contentType()).startsWith("text/plain");
		List<String> lines = table.body().lines().toList();
		assertThat(lines).hasSize(2 + 20);
		assertThat(lines.get(0)).startsWith("score")
			.contains("  count  last_seen ", "  status ", "  theme ", "  learning");
		assertThat(lines.get(1)).matches("-+  -----  -{20}  -+  -+  -+");

		Response invalid = this.http.get("/api/repos/recall-dotfiles/learnings/codify-candidates?min_count=0");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("min_count");
	}

	/**
	 * Digests are named by the second they are written in (the skill's
	 * {@code YYYY-MM-DDTHH-MM-SS-learnings-digest.md}) and the shared service's clock is
	 * fixed, so any earlier digest in this JVM would make this one a 409.
	 */
	private static void clearDigests() throws IOException {
		if (Files.isDirectory(DIGESTS)) {
			try (Stream<Path> digests = Files.list(DIGESTS)) {
				for (Path digest : digests.filter((file) -> file.toString().endsWith("-learnings-digest.md"))
					.toList()) {
					Files.delete(digest);
				}
			}
		}
	}

	private static List<String> ids(JsonNode hits) {
		return hits.valueStream().map((hit) -> hit.get("id").asString()).toList();
	}

	private static List<String> repos(JsonNode hits) {
		return hits.valueStream().map((hit) -> hit.get("repo").asString()).toList();
	}

	private String append(String repo, String learning, String status) {
		Response response = this.http.postJson("/api/repos/" + repo + "/learnings?force=true&quality_mode=best_effort",
				HttpClientSupport.learningJson(learning, status));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private Response supersede(String repo, String id, String learning) {
		return this.http.postJson("/api/repos/" + repo + "/learnings/" + id + "/supersede?quality_mode=best_effort",
				HttpClientSupport.learningJson(learning, "do_more"));
	}

	private static String encode(String query) {
		return java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
	}

}

package io.teamlearnings.learnings.index;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file is written first: a row is on disk before the index sees it, an append is
 * answered without waiting for the index (which follows, and which a read catches up
 * first), and a row the index failed to take stays in the file and is indexed later. The
 * index is watched, and made to fail, by a trigger on its table
 * ({@link IndexRowTrigger}).
 */
class CanonicalFirstTests extends SharedServiceContext {

	private static final String REPO = "canonical-first";

	private static final Path ROOT = root(REPO);

	private static final Path FILE = ROOT.resolve(".learnings.jsonl");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	JdbcProbe probe;

	@BeforeEach
	void probe() {
		this.probe = new JdbcProbe(this.jdbc);
	}

	@AfterEach
	void realIndex() {
		IndexRowTrigger.remove(this.jdbc);
	}

	@Test
	void writesTheRowToTheFileBeforeTheIndexSeesIt() throws Exception {
		String learning = "When a row is appended, keep it in the file before the index sees it.";
		List<String> observed = IndexRowTrigger.observe(this.jdbc, learning, FILE);

		HttpClientSupport http = new HttpClientSupport(this.port);

		Response response = http.postJson("/api/repos/" + REPO + "/learnings",
				HttpClientSupport.learningJson(learning, "do_more"));

		assertThat(response.status()).isEqualTo(201);
		String id = response.json().get("id").asString();
		assertThat(http.get("/api/repos/" + REPO + "/learnings/" + id).status()).isEqualTo(200);
		assertThat(observed).contains("file=true index=false").doesNotContain("file=false index=true");
		assertThat(this.probe.rowsWithLearning(learning)).isEqualTo(1);
	}

	@Test
	void keepsAndLaterIndexesARowWhoseIndexingFailed() throws Exception {
		String learning = "When indexing a written row fails, keep the row and index it later.";
		IndexRowTrigger.fail(this.jdbc, learning, FILE);
		HttpClientSupport http = new HttpClientSupport(this.port);

		Response response = http.postJson("/api/repos/" + REPO + "/learnings",
				HttpClientSupport.learningJson(learning, "do_more"));

		assertThat(response.status()).isEqualTo(201);
		String id = response.json().get("id").asString();
		assertThat(Files.readString(FILE)).contains(id);
		assertThat(this.probe.rowsWithLearning(learning)).isZero();
		// a read catches the index up first (whether or not the follower tried already)
		HttpResponse<String> browse = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/repos/" + REPO + "/learnings"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(browse.statusCode()).isEqualTo(200);
		assertThat(browse.headers().allValues(IndexSync.INDEX_FAILED_HEADER)).containsExactly(REPO);
		JsonNode failed = listed(http);
		assertThat(failed.get("index_state").asString()).isEqualTo("failed");
		assertThat(failed.get("index_error").asString()).startsWith("the index could not be updated")
			.doesNotContainIgnoringCase("sql")
			.doesNotContainIgnoringCase("insert")
			.doesNotContain("\tat ");

		IndexRowTrigger.remove(this.jdbc);

		assertThat(http.get("/api/repos/" + REPO + "/learnings/" + id).status()).isEqualTo(200);
		assertThat(this.probe.rowsWithLearning(learning)).isEqualTo(1);
		assertThat(listed(http).get("index_state").asString()).isEqualTo("current");
	}

	/** This repository as GET /api/repos lists it. */
	private static JsonNode listed(HttpClientSupport http) {
		for (JsonNode repo : http.get("/api/repos").json()) {
			if (repo.get("name").asString().equals(REPO)) {
				return repo;
			}
		}
		throw new AssertionError(REPO + " is not listed");
	}

}

package io.teamlearnings.learnings.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing with the team repository, exporting and importing between stores. The team
 * repository is the shared service's; only this class shares into it.
 */
class TransferTests extends SharedServiceContext {

	private static final Path PROJECT = root("transfer-project");

	private static final Path TEAM_ROOT = root(TEAM);

	private static final Path TARGET = root("transfer-target");

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void sharesAProjectLearningWithTheTeamOnce() {
		Response shared = this.http.post("/api/repos/transfer-project/learnings/lrn-20260214T193029Z-376998e1/share",
				"application/json", "");
		assertThat(shared.status()).isEqualTo(201);
		JsonNode row = shared.json().get("learning").get("row");
		assertThat(row.get("related_ids").get(0).asString()).isEqualTo("lrn-20260214T193029Z-376998e1");
		assertThat(row.get("fingerprint").asString()).isEqualTo("376998e168b697ab");
		assertThat(shared.json().get("path").asString()).isEqualTo(TEAM_ROOT.resolve(".learnings.jsonl").toString());

		JsonNode original = this.http.get("/api/repos/transfer-project/learnings/lrn-20260214T193029Z-376998e1").json();
		assertThat(original.get("shared_as").get(0).asString()).isEqualTo(shared.json().get("id").asString());

		Response again = this.http.post("/api/repos/transfer-project/learnings/lrn-20260214T193029Z-376998e1/share",
				"application/json", "");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("outcome").asString()).isEqualTo("duplicate-skip");
	}

	@Test
	void exportsTheCanonicalLinesAndImportsThemIntoAnotherStoreKeepingIdsAndFingerprints() throws Exception {
		Response exported = this.http.get("/api/repos/transfer-project/learnings/export");
		assertThat(exported.contentType()).startsWith("application/x-ndjson");
		assertThat(exported.body().lines().count()).isEqualTo(412);

		Response recent = this.http.get("/api/repos/transfer-project/learnings/export?since=2026-05-01T00:00:00Z");
		assertThat(recent.body().lines().toList()).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).containsPattern("\"captured_at\":\\s*\"2026-(0[5-9]|1)"));

		JsonNode report = this.http
			.post("/api/repos/transfer-target/learnings/import?on_conflict=skip", "application/x-ndjson",
					exported.body())
			.json();
		assertThat(report.get("imported").asInt()).isEqualTo(410);
		assertThat(report.get("rejected").asInt()).isEqualTo(2);
		assertThat(report.get("lines").get(213).get("line").asInt()).isEqualTo(214);
		assertThat(report.get("lines").get(213).get("outcome").asString()).isEqualTo("rejected");
		List<String> projectRows = Files.readAllLines(PROJECT.resolve(".learnings.jsonl"));
		List<String> imported = Files.readAllLines(TARGET.resolve(".learnings.jsonl"));
		assertThat(imported).hasSize(410).contains(projectRows.get(0), projectRows.get(411));

		JsonNode again = this.http
			.post("/api/repos/transfer-target/learnings/import", "application/x-ndjson", projectRows.get(0) + "\n")
			.json();
		assertThat(again.get("skipped").asInt()).isEqualTo(1);
		JsonNode failing = this.http
			.post("/api/repos/transfer-target/learnings/import?on_conflict=fail&atomic=true", "application/x-ndjson",
					projectRows.get(0) + "\n{\"id\":\"lrn-new\",\"status\":\"do_more\",\"learning\":\"New rule.\"}\n")
			.json();
		assertThat(failing.get("written").asBoolean()).isFalse();
		assertThat(failing.get("rejected").asInt()).isEqualTo(1);
		assertThat(Files.readAllLines(TARGET.resolve(".learnings.jsonl"))).hasSize(410);

		// any status is a status, as for the tool; a row without one is refused
		JsonNode bad = this.http
			.post("/api/repos/transfer-target/learnings/import", "application/x-ndjson",
					"{\"id\":\"lrn-x\",\"status\":\"maybe\",\"learning\":\"Unknown status.\"}\n"
							+ "{\"id\":\"lrn-y\",\"status\":\" / \",\"learning\":\"No status.\"}\n")
			.json();
		assertThat(bad.get("lines").get(0).get("outcome").asString()).isEqualTo("imported");
		assertThat(bad.get("lines").get(1).get("outcome").asString()).isEqualTo("rejected");
		assertThat(bad.get("lines").get(1).get("reason").asString()).isEqualTo("no status");
	}

}

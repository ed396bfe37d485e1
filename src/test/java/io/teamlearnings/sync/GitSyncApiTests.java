package io.teamlearnings.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.teamlearnings.support.GitRepos.cloneAs;
import static io.teamlearnings.support.GitRepos.git;
import static io.teamlearnings.support.GitRepos.idOf;
import static io.teamlearnings.support.GitRepos.linesAt;
import static io.teamlearnings.support.GitRepos.teammateAppendsAndPushes;
import static io.teamlearnings.support.GitRepos.toolRow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Git sync in the running service over real HTTP: appends through the API while a
 * teammate appends with the learnings tool and pushes, then a sync on request; the
 * service's index equals its file afterwards; a cross-clone duplicate is kept, counted by
 * health and recalled once; an unreachable remote leaves appends working.
 */
class GitSyncApiTests extends SharedServiceContext {

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	private String append(String repo, String learning) {
		Response response = this.http.postJson("/api/repos/" + repo + "/learnings",
				"{\"learning\": \"" + learning + "\", \"status\": \"do_more\", \"evidence\": [\"src/main/App.java: "
						+ "./mvnw verify exited 0\"], \"application\": \"git sync\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static List<String> ids(List<String> lines) {
		return lines.stream().map((line) -> idOf(line)).toList();
	}

	@Test
	void bringsBothWritersRowsTogetherAndTheIndexFollowsTheMergedFile() throws Exception {
		String repo = "git-sync-app";
		Path teammate = cloneAs(remote(repo), Files.createTempDirectory("git-teammate-").resolve("app"), "teammate");
		String shared = "When two clones capture one rule, prefer keeping both lines because the file is canonical";
		String first = append(repo, shared);
		String second = append(repo,
				"When the service appends during a push, prefer union merges because appends never conflict");
		String theirs = toolRow("2026-11-30T09:00:00Z", "do_more",
				"When a teammate appends with the tool, prefer pushing soon because rows reach the service sooner");
		String copy = toolRow("2026-11-30T09:05:00Z", "do_more", shared);
		// the same rule in NFC here and in NFD in the teammate's clone: two fingerprints,
		// one exact-duplicate key, so one rule
		String accented = "When the caf\u00e9 menu changes, prefer rebuilding the price cache because prices lag";
		String nfc = append(repo, accented);
		String nfdCopy = toolRow("2026-11-30T09:06:00Z", "do_more",
				java.text.Normalizer.normalize(accented, java.text.Normalizer.Form.NFD));
		teammateAppendsAndPushes(teammate, theirs, copy, nfdCopy);

		Response synced = this.http.post("/api/repos/" + repo + "/sync", "application/json", "");

		assertThat(synced.status()).as(synced.body()).isEqualTo(200);
		JsonNode state = synced.json();
		assertThat(state.get("state").asString()).isEqualTo("ok");
		assertThat(state.get("ahead").asInt()).isZero();
		assertThat(state.get("behind").asInt()).isZero();
		assertThat(state.get("rows_received").asLong()).isEqualTo(3);
		assertThat(state.get("rows_sent").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(state.get("last_push").isNull()).isFalse();
		List<String> file = Files.readAllLines(root(repo).resolve(".learnings.jsonl"));
		assertThat(ids(file)).containsExactly(first, second, nfc, idOf(theirs), idOf(copy), idOf(nfdCopy));
		assertThat(linesAt(remote(repo), "main")).containsExactlyElementsOf(file);
		git(teammate, "pull", "--quiet", "--no-rebase", "origin", "main");
		assertThat(Files.readAllLines(teammate.resolve(".learnings.jsonl"))).containsExactlyElementsOf(file);
		assertThat(String.join("\n", file)).doesNotContain("<<<<<<<", ">>>>>>>");

		JsonNode health = this.http.get("/api/repos/" + repo + "/health").json();
		assertThat(health.get("in_sync").asBoolean()).isTrue();
		assertThat(health.get("repaired").asBoolean()).isFalse();
		assertThat(health.get("rows_in_index").asLong()).isEqualTo(file.size());
		assertThat(health.get("cross_clone_duplicates")).hasSize(2);
		assertThat(health.get("cross_clone_duplicates").get(0).get("id").asString()).isEqualTo(idOf(copy));
		assertThat(health.get("cross_clone_duplicates").get(1).get("id").asString()).isEqualTo(idOf(nfdCopy));

		JsonNode recall = this.http.get("/api/repos/" + repo + "/learnings/recall?query=clones+capture+canonical")
			.json();
		List<String> recalled = new ArrayList<>();
		recall.get("hits").forEach((hit) -> recalled.add(hit.get("id").asString()));
		assertThat(recalled).contains(first).doesNotContain(idOf(copy));
		List<String> accentedHits = new ArrayList<>();
		this.http.get("/api/repos/" + repo + "/learnings/recall?query=menu+price+cache")
			.json()
			.get("hits")
			.forEach((hit) -> accentedHits.add(hit.get("id").asString()));
		assertThat(accentedHits).contains(nfc).doesNotContain(idOf(nfdCopy));

		JsonNode listed = null;
		for (JsonNode summary : this.http.get("/api/repos").json()) {
			if (summary.get("name").asString().equals(repo)) {
				listed = summary;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("git_sync").get("enabled").asBoolean()).isTrue();
		assertThat(listed.get("git_sync").get("branch").asString()).isEqualTo("main");
		JsonNode read = this.http.get("/api/repos/" + repo + "/sync").json();
		assertThat(read.get("warnings").get(0).asString()).contains("merge=union");
	}

	@Test
	void appendsGoOnWhileTheRemoteIsUnreachableAndArePushedOnceItIsBack() throws Exception {
		String repo = "git-sync-offline";
		Path away = remote(repo).resolveSibling("moved-away.git");
		Files.move(remote(repo), away);
		try {
			String row = append(repo,
					"When the remote is unreachable, prefer appending anyway because sync pushes later");

			Response failed = this.http.post("/api/repos/" + repo + "/sync", "application/json", "");

			assertThat(failed.status()).isEqualTo(502);
			assertThat(failed.contentType()).startsWith("application/problem+json");
			assertThat(failed.json().get("kind").asString()).isEqualTo("remote");
			assertThat(failed.body()).doesNotContain("at io.", "Exception");
			JsonNode state = this.http.get("/api/repos/" + repo + "/sync").json();
			assertThat(state.get("state").asString()).isEqualTo("failed");
			assertThat(state.get("failures").asInt()).isGreaterThanOrEqualTo(1);
			assertThat(state.get("last_error").get("message").asString()).contains("fetch from 'origin' failed");
			assertThat(state.get("next_attempt").isNull()).isFalse();
			String second = append(repo, "When a sync failed, prefer retrying with backoff because networks come back");
			assertThat(Files.readString(root(repo).resolve(".learnings.jsonl"))).contains(row, second);
		}
		finally {
			Files.move(away, remote(repo));
		}

		Response synced = this.http.post("/api/repos/" + repo + "/sync", "application/json", "");

		assertThat(synced.status()).as(synced.body()).isEqualTo(200);
		assertThat(synced.json().get("failures").asInt()).isZero();
		assertThat(synced.json().has("last_error")).isFalse();
		assertThat(linesAt(remote(repo), "main"))
			.containsExactlyElementsOf(Files.readAllLines(root(repo).resolve(".learnings.jsonl")))
			.hasSize(2);
	}

}

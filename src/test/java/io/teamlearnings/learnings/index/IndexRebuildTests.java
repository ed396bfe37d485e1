package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import io.teamlearnings.LearningsApplication;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.SharedServiceContext;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index is only derived: deleting it, stopping the service while the file grows, or
 * rewriting the file under it loses nothing. The first two need a service of their own
 * that they stop and start again; the rewrite happens under the shared service.
 */
class IndexRebuildTests extends SharedServiceContext {

	private final Path dataDir = TestStores.newDirectory("data");

	private final Path root = TestStores.dotfilesRepository();

	@LocalServerPort
	int port;

	@Test
	void rebuildsTheIndexFromTheFileAfterItsDatabaseIsDeleted() throws IOException {
		String id;
		String digest;
		try (ConfigurableApplicationContext service = start()) {
			HttpClientSupport http = client(service);
			id = http
				.postJson("/api/repos/dotfiles/learnings", HttpClientSupport.learningJson(
						"When the index database is deleted, run a rebuild from the JSONL it mirrors.", "codify_now"))
				.json()
				.get("id")
				.asString();
			digest = http.get("/api/repos/dotfiles/health").json().get("index_digest").asString();
		}
		deleteRecursively(this.dataDir.resolve("index"));
		assertThat(this.dataDir.resolve("index")).doesNotExist();

		try (ConfigurableApplicationContext service = start()) {
			HttpClientSupport http = client(service);
			JsonNode health = http.get("/api/repos/dotfiles/health").json();
			assertThat(health.get("rows_in_index").asLong()).isEqualTo(411);
			assertThat(health.get("index_digest").asString()).isEqualTo(digest);
			assertThat(health.get("in_sync").asBoolean()).isTrue();
			assertThat(http.get("/api/repos/dotfiles/learnings/" + id).status()).isEqualTo(200);
		}
	}

	@Test
	void indexesLinesAppendedWhileTheServiceWasDownBeforeItIsReady() throws IOException {
		try (ConfigurableApplicationContext service = start()) {
			assertThat(client(service).get("/api/repos").json().get(0).get("rows").asLong()).isEqualTo(410);
		}
		Files.writeString(this.root.resolve(".learnings.jsonl"),
				"{\"id\":\"lrn-20260102T000000Z-11111111\",\"status\":\"do_more\",\"learning\":\"Written while down.\"}\n",
				StandardOpenOption.APPEND);

		try (ConfigurableApplicationContext service = start()) {
			JsonNode repo = client(service).get("/api/repos").json().get(0);
			assertThat(repo.get("rows").asLong()).isEqualTo(411);
			assertThat(repo.get("index_state").asString()).isEqualTo("current");
		}
	}

	@Test
	void reindexesAFileRewrittenUnderIt() throws IOException {
		HttpClientSupport http = new HttpClientSupport(this.port);
		assertThat(http.get("/api/repos/rebuild-rewritten/learnings?include_superseded=true")
			.json()
			.get("total_items")
			.asLong()).isEqualTo(410);
		Path file = root("rebuild-rewritten").resolve(".learnings.jsonl");
		List<String> lines = Files.readAllLines(file);
		Files.write(file, lines.subList(100, 200));

		JsonNode page = http.get("/api/repos/rebuild-rewritten/learnings?include_superseded=true").json();

		assertThat(page.get("total_items").asLong()).isEqualTo(100);
		JsonNode health = http.get("/api/repos/rebuild-rewritten/health").json();
		assertThat(health.get("in_sync").asBoolean()).isTrue();
		assertThat(health.get("malformed")).isEmpty();
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(LearningsApplication.class).run("--server.port=0",
				"--learnings.data-dir=" + this.dataDir, "--learnings.repos[0].name=dotfiles",
				"--learnings.repos[0].root=" + this.root, "--learnings.store.allow-temp-path=true");
	}

	private static HttpClientSupport client(ConfigurableApplicationContext service) {
		return new HttpClientSupport(
				Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")));
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.delete(path);
			}
		}
	}

}

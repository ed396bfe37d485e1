package io.teamlearnings.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.teamlearnings.LearningsApplication;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults the service must survive with nothing acknowledged lost and still answering.
 */
class FaultTests {

	private final Path dataDir = TestStores.newDirectory("fault-data");

	private final Path root = TestStores.newDirectory("fault-repo");

	private final Path memories = TestStores.newDirectory("fault-memories");

	@Test
	void answers503AndLeavesTheFileAsItWasWhenTheStoreIsReadOnly() throws Exception {
		try (ConfigurableApplicationContext service = start()) {
			HttpClientSupport http = client(service);
			http.postJson("/api/repos/app/learnings", HttpClientSupport.learningJson("First rule stays.", "do_more"));
			Path file = this.root.resolve(".learnings.jsonl");
			byte[] before = Files.readAllBytes(file);
			assumeTrue(chattr("+i", file), "chattr +i is not available here");
			try {
				Response refused = http.postJson("/api/repos/app/learnings",
						HttpClientSupport.learningJson("Second rule cannot be written.", "do_more"));
				assertThat(refused.status()).isEqualTo(503);
				assertThat(refused.json().get("detail").asString()).contains("could not be written",
						"nothing was appended");
				assertThat(http.get("/api/repos/app/learnings").status()).isEqualTo(200);
			}
			finally {
				chattr("-i", file);
			}
			assertThat(Files.readAllBytes(file)).isEqualTo(before);
		}
	}

	@Test
	void rebuildsACorruptedIndexFromTheFileOnStart() throws Exception {
		String id;
		try (ConfigurableApplicationContext service = start()) {
			id = client(service)
				.postJson("/api/repos/app/learnings",
						HttpClientSupport.learningJson("A corrupted index is rebuilt.", "codify_now"))
				.json()
				.get("id")
				.asString();
		}
		Path database = this.dataDir.resolve("index/learnings.mv.db");
		Files.write(database, "this is not an H2 database".repeat(100).getBytes());

		try (ConfigurableApplicationContext service = start()) {
			HttpClientSupport http = client(service);
			assertThat(http.get("/api/repos/app/learnings/" + id).status()).isEqualTo(200);
			assertThat(http.get("/api/repos/app/health").json().get("in_sync").asBoolean()).isTrue();
		}
		try (Stream<Path> files = Files.list(this.dataDir.resolve("index"))) {
			assertThat(files.map((path) -> path.getFileName().toString()))
				.anyMatch((name) -> name.contains(".corrupt-"));
		}
	}

	@Test
	void keepsTheCanonicalRowWhenTheNotesDirectoryCannotBeWritten() throws Exception {
		Files.createDirectories(this.memories.resolve("extensions/learnings"));
		Files.writeString(this.memories.resolve("extensions/learnings/notes"), "a file where the directory should be");
		try (ConfigurableApplicationContext service = start()) {
			HttpClientSupport http = client(service);
			String id = http
				.postJson("/api/repos/app/learnings",
						HttpClientSupport.learningJson("Notes failing never undo the row.", "codify_now"))
				.json()
				.get("id")
				.asString();
			JsonNode admitted = http
				.postJson("/api/repos/app/admissions",
						"{\"learning_id\": \"" + id + "\", \"scope\": [\"src\"], \"decision_delta\": \"d\","
								+ " \"future_behavior\": \"f\", \"verification\": \"v\"}")
				.json();
			assertThat(admitted.get("outcome").asString()).isEqualTo("not-attempted");
			assertThat(admitted.get("proof").get(1).asString()).startsWith("memory-note: not-attempted: the notes");
			assertThat(http.get("/api/repos/app/learnings/" + id).status()).isEqualTo(200);
		}
		assertThat(Files.readString(this.root.resolve(".learnings.jsonl"))).contains("Notes failing never undo");
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(LearningsApplication.class).run("--server.port=0",
				"--learnings.data-dir=" + this.dataDir, "--learnings.repos[0].name=app",
				"--learnings.repos[0].root=" + this.root, "--learnings.memory.root=" + this.memories);
	}

	private static HttpClientSupport client(ConfigurableApplicationContext service) {
		return new HttpClientSupport(
				Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")));
	}

	private static boolean chattr(String flag, Path file) throws IOException, InterruptedException {
		try {
			Process process = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
			return process.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

}

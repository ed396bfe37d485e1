package io.teamlearnings.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import io.teamlearnings.LearningsApplication;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults the service must survive with nothing acknowledged lost and still answering.
 * Faults are injected for real, for every user (root included): the store's directory
 * disappears, a file stands where the notes directory should be, the index database is
 * overwritten. The first two happen under the shared service, to its repositories of this
 * class; the last needs a service of its own, stopped and started again.
 */
class FaultTests extends SharedServiceContext {

	private static final String STORE_REPO = "fault-store";

	private static final String NOTES_REPO = "fault-notes";

	private final Path dataDir = TestStores.newDirectory("fault-data");

	private final Path root = TestStores.newDirectory("fault-repo");

	private final Path memories = TestStores.newDirectory("fault-memories");

	@LocalServerPort
	int port;

	/**
	 * The store's directory goes away (an unmounted volume, a deleted checkout), so the
	 * store cannot be written: the file cannot be created where the directory was, which
	 * no permission, not even root's, gets around.
	 */
	@Test
	void answers503AndLeavesTheFileAsItWasWhenTheStoreCannotBeWritten() throws Exception {
		HttpClientSupport http = new HttpClientSupport(this.port);
		Path directory = root(STORE_REPO);
		Path file = directory.resolve(".learnings.jsonl");
		http.postJson("/api/repos/" + STORE_REPO + "/learnings",
				HttpClientSupport.learningJson("When the first rule is appended, keep it in the file.", "do_more"));
		byte[] before = Files.readAllBytes(file);
		Path away = directory.resolveSibling(STORE_REPO + ".unmounted");
		Files.move(directory, away, StandardCopyOption.ATOMIC_MOVE);
		try {
			Response refused = http.postJson("/api/repos/" + STORE_REPO + "/learnings", HttpClientSupport
				.learningJson("When the store directory goes away, run no append and answer 503.", "do_more"));
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.json().get("detail").asString()).contains("could not be written",
					"nothing was appended");
			assertThat(http.get("/api/repos/" + STORE_REPO + "/learnings").status()).isEqualTo(200);
			assertThat(directory).doesNotExist();
		}
		finally {
			Files.move(away, directory, StandardCopyOption.ATOMIC_MOVE);
		}
		assertThat(Files.readAllBytes(file)).isEqualTo(before);
		JsonNode health = http.get("/api/repos/" + STORE_REPO + "/health").json();
		assertThat(health.get("rows_in_index").asLong()).isEqualTo(1);
		assertThat(health.get("in_sync").asBoolean()).isTrue();
	}

	@Test
	void rebuildsACorruptedIndexFromTheFileOnStart() throws Exception {
		String id;
		try (ConfigurableApplicationContext service = start()) {
			id = client(service).postJson("/api/repos/app/learnings", HttpClientSupport.learningJson(
					"When the index database is corrupted, treat the file as the truth and rebuild it.", "codify_now"))
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

	/**
	 * H2 closes the database when its writer fails (an OutOfMemoryError in it did, before
	 * the recall corpus had a budget); after that every request that reads the index
	 * fails, so the service must say it is not ready, for a load balancer or an
	 * orchestrator to act on.
	 */
	@Test
	void isNotReadyOnceTheIndexDatabaseIsClosed() throws Exception {
		try (ConfigurableApplicationContext service = start()) {
			HttpClientSupport http = client(service);
			assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

			service.getBean(JdbcTemplate.class).execute("SHUTDOWN");

			Response readiness = http.get("/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(503);
			assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
			assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
		}
	}

	/**
	 * The shared service's notes directory is a file for the length of this test (its
	 * notes, if any, are set aside and put back).
	 */
	@Test
	void keepsTheCanonicalRowWhenTheNotesDirectoryCannotBeWritten() throws Exception {
		Path notes = memories().resolve("extensions/learnings/notes");
		Path aside = notes.resolveSibling("notes.aside");
		Files.createDirectories(notes.getParent());
		boolean setAside = Files.exists(notes);
		if (setAside) {
			Files.move(notes, aside, StandardCopyOption.ATOMIC_MOVE);
		}
		Files.writeString(notes, "a file where the directory should be");
		try {
			HttpClientSupport http = new HttpClientSupport(this.port);
			String id = http.postJson("/api/repos/" + NOTES_REPO + "/learnings",
					HttpClientSupport.learningJson(
							"When the notes directory cannot be written, keep the row because notes failing never "
									+ "undo the row.",
							"codify_now"))
				.json()
				.get("id")
				.asString();
			JsonNode admitted = http
				.postJson("/api/repos/" + NOTES_REPO + "/admissions",
						"{\"learning_id\": \"" + id + "\", \"scope\": [\"src\"], \"decision_delta\": \"d\","
								+ " \"future_behavior\": \"f\", \"verification\": \"v\"}")
				.json();
			assertThat(admitted.get("outcome").asString()).isEqualTo("not-attempted");
			assertThat(admitted.get("proof").get(1).asString()).startsWith("memory-note: not-attempted: the notes");
			assertThat(http.get("/api/repos/" + NOTES_REPO + "/learnings/" + id).status()).isEqualTo(200);
		}
		finally {
			Files.delete(notes);
			if (setAside) {
				Files.move(aside, notes, StandardCopyOption.ATOMIC_MOVE);
			}
		}
		assertThat(Files.readString(root(NOTES_REPO).resolve(".learnings.jsonl"))).contains("notes failing never undo");
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(LearningsApplication.class).run("--server.port=0",
				"--learnings.data-dir=" + this.dataDir, "--learnings.repos[0].name=app",
				"--learnings.repos[0].root=" + this.root, "--learnings.memory.root=" + this.memories,
				"--learnings.store.allow-temp-path=true");
	}

	private static HttpClientSupport client(ConfigurableApplicationContext service) {
		return new HttpClientSupport(
				Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")));
	}

}

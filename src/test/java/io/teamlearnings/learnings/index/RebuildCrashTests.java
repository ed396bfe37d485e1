package io.teamlearnings.learnings.index;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.teamlearnings.LearningsApplication;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.LearningLines;
import io.teamlearnings.support.ServiceProcess;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service process killed with SIGKILL in the middle of a rebuild, after it committed
 * chunks of rows of the new generation: the index the next start finds still serves every
 * row of the old generation, the half-built one is never live, and the next start
 * rebuilds and deletes it. The killed service runs in a process of its own, with
 * directories of its own, so this class runs beside the others.
 */
@Execution(ExecutionMode.CONCURRENT)
class RebuildCrashTests {

	private static final int ROWS = 30_000;

	private static final String REPO = "rebuild-crash";

	private final Path root = TestStores.newDirectory("rebuild-crash-repo");

	private final Path dataDir = TestStores.newDirectory("rebuild-crash-data");

	private final Path tmpDir = TestStores.newDirectory("rebuild-crash-tmp");

	@Test
	void aRebuildKilledHalfwayLeavesTheOldRowsServingAndRunsAgainAtTheNextStart() throws Exception {
		LearningLines.write(this.root, rows());
		int port = ServiceProcess.freePort();
		HttpClientSupport http = new HttpClientSupport(port);
		Path log = this.dataDir.resolve("killed.log");
		String digest;
		Process service = ServiceProcess.start(this.tmpDir, log, "--server.port=" + port,
				"--learnings.data-dir=" + this.dataDir, "--learnings.repos[0].name=" + REPO,
				"--learnings.repos[0].root=" + this.root, "--learnings.store.allow-temp-path=true",
				"--logging.level.io.teamlearnings.learnings.index.LineIndexer=DEBUG");
		try {
			ServiceProcess.awaitReady(http, service);
			JsonNode health = http.get("/api/repos/" + REPO + "/health").json();
			assertThat(health.get("rows_in_index").asLong()).isEqualTo(ROWS);
			digest = health.get("index_digest").asString();
			HttpClient.newHttpClient()
				.sendAsync(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/api/repos/" + REPO + "/reindex"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.discarding());
			// four chunks committed, then time for H2 to write them (it writes commits
			// within half a second)
			awaitLine(log, " to " + 4 * LineIndexer.CHUNK_LINES + " of " + REPO + " into generation 2");
			Thread.sleep(700);
		}
		finally {
			service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}

		Map<Long, String> states = new LinkedHashMap<>();
		List<Long> halfBuiltRows = new ArrayList<>();
		try (Connection index = DriverManager.getConnection("jdbc:h2:file:" + this.dataDir.resolve("index/learnings"),
				"sa", ""); Statement sql = index.createStatement()) {
			assertThat(single(sql, "SELECT generation FROM index_state WHERE repo = '" + REPO + "'")).isOne();
			assertThat(single(sql, "SELECT COUNT(*) FROM learning_row WHERE repo = '" + REPO + "'")).isEqualTo(ROWS);
			try (ResultSet generations = sql
				.executeQuery("SELECT generation, state FROM index_generation ORDER BY generation")) {
				while (generations.next()) {
					states.put(generations.getLong(1), generations.getString(2));
				}
			}
			for (long generation : states.keySet()) {
				if (generation != 1) {
					halfBuiltRows.add(single(sql, "SELECT COUNT(*) FROM indexed_row WHERE generation = " + generation));
				}
			}
		}
		assertThat(states).containsEntry(1L, "live");
		assertThat(states).containsEntry(2L, "building");
		assertThat(halfBuiltRows).hasSize(1)
			.allSatisfy(
					(rows) -> assertThat(rows).isGreaterThanOrEqualTo(4 * LineIndexer.CHUNK_LINES).isLessThan(ROWS));

		try (ConfigurableApplicationContext restarted = restart()) {
			HttpClientSupport after = new HttpClientSupport(
					Integer.parseInt(restarted.getEnvironment().getRequiredProperty("local.server.port")));
			JsonNode health = after.get("/api/repos/" + REPO + "/health").json();
			assertThat(health.get("in_sync").asBoolean()).isTrue();
			assertThat(health.get("repaired").asBoolean()).isFalse();
			assertThat(health.get("rows_in_index").asLong()).isEqualTo(ROWS);
			assertThat(health.get("index_digest").asString()).isEqualTo(digest);
			JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT generation FROM index_state WHERE repo = ?", Long.class, REPO))
				.isGreaterThan(states.keySet().stream().mapToLong(Long::longValue).max().orElseThrow());
			awaitOneGeneration(jdbc);
		}
	}

	/**
	 * The service again, on the same files: started in this JVM, which takes a second
	 * where a new JVM takes ten.
	 */
	private ConfigurableApplicationContext restart() {
		return new SpringApplicationBuilder(LearningsApplication.class).run("--server.port=0",
				"--learnings.data-dir=" + this.dataDir, "--learnings.repos[0].name=" + REPO,
				"--learnings.repos[0].root=" + this.root, "--learnings.store.allow-temp-path=true");
	}

	private static LearningLines.Line[] rows() {
		List<LearningLines.Line> rows = new ArrayList<>();
		for (int i = 1; i <= ROWS; i++) {
			rows.add(LearningLines.row("lrn-crash-" + i)
				.learning("When rebuild row " + i + " is written, keep the old generation live because readers use it.")
				.evidence("run " + i + " passed")
				.application("Rebuild row " + i + " again after a crash."));
		}
		return rows.toArray(LearningLines.Line[]::new);
	}

	private static long single(Statement sql, String query) throws SQLException {
		try (ResultSet result = sql.executeQuery(query)) {
			assertThat(result.next()).as(query).isTrue();
			return result.getLong(1);
		}
	}

	/** Waits until the service's log has a line containing {@code text}. */
	private static void awaitLine(Path log, String text) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(ServiceProcess.READY_SECONDS));
		while (Instant.now().isBefore(deadline)) {
			if (Files.exists(log) && Files.readString(log).contains(text)) {
				return;
			}
			Thread.sleep(10);
		}
		throw new AssertionError("the service never logged '" + text + "'");
	}

	/** Waits until the rows of every generation but the live one are deleted. */
	private static void awaitOneGeneration(JdbcTemplate jdbc) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		long generations;
		long rows;
		do {
			Thread.sleep(100);
			generations = jdbc.queryForObject("SELECT COUNT(*) FROM index_generation", Long.class);
			rows = jdbc.queryForObject("SELECT COUNT(*) FROM indexed_row", Long.class);
		}
		while ((generations != 1 || rows != ROWS) && Instant.now().isBefore(deadline));
		assertThat(generations).isOne();
		assertThat(rows).isEqualTo(ROWS);
	}

}

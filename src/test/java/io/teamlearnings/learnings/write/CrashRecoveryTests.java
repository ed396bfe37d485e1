package io.teamlearnings.learnings.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.teamlearnings.LearningsApplication;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.ServiceProcess;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service process killed with SIGKILL in the middle of sustained appends: after a
 * restart, every append it acknowledged is in the file and in the index. The killed
 * service runs in a process of its own; it and the restarted one have directories of
 * their own, so this class runs beside the others (junit-platform.properties): most of
 * its time is spent waiting for the process to start.
 */
@Execution(ExecutionMode.CONCURRENT)
class CrashRecoveryTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Path root = TestStores.newDirectory("crash-repo");

	private final Path dataDir = TestStores.newDirectory("crash-data");

	/** The service's own temporary files (Tomcat's), which a killed process leaves. */
	private final Path tmpDir = TestStores.newDirectory("crash-tmp");

	@Test
	void everyAcknowledgedAppendSurvivesAKill() throws Exception {
		int port = ServiceProcess.freePort();
		HttpClientSupport http = new HttpClientSupport(port);
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService clients = Executors.newFixedThreadPool(4);

		Process service = start(port, "first");
		try {
			ServiceProcess.awaitReady(http, service);
			for (int c = 0; c < 4; c++) {
				int client = c;
				clients.submit(() -> {
					for (int i = 0; running.get(); i++) {
						try {
							Response response = http.postJson("/api/repos/crash/learnings?force=true",
									HttpClientSupport.learningJson("When client " + client + " appends rule number " + i
											+ " before the crash, keep it on disk.", "do_more"));
							if (response.status() == 201) {
								acknowledged.add(response.json().get("id").asString());
							}
						}
						catch (IllegalStateException ex) {
							// the service is gone: keep trying until the test stops the
							// clients
						}
					}
				});
			}
			awaitAcknowledged(acknowledged, 200);
		}
		finally {
			service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			running.set(false);
			clients.shutdown();
			clients.awaitTermination(30, TimeUnit.SECONDS);
		}
		Set<String> acknowledgedBeforeKill = Set.copyOf(acknowledged);

		try (ConfigurableApplicationContext restarted = restart()) {
			HttpClientSupport after = new HttpClientSupport(
					Integer.parseInt(restarted.getEnvironment().getRequiredProperty("local.server.port")));
			Set<String> inFile = new HashSet<>();
			for (String line : Files.readAllLines(this.root.resolve(".learnings.jsonl"))) {
				inFile.add(MAPPER.readTree(line).get("id").asString());
			}
			assertThat(inFile).containsAll(acknowledgedBeforeKill);

			JsonNode health = after.get("/api/repos/crash/health").json();
			assertThat(health.get("in_sync").asBoolean()).isTrue();
			assertThat(health.get("malformed")).isEmpty();
			assertThat(health.get("rows_in_index").asLong()).isEqualTo(inFile.size());
			List<String> missingFromIndex = new ArrayList<>();
			for (String id : acknowledgedBeforeKill) {
				if (after.get("/api/repos/crash/learnings/" + id).status() != 200) {
					missingFromIndex.add(id);
				}
			}
			assertThat(missingFromIndex).isEmpty();
		}
	}

	/**
	 * The service again, on the same files: started in this JVM (as the index rebuild
	 * tests restart theirs), which takes a second where a new JVM takes ten.
	 */
	private ConfigurableApplicationContext restart() {
		return new SpringApplicationBuilder(LearningsApplication.class).run("--server.port=0",
				"--learnings.data-dir=" + this.dataDir, "--learnings.repos[0].name=crash",
				"--learnings.repos[0].root=" + this.root, "--learnings.store.allow-temp-path=true");
	}

	private Process start(int port, String run) throws IOException {
		return ServiceProcess.start(this.tmpDir, this.dataDir.resolve(run + ".log"), "--server.port=" + port,
				"--learnings.data-dir=" + this.dataDir, "--learnings.repos[0].name=crash",
				"--learnings.repos[0].root=" + this.root, "--learnings.store.allow-temp-path=true");
	}

	private static void awaitAcknowledged(Set<String> acknowledged, int count) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (acknowledged.size() < count && Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(count);
	}

}

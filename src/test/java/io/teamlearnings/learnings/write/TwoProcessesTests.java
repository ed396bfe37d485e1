package io.teamlearnings.learnings.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.teamlearnings.LearningsApplication;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.ServiceProcess;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service processes over one repository directory, each with its own index: one in
 * this JVM, one in a JVM of its own (the OS lock on the store is per process). Appends
 * from both sides go through the OS lock on {@code .learnings.jsonl.lock}, so the file
 * gets whole lines, one row per rule, and both indexes equal the file. The processes,
 * repository and directories are this class's own, so it runs beside the others
 * (junit-platform.properties); its own tests run one after the other, as two of them hold
 * the lock file from this JVM.
 */
@Execution(ExecutionMode.CONCURRENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoProcessesTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String REPO = "shared";

	private static final int CLIENTS_PER_SIDE = 3;

	private static final int RULES_PER_CLIENT = 8;

	private static final int SHARED_RULES = 24;

	private final Path root = TestStores.newDirectory("two-processes-repo");

	private final Path dataInJvm = TestStores.newDirectory("two-processes-data-a");

	private final Path dataOther = TestStores.newDirectory("two-processes-data-b");

	private final Path tmpOther = TestStores.newDirectory("two-processes-tmp-b");

	private final Path storeFile = this.root.resolve(".learnings.jsonl");

	private Process other;

	private HttpClientSupport otherHttp;

	private ConfigurableApplicationContext inJvm;

	private HttpClientSupport inJvmHttp;

	@BeforeAll
	void startBoth() throws Exception {
		int port = ServiceProcess.freePort();
		this.other = start(port);
		this.otherHttp = new HttpClientSupport(port);
		this.inJvm = new SpringApplicationBuilder(LearningsApplication.class).run("--server.port=0",
				"--learnings.data-dir=" + this.dataInJvm, "--learnings.repos[0].name=" + REPO,
				"--learnings.repos[0].root=" + this.root, "--learnings.store.allow-temp-path=true");
		this.inJvmHttp = new HttpClientSupport(
				Integer.parseInt(this.inJvm.getEnvironment().getRequiredProperty("local.server.port")));
		ServiceProcess.awaitReady(this.otherHttp, this.other);
	}

	@AfterAll
	void stopBoth() throws InterruptedException {
		if (this.inJvm != null) {
			this.inJvm.close();
		}
		if (this.other != null) {
			this.other.destroy();
			if (!this.other.waitFor(20, TimeUnit.SECONDS)) {
				this.other.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	@Execution(ExecutionMode.SAME_THREAD)
	void concurrentAppendsFromTwoProcessesLandOnceEachAndBothIndexesEqualTheFile() throws Exception {
		// rows another test of this class appended before
		long before = Files.exists(this.storeFile) ? Files.readAllLines(this.storeFile).size() : 0;
		List<HttpClientSupport> sides = List.of(this.inJvmHttp, this.otherHttp);
		ExecutorService clients = Executors.newFixedThreadPool(2 * CLIENTS_PER_SIDE + 2);
		CountDownLatch go = new CountDownLatch(1);
		CyclicBarrier together = new CyclicBarrier(2);
		List<Future<List<Answer>>> distinct = new ArrayList<>();
		List<List<Future<List<Answer>>>> shared = List.of(new ArrayList<>(), new ArrayList<>());
		try {
			for (int side = 0; side < 2; side++) {
				HttpClientSupport http = sides.get(side);
				for (int client = 0; client < CLIENTS_PER_SIDE; client++) {
					String who = "side " + (char) ('a' + side) + " client " + client;
					distinct.add(clients.submit(() -> {
						go.await();
						List<Answer> answers = new ArrayList<>();
						for (int i = 0; i < RULES_PER_CLIENT; i++) {
							answers.add(append(http, "When " + who + " records rule " + i
									+ ", prefer one locked append because two processes share the file."));
						}
						return answers;
					}));
				}
				// the same rules, each sent to both processes at the same moment
				shared.get(side).add(clients.submit(() -> {
					go.await();
					List<Answer> answers = new ArrayList<>();
					for (int i = 0; i < SHARED_RULES; i++) {
						together.await(30, TimeUnit.SECONDS);
						answers.add(append(http, sharedRule(i)));
					}
					return answers;
				}));
			}
			go.countDown();

			Set<String> acknowledged = new HashSet<>();
			for (Future<List<Answer>> client : distinct) {
				for (Answer answer : client.get(60, TimeUnit.SECONDS)) {
					assertThat(answer.status()).as(answer.body()).isEqualTo(201);
					acknowledged.add(answer.id());
				}
			}
			assertThat(acknowledged).hasSize(2 * CLIENTS_PER_SIDE * RULES_PER_CLIENT);
			List<Answer> fromA = shared.get(0).get(0).get(60, TimeUnit.SECONDS);
			List<Answer> fromB = shared.get(1).get(0).get(60, TimeUnit.SECONDS);
			for (int i = 0; i < SHARED_RULES; i++) {
				Answer a = fromA.get(i);
				Answer b = fromB.get(i);
				assertThat(List.of(a.status(), b.status())).as("one side appends shared rule %d, the other skips it", i)
					.containsExactlyInAnyOrder(201, 200);
				assertThat(a.outcome() + " " + b.outcome()).contains("appended").contains("duplicate-skip");
				assertThat(a.id()).as("both answers name the one row").isEqualTo(b.id());
				acknowledged.add(a.id());
			}

			byte[] bytes = Files.readAllBytes(this.storeFile);
			assertThat(bytes[bytes.length - 1]).as("the file ends with a whole line").isEqualTo((byte) '\n');
			List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
			Map<String, Integer> idCounts = new HashMap<>();
			Set<String> fingerprints = new HashSet<>();
			for (String line : lines) {
				JsonNode row = MAPPER.readTree(line);
				assertThat(row.isObject()).as("a whole row per line: %s", line).isTrue();
				assertThat(row.get("learning").asString()).as("one row per line: %s", line).startsWith("When ");
				assertThat(fingerprints.add(row.get("fingerprint").asString())).as("fingerprint of %s is new", line)
					.isTrue();
				idCounts.merge(row.get("id").asString(), 1, Integer::sum);
			}
			assertThat(lines).hasSize((int) before + 2 * CLIENTS_PER_SIDE * RULES_PER_CLIENT + SHARED_RULES);
			for (String id : acknowledged) {
				assertThat(idCounts.get(id)).as("acknowledged row %s is in the file once", id).isEqualTo(1);
			}

			for (HttpClientSupport http : sides) {
				JsonNode health = http.get("/api/repos/" + REPO + "/health").json();
				assertThat(health.get("in_sync").asBoolean()).as(health.toString()).isTrue();
				assertThat(health.get("rows_in_index").asLong()).isEqualTo(lines.size());
				assertThat(health.get("malformed")).isEmpty();
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	@Execution(ExecutionMode.SAME_THREAD)
	void anAppendWhileAnotherProcessHoldsTheLockWaitsThenIsRefusedNamingTheFile() throws Exception {
		Path lockFile = this.root.resolve(".learnings.jsonl.lock");
		String before = Files.exists(this.storeFile) ? Files.readString(this.storeFile) : "";
		Response refused;
		// this JVM is a process of its own to the other service: its lock is what the
		// other service waits for
		JsonNode healthWhileWaiting = null;
		// once before: the health asked while the append waits must not be the other
		// service's first, which on a loaded machine can outlast the 2 s wait
		assertThat(this.otherHttp.get("/api/repos/" + REPO + "/health").status()).isEqualTo(200);
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock held = channel.lock()) {
			channel.truncate(0);
			channel.write(
					ByteBuffer.wrap(
							"pid 4242 on the-tool-host since 2026-11-30T05:00:00Z\n".getBytes(StandardCharsets.UTF_8)),
					0);
			Instant start = Instant.now();
			CompletableFuture<Response> append = CompletableFuture
				.supplyAsync(() -> this.otherHttp.postJson("/api/repos/" + REPO + "/learnings",
						json("When another process holds the store lock, prefer waiting because 3 tests passed.")));
			while (!append.isDone() && healthWhileWaiting == null) {
				JsonNode health = this.otherHttp.get("/api/repos/" + REPO + "/health").json();
				healthWhileWaiting = health.has("lock_wait") ? health : null;
				Thread.sleep(100);
			}
			refused = append.get();
			assertThat(Duration.between(start, Instant.now())).as(refused.body())
				.isGreaterThanOrEqualTo(Duration.ofMillis(1500));
		}
		assertThat(healthWhileWaiting).as("health while the append waits").isNotNull();
		assertThat(healthWhileWaiting.get("healthy").asBoolean()).isFalse();
		assertThat(healthWhileWaiting.get("lock_wait").get("lock_file").asString()).isEqualTo(lockFile.toString());
		assertThat(healthWhileWaiting.get("lock_wait").get("holder").asString())
			.isEqualTo("pid 4242 on the-tool-host since 2026-11-30T05:00:00Z");
		assertThat(this.otherHttp.get("/api/repos/" + REPO + "/health").json().has("lock_wait")).isFalse();
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("lock").asString()).isEqualTo(lockFile.toString());
		assertThat(refused.json().get("detail").asString()).contains(lockFile.toString())
			.contains("nothing was written");
		assertThat(Files.exists(this.storeFile) ? Files.readString(this.storeFile) : "").isEqualTo(before);
	}

	@Test
	@Execution(ExecutionMode.SAME_THREAD)
	void appendsRefusedOneAfterAnotherWhileAnotherProcessHoldsTheLockLeaveTheNextAppendFree() throws Exception {
		Path lockFile = this.root.resolve(".learnings.jsonl.lock");
		List<CompletableFuture<Response>> waiting = new ArrayList<>();
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock held = channel.lock()) {
			for (int i = 0; i < 3; i++) {
				String learning = "When append " + i
						+ " waits behind another process, prefer 503 because 3 tests passed.";
				waiting.add(CompletableFuture
					.supplyAsync(() -> this.otherHttp.postJson("/api/repos/" + REPO + "/learnings", json(learning))));
			}
			// each waits its own lock wait (2 s), one after the other
			assertThat(waiting)
				.allSatisfy((append) -> assertThat(append.get(30, TimeUnit.SECONDS).status()).isEqualTo(503));
		}

		Response next = this.otherHttp.postJson("/api/repos/" + REPO + "/learnings",
				json("When the other process lets go of the lock, prefer appending at once because 3 tests passed."));

		assertThat(next.status()).as(next.body()).isEqualTo(201);
	}

	private static String sharedRule(int i) {
		return "When both instances receive shared rule " + i + ", prefer one locked append because 3 tests passed.";
	}

	private static String json(String learning) {
		return MAPPER.writeValueAsString(MAPPER.createObjectNode()
			.put("learning", learning)
			.put("status", "do_more")
			.put("application", "Take the store lock before every append.")
			.set("evidence", MAPPER.createArrayNode().add("3 tests passed")));
	}

	/** One answer to an append. */
	private record Answer(int status, String body, String outcome, String id) {
	}

	private static Answer append(HttpClientSupport http, String learning) {
		// force: the rules differ only by their numbers, which near-duplicate checks
		// would take for one rule; an exact duplicate is skipped even when forced
		Response response = http.postJson("/api/repos/" + REPO + "/learnings?force=true", json(learning));
		if (response.status() != 200 && response.status() != 201) {
			return new Answer(response.status(), response.body(), "", "");
		}
		JsonNode body = response.json();
		return new Answer(response.status(), response.body(), body.get("outcome").asString(),
				body.get("id").asString());
	}

	private Process start(int port) throws IOException {
		return ServiceProcess.start(this.tmpOther, this.dataOther.resolve("service.log"), "--server.port=" + port,
				"--learnings.data-dir=" + this.dataOther, "--learnings.repos[0].name=" + REPO,
				"--learnings.repos[0].root=" + this.root, "--learnings.store.allow-temp-path=true",
				"--learnings.store.lock-wait=2s");
	}

}

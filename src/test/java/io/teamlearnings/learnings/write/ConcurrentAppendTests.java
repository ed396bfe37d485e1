package io.teamlearnings.learnings.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients appending at once over HTTP: no torn or interleaved line, no lost row, and
 * one row for one rule however many send it.
 */
class ConcurrentAppendTests extends SharedServiceContext {

	private static final Path DISTINCT = root("concurrent-distinct");

	private static final Path SAME = root("concurrent-same");

	private static final Path NEAR = root("concurrent-near");

	private static final Path CHAIN = root("concurrent-chain");

	private static final Path READ_BACK = root("concurrent-read-back");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final int THREADS = 8;

	@LocalServerPort
	int port;

	@Test
	void eightClientsAppendingFiveHundredRulesEachLeaveFourThousandWholeRows() throws Exception {
		HttpClientSupport http = new HttpClientSupport(this.port);
		List<Integer> statuses = runConcurrently((thread) -> () -> {
			List<Integer> codes = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				codes.add(http
					.postJson("/api/repos/concurrent-distinct/learnings?force=true",
							HttpClientSupport
								.learningJson("When client " + thread + " appends rule " + i + ", keep its own wording "
										+ (thread * 1000 + i) + " because every rule is distinct.", "do_more"))
					.status());
			}
			return codes;
		});

		assertThat(statuses).hasSize(4000).containsOnly(201);
		List<String> lines = Files.readAllLines(DISTINCT.resolve(".learnings.jsonl"));
		assertThat(lines).hasSize(4000);
		Set<String> ids = new HashSet<>();
		for (String line : lines) {
			JsonNode row = MAPPER.readTree(line);
			ids.add(row.get("id").asString());
		}
		assertThat(ids).hasSize(4000);
		JsonNode health = http.get("/api/repos/concurrent-distinct/health").json();
		assertThat(health.get("rows_in_index").asLong()).isEqualTo(4000);
		assertThat(health.get("in_sync").asBoolean()).isTrue();
		assertThat(health.get("healthy").asBoolean()).isTrue();
	}

	@Test
	void eightClientsAppendingTheSameRuleLeaveOneRow() throws Exception {
		HttpClientSupport http = new HttpClientSupport(this.port);
		String rule = HttpClientSupport.learningJson("When eight agents learn the same thing, keep it once.",
				"codify_now");
		List<Response> responses = postConcurrently(http, (thread) -> "/api/repos/concurrent-same/learnings",
				(thread) -> rule);

		assertThat(responses).extracting(Response::status).containsOnlyOnce(201).containsOnly(201, 200);
		assertThat(responses).filteredOn((response) -> response.status() == 200)
			.allSatisfy((response) -> assertThat(response.json().get("proof").asString())
				.startsWith("duplicate-skip: fingerprint="));
		assertThat(Files.readAllLines(SAME.resolve(".learnings.jsonl"))).hasSize(1);
	}

	@Test
	void eightClientsAppendingOneRuleInOtherWordsAtOnceLeaveOneRow() throws Exception {
		HttpClientSupport http = new HttpClientSupport(this.port);
		List<String> variants = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel");
		List<Response> responses = postConcurrently(http, (thread) -> "/api/repos/concurrent-near/learnings",
				(thread) -> HttpClientSupport.learningJson(
						"When parallel agents capture flaky integration tests, "
								+ "keep them quarantined behind a retry budget " + variants.get(thread) + ".",
						"do_more"));

		assertThat(responses).extracting(Response::status).containsOnlyOnce(201).containsOnly(201, 200);
		String kept = createdId(responses);
		assertThat(responses).filteredOn((response) -> response.status() == 200)
			.allSatisfy((response) -> assertThat(response.json().get("proof").asString())
				.startsWith("duplicate-skip: near-duplicate")
				.contains("existing_id=" + kept));
		assertThat(Files.readAllLines(NEAR.resolve(".learnings.jsonl"))).hasSize(1);
	}

	@Test
	void eightClientsSupersedingOneRowAtOnceLeaveOneSuccessor() throws Exception {
		HttpClientSupport http = new HttpClientSupport(this.port);
		String head = http
			.postJson("/api/repos/concurrent-chain/learnings",
					HttpClientSupport.learningJson(
							"When the slow suite blocks pushes, run it nightly, not on every push.", "do_less"))
			.json()
			.get("id")
			.asString();
		List<Response> responses = postConcurrently(http,
				(thread) -> "/api/repos/concurrent-chain/learnings/" + head + "/supersede?force=true",
				(thread) -> HttpClientSupport.learningJson(
						"When the slow suite blocks pushes, run it on merge, client " + thread + " says.", "do_more"));

		assertThat(responses).extracting(Response::status).containsOnlyOnce(201).containsOnly(201, 409);
		String successor = createdId(responses);
		assertThat(responses).filteredOn((response) -> response.status() == 409)
			.allSatisfy((response) -> assertThat(response.body()).contains(successor));
		assertThat(Files.readAllLines(CHAIN.resolve(".learnings.jsonl"))).hasSize(2);
	}

	@Test
	void everyClientReadsItsRowBackAndRecallsItTheMomentItsAppendIsAnswered() throws Exception {
		// rows are indexed after their append is answered; reads catch the index up
		HttpClientSupport http = new HttpClientSupport(this.port);
		int appends = 25;
		List<Integer> statuses = runConcurrently((thread) -> () -> {
			List<Integer> codes = new ArrayList<>();
			for (int i = 0; i < appends; i++) {
				String word = uniqueWord(thread * appends + i);
				Response appended = http.postJson("/api/repos/concurrent-read-back/learnings?force=true",
						HttpClientSupport.learningJson(
								"When reader " + word
										+ " appends a rule, keep it readable at once because reads catch the index up.",
								"do_more"));
				codes.add(appended.status());
				String id = appended.json().get("id").asString();
				long line = appended.json().get("learning").get("line").asLong();

				Response read = http.get("/api/repos/concurrent-read-back/learnings/" + id);
				Response recalled = http.get("/api/repos/concurrent-read-back/learnings/recall?limit=1&query=" + word);

				assertThat(read.status()).as("GET of %s", id).isEqualTo(200);
				assertThat(read.json().get("line").asLong()).as("line of %s", id).isEqualTo(line);
				assertThat(read.json().get("row").get("id").asString()).isEqualTo(id);
				assertThat(recalled.status()).as("recall of %s", word).isEqualTo(200);
				assertThat(recalled.json().get("hits")).as("hits for %s", word)
					.singleElement()
					.satisfies((hit) -> assertThat(hit.get("id").asString()).isEqualTo(id));
			}
			return codes;
		});

		assertThat(statuses).hasSize(THREADS * appends).containsOnly(201);
		assertThat(Files.readAllLines(READ_BACK.resolve(".learnings.jsonl"))).hasSize(THREADS * appends);
	}

	/**
	 * A word no other row of the test contains, one per number: its digits as consonants,
	 * which no stemming rule shortens into another number's word.
	 */
	private static String uniqueWord(int number) {
		StringBuilder word = new StringBuilder("quokka");
		for (char digit : Integer.toString(number).toCharArray()) {
			word.append("bcdfghkmpr".charAt(digit - '0'));
		}
		return word.toString();
	}

	/** Each of the clients posts its body at once; the answers, in any order. */
	private static List<Response> postConcurrently(HttpClientSupport http, IntFunction<String> path,
			IntFunction<String> body) throws Exception {
		List<Response> responses = new ArrayList<>();
		runConcurrently((thread) -> () -> {
			Response response = http.postJson(path.apply(thread), body.apply(thread));
			synchronized (responses) {
				responses.add(response);
			}
			return List.of(response.status());
		});
		return responses;
	}

	/** The id of the one row a set of concurrent appends created. */
	private static String createdId(List<Response> responses) {
		return responses.stream()
			.filter((response) -> response.status() == 201)
			.findFirst()
			.orElseThrow()
			.json()
			.get("id")
			.asString();
	}

	private interface Client {

		Callable<List<Integer>> forThread(int thread);

	}

	private static List<Integer> runConcurrently(Client client) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<List<Integer>>> futures = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				futures.add(pool.submit(client.forThread(thread)));
			}
			List<Integer> all = new ArrayList<>();
			for (Future<List<Integer>> future : futures) {
				all.addAll(future.get());
			}
			return all;
		}
		finally {
			pool.shutdownNow();
		}
	}

}

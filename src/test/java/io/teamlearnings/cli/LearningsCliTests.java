package io.teamlearnings.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.SharedServiceContext;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code learnings} command against the running service, called in process as an
 * agent's shell would call it: the learnings skill's own invocations, with the lines the
 * learnings tool prints, on the streams it prints them, and its exit statuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningsCliTests extends SharedServiceContext {

	private static final String STAMP = "2026-11-23T12:00:00Z";

	private static final String HINT = "quality-error: use --quality-mode best_effort only for intentional exceptions.";

	@LocalServerPort
	int port;

	@BeforeAll
	void recallStore() {
		appendTo("cli-recall", "--status", "do_more", "--learning",
				"When a test touches the JSONL store, prefer a temporary repository because the project root has no live store.",
				"--evidence", "./mvnw verify -> a stray .learnings.jsonl appeared", "--application",
				"Create the store under @TempDir in every test that appends.", "--tag", "testing,jsonl");
		appendTo("cli-recall", "--status", "codify_now", "--learning",
				"When the index lags the file, run reindex before trusting recall because stale rows mislead.",
				"--evidence", "reindex.log: 410 rows rebuilt", "--application",
				"Run reindex after editing the file by hand.", "--tag", "index");
		appendTo("cli-recall", "--status", "avoid_for_now", "--learning",
				"When a lock test times out, avoid retry loops because they hide the deadlock.", "--evidence",
				"StoreLockTests failed twice", "--application", "Fix the lock order first.", "--tag", "testing");
	}

	@Test
	void refusesTheSkillsOwnExampleAsTheToolsStrictGateDoes() {
		CliRun run = cli("cli-append", "append", "--path", ".learnings.jsonl", "--status", "do_more", "--learning",
				"When X, prefer Y because Z.", "--evidence", "exact command/result/path", "--application",
				"Do Y first on the next similar task.", "--tag", "example");

		assertThat(run.err()).isEqualTo(
				"quality-error: evidence needs at least one concrete anchor (command outcome, sha/run id, file path, or exact error).\n"
						+ HINT + "\n");
		assertThat(run.out()).isEmpty();
		assertThat(run.status()).isEqualTo(2);
	}

	@Test
	void appendsTheSkillsExampleWithAnchoredEvidenceThenSkipsItAsADuplicate() throws IOException {
		Path store = root("cli-append").resolve(".learnings.jsonl");
		String[] example = { "append", "--path", ".learnings.jsonl", "--status", "do_more", "--learning",
				"When X, prefer Y because Z.", "--evidence", "./mvnw test -> 42 passed", "--application",
				"Do Y first on the next similar task.", "--tag", "example" };

		CliRun appended = cli("cli-append", example);
		CliRun duplicate = cli("cli-append", example);

		assertThat(appended.out())
			.isEqualTo("appended: id=lrn-20261123T120000Z-89ccd4c6 status=do_more path=" + store + "\n");
		assertThat(appended.err()).isEmpty();
		assertThat(appended.status()).isZero();
		assertThat(duplicate.err()).isEqualTo("duplicate-skip: fingerprint=89ccd4c6a81eeb1d "
				+ "existing_id=lrn-20261123T120000Z-89ccd4c6 path=" + store + "\n");
		assertThat(duplicate.out()).isEmpty();
		assertThat(duplicate.status()).isZero();
		assertThat(Files.readAllLines(store)).filteredOn((line) -> line.contains("89ccd4c6a81eeb1d"))
			.singleElement()
			.asString()
			.startsWith("{\"id\":\"lrn-20261123T120000Z-89ccd4c6\",\"captured_at\":\"" + STAMP
					+ "\",\"status\":\"do_more\",\"learning\":\"When X, prefer Y because Z.\",\"evidence\":[\"./mvnw test -> 42 passed\"]")
			.contains("\"source\":\"skill:learnings\"", "\"tags\":[\"example\"]");
	}

	@Test
	void printsTheGatesWarningsOnStandardErrorAndTheProofLineOnStandardOutput() {
		Path store = root("cli-append").resolve(".learnings.jsonl");

		CliRun run = cli("cli-append", "append", "--status", "review_later", "--learning",
				"When a port is taken, use port 0 in tests", "--evidence",
				"java.net.BindException: Address already in use", "--application", "Ask the OS for a free port.");

		assertThat(run.err()).isEqualTo(
				"quality-warning: learning lacks explicit consequence wording (because/to avoid/prevent/otherwise).\n"
						+ "quality-warning: status=review_later used; ensure this uncertainty is itself decision-shaping.\n");
		assertThat(run.out()).startsWith("appended: id=lrn-20261123T120000Z-")
			.endsWith(" status=review_later path=" + store + "\n");
		assertThat(run.status()).isZero();
	}

	@Test
	void refusesAWeakRowWithEveryLineInTheToolsOrder() {
		CliRun run = cli("cli-append", "append", "--status", "review_later", "--learning", "Use caches.", "--evidence",
				"none_provided");

		assertThat(run.err()).isEqualTo("""
				quality-error: learning is too short; include a durable decision rule.
				quality-error: learning must include explicit condition + action (for example: 'When X, prefer Y ...').
				quality-warning: learning lacks explicit consequence wording (because/to avoid/prevent/otherwise).
				quality-error: evidence contains placeholder text.
				quality-error: application must be concrete in strict mode.
				quality-warning: status=review_later used; ensure this uncertainty is itself decision-shaping.
				""" + HINT + "\n");
		assertThat(run.out()).isEmpty();
		assertThat(run.status()).isEqualTo(2);
	}

	@Test
	void recallsAsTheToolsTable() {
		List<String> scores = scores("query=JSONL%20store%20test&limit=5");

		CliRun run = cli("cli-recall", "recall", "--query", "JSONL store test", "--limit", "5", "--drop-superseded");

		assertThat(scores).hasSize(2);
		assertThat(run.out()).isEqualTo(
				"""
						score  captured_at           status         learning                                                                                                        tags           paths
						-----  --------------------  -------------  --------------------------------------------------------------------------------------------------------------  -------------  -----
						%s  2026-11-23T12:00:00Z  do_more        When a test touches the JSONL store, prefer a temporary repository because the project root has no live store.  testing,jsonl       \n\
						%s  2026-11-23T12:00:00Z  avoid_for_now  When a lock test times out, avoid retry loops because they hide the deadlock.                                   testing             \n\
						"""
					.formatted(String.format(Locale.ROOT, "%.3f", Double.parseDouble(scores.get(0))),
							String.format(Locale.ROOT, "%.3f", Double.parseDouble(scores.get(1)))));
		assertThat(run.err()).isEmpty();
		assertThat(run.status()).isZero();
	}

	@Test
	void recallsAsTheToolsJson() {
		String score = scores("query=reindex&limit=1&drop_superseded=false").get(0);

		CliRun run = cli("cli-recall", "recall", "--query", "reindex", "--limit", "1", "--format", "json");

		assertThat(run.out()).isEqualTo(
				"""
						[
						  {
						    "application": "Run reindex after editing the file by hand.",
						    "branch": "unknown",
						    "captured_at": "2026-11-23T12:00:00Z",
						    "day": "2026-11-23",
						    "evidence_count": 1,
						    "evidence_text": "reindex.log: 410 rows rebuilt",
						    "fingerprint": "520745c8e100c3ad",
						    "id": "lrn-20261123T120000Z-520745c8",
						    "learning": "When the index lags the file, run reindex before trusting recall because stale rows mislead.",
						    "learning_snippet": "When the index lags the file, run reindex before trusting recall because stale rows mislead.",
						    "month": "2026-11",
						    "paths_count": 0,
						    "paths_text": "",
						    "related_ids_text": "",
						    "repo": "cli-recall",
						    "score": %s,
						    "source": "skill:learnings",
						    "status": "codify_now",
						    "supersedes_id": "",
						    "tags_count": 1,
						    "tags_text": "index",
						    "text": "When the index lags the file, run reindex before trusting recall because stale rows mislead.\\nRun reindex after editing the file by hand.\\nreindex.log: 410 rows rebuilt\\nindex",
						    "week": "2026-W48"
						  }
						]
						"""
					.formatted(score));
		assertThat(run.status()).isZero();
	}

	@Test
	void listsTheRecentRowsNewestFirstAndOneSecondsRowsInFileOrder() {
		CliRun run = cli("cli-recall", "recent", "--limit", "2");

		assertThat(run.out()).isEqualTo(
				"""
						captured_at           status      learning                                                                                                        tags           paths
						--------------------  ----------  --------------------------------------------------------------------------------------------------------------  -------------  -----
						2026-11-23T12:00:00Z  do_more     When a test touches the JSONL store, prefer a temporary repository because the project root has no live store.  testing,jsonl       \n\
						2026-11-23T12:00:00Z  codify_now  When the index lags the file, run reindex before trusting recall because stale rows mislead.                    index               \n\
						""");
		assertThat(run.status()).isZero();
	}

	@Test
	void listsCodifyCandidatesAsTheToolsTableAndJson() {
		CliRun table = cli("cli-recall", "codify-candidates");
		CliRun json = cli("cli-recall", "codify-candidates", "--format", "json", "--min-count", "1", "--limit", "1");

		assertThat(table.out()).isEqualTo(
				"""
						score  count  last_seen             status      theme                              learning                                                                                    \n\
						-----  -----  --------------------  ----------  ---------------------------------  --------------------------------------------------------------------------------------------
						7      1      2026-11-23T12:00:00Z  codify_now  after before edit file hand index  When the index lags the file, run reindex before trusting recall because stale rows mislead.
						""");
		assertThat(json.out()).isEqualTo(
				"""
						[
						  {
						    "count": 1,
						    "last_seen": "2026-11-23T12:00:00Z",
						    "learning": "When the index lags the file, run reindex before trusting recall because stale rows mislead.",
						    "score": 7,
						    "status": "codify_now",
						    "theme": "after before edit file hand index"
						  }
						]
						""");
		assertThat(List.of(table.status(), json.status())).containsOnly(0);
	}

	@Test
	void writesTheMemoryDigestAndPrintsTheToolsLine() throws IOException {
		Path digest = memories().resolve("extensions/learnings/resources/2026-11-23T12-00-00-learnings-digest.md");
		Files.deleteIfExists(digest);

		CliRun run = cli("cli-recall", "memory-digest");

		assertThat(run.out()).isEqualTo("memory-digest: wrote " + digest + " candidates=2 sources=1\n");
		assertThat(run.err()).isEmpty();
		assertThat(run.status()).isZero();
		assertThat(digest).exists();
	}

	@Test
	void passesTheRankingModeToTheService() {
		CliRun byDefault = cli("cli-recall", "recall", "--query", "JSONL store test", "--drop-superseded");
		CliRun lexical = cli("cli-recall", "recall", "--query", "JSONL store test", "--drop-superseded", "--mode",
				"lexical");
		// semantic recall is off on the tests' service
		CliRun semantic = cli("cli-recall", "recall", "--query", "JSONL store test", "--mode", "semantic");

		assertThat(lexical.out()).isEqualTo(byDefault.out()).contains("When a test touches the JSONL store");
		assertThat(lexical.status()).isZero();
		assertThat(semantic.status()).isNotZero();
		assertThat(semantic.err()).contains("Semantic recall is off");
	}

	@Test
	void saysThereIsNoLearningsFileForAnEmptyStore() {
		CliRun run = cli("cli-empty", "recall", "--query", "anything");

		assertThat(run.out())
			.isEqualTo("(no learnings file at " + root("cli-empty").resolve(".learnings.jsonl") + ")\n");
		assertThat(run.status()).isZero();
	}

	@Test
	void answersUsageErrorsWithTheToolsFirstLineAndStatus2() {
		CliRun missingValue = cli("cli-recall", "recall", "--query", "x", "--limit");
		CliRun missingQuery = cli("cli-recall", "recall");
		CliRun unknownOption = cli("cli-append", "append", "--learning", "When X, prefer Y because Z.", "--bogus");
		CliRun unknownCommand = cli("cli-recall", "frobnicate");
		CliRun negative = cli("cli-recall", "recent", "--limit", "-1");

		assertThat(List.of(missingValue, missingQuery, unknownOption, unknownCommand, negative))
			.extracting((run) -> run.err().lines().findFirst().orElse(""))
			.containsExactly("error: argument --limit: expected one argument",
					"error: argument --query: expected one argument",
					"InvalidArgument: unrecognized arguments: --bogus", "error: missing command",
					"error: expected non-negative integer");
		assertThat(List.of(missingValue, missingQuery, unknownOption, unknownCommand, negative)).allSatisfy((run) -> {
			assertThat(run.status()).isEqualTo(2);
			assertThat(run.out()).isEmpty();
			assertThat(run.err()).contains("Usage: learnings");
		});
	}

	@Test
	void refusesAPathOtherThanTheRepositorysStore() {
		CliRun run = cli("cli-recall", "--path", "notes/other.jsonl", "recent");

		assertThat(run.err()).startsWith("error: --path notes/other.jsonl names another file: the service keeps the "
				+ "store of repository 'cli-recall' at " + root("cli-recall").resolve(".learnings.jsonl"));
		assertThat(run.status()).isEqualTo(2);
	}

	@Test
	void saysTheServiceIsUnreachableWithStatus3() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		Map<String, String> env = Map.of("LEARNINGS_URL", "http://127.0.0.1:" + closed);

		CliRun run = cli(root("cli-recall"), env, "recent");

		assertThat(run.err()).isEqualTo("error: cannot reach the learnings service at http://127.0.0.1:" + closed
				+ ": connection refused (is it running? LEARNINGS_URL sets where it is)\n");
		assertThat(run.out()).isEmpty();
		assertThat(run.status()).isEqualTo(3);
	}

	@Test
	void saysTheRepositoryIsUnknownWithStatus4() {
		Map<String, String> env = new HashMap<>(env());
		env.put("LEARNINGS_REPO", "nope");

		CliRun named = cli(root("cli-recall"), env, "recent");
		CliRun outside = cli(TestStores.newDirectory("no-repo"), env(), "recent");

		assertThat(named.err())
			.isEqualTo("error: No repository named 'nope' is served here; GET /api/repos lists them.\n");
		assertThat(named.status()).isEqualTo(4);
		assertThat(outside.err()).contains(
				" is inside none of the repositories served at http://127.0.0.1:" + this.port,
				"cli-recall at " + root("cli-recall"), "set LEARNINGS_REPO");
		assertThat(outside.status()).isEqualTo(4);
	}

	/** The scores of the service's own recall answer, in order. */
	private List<String> scores(String query) {
		return new HttpClientSupport(this.port).get("/api/repos/cli-recall/learnings/recall?" + query)
			.json()
			.get("hits")
			.valueStream()
			.map((hit) -> hit.get("score").asString())
			.toList();
	}

	private void appendTo(String repo, String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "append";
		System.arraycopy(args, 0, all, 1, args.length);
		CliRun run = cli(repo, all);
		assertThat(run.status()).as(run.err()).isZero();
	}

	private CliRun cli(String repo, String... args) {
		return cli(root(repo), env(), args);
	}

	private Map<String, String> env() {
		return Map.of("LEARNINGS_URL", "http://127.0.0.1:" + this.port);
	}

	private static CliRun cli(Path cwd, Map<String, String> env, String... args) {
		return CliRun.of(cwd, env, args);
	}

}

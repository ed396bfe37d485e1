package io.teamlearnings.learnings.recall;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.teamlearnings.learnings.semantic.EmbeddingModelChoice;
import io.teamlearnings.learnings.semantic.SemanticIndex;
import io.teamlearnings.learnings.semantic.SemanticProperties;
import io.teamlearnings.support.FixedClock;
import io.teamlearnings.support.LabelledRecallSet;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recall that understands paraphrase, measured: lexical, semantic and hybrid recall on
 * the labelled set and on the paraphrase set (questions written by someone who never saw
 * the rows), with the shipped default model embedding the rows in the background as in
 * production. Hybrid must reach MRR 0.90 and recall@5 0.90 on paraphrases, and lose
 * nothing against lexical recall on the labelled set.
 */
@SpringBootTest
@Import(FixedClock.class)
class SemanticRecallQualityTests {

	private static final String REPO = "semantic-quality";

	private static final Path ROOT = TestStores.newDirectory("semantic-quality");

	/**
	 * Two rows, a row with nothing to embed, and the first row again as a teammate's
	 * clone captured it later.
	 */
	private static final String COPIES = "semantic-copies";

	private static final Path COPIES_ROOT = TestStores.newDirectory("semantic-copies");

	/**
	 * 120 rules about a quokka feeder, each withdrawn; a chain of 120 revisions of one
	 * rule about a kiwi orchard's sprinkler; and 3 live rows about each.
	 */
	private static final String HIDDEN = "semantic-hidden";

	private static final Path HIDDEN_ROOT = TestStores.newDirectory("semantic-hidden");

	/** A repository without a file. */
	private static final String EMPTY = "semantic-empty";

	private static final Path EMPTY_ROOT = TestStores.newDirectory("semantic-empty");

	private static final LabelledRecallSet LABELLED = LabelledRecallSet.load();

	private static final LabelledRecallSet PARAPHRASES = LabelledRecallSet.paraphrases();

	private static final String FIRST = LABELLED.jsonl().lines().findFirst().orElseThrow();

	private static final int K = 5;

	private static final Pattern ROW_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	/** Questions about nothing in the rows. */
	private static final List<String> NONSENSE = List.of("zzzz qqqq", "banana bread recipe",
			"how tall is mount everest", "best pizza in naples", "knitting a wool scarf",
			"migration of monarch butterflies", "who won the world cup in 1998", "lorem ipsum dolor sit amet");

	@Autowired
	LearningRecall recall;

	@Autowired
	SemanticIndex semantic;

	@Autowired
	SemanticProperties semanticProperties;

	@DynamicPropertySource
	static void service(DynamicPropertyRegistry registry) {
		TestStores.install(ROOT.resolve(".learnings.jsonl"), LABELLED.jsonl());
		String id = LABELLED.rows().get(0).path("id").asString();
		String copy = FIRST.replace(id, id.replace("lrn-2", "lrn-3"))
			.replace(LABELLED.rows().get(0).path("captured_at").asString(), "2031-01-01T00:00:00Z");
		String blank = "{\"id\":\"lrn-20261130T174800Z-00000000\",\"captured_at\":\"2026-11-30T17:48:00Z\","
				+ "\"status\":\"do_more\",\"learning\":\"   \",\"fingerprint\":\"0000000000000000\"}";
		TestStores.install(COPIES_ROOT.resolve(".learnings.jsonl"), FIRST + "\n"
				+ LABELLED.jsonl().lines().skip(1).findFirst().orElseThrow() + "\n" + blank + "\n" + copy + "\n");
		TestStores.install(HIDDEN_ROOT.resolve(".learnings.jsonl"), hiddenRows());
		TestStores.serve(registry, Map.entry(REPO, ROOT), Map.entry(COPIES, COPIES_ROOT),
				Map.entry(HIDDEN, HIDDEN_ROOT), Map.entry(EMPTY, EMPTY_ROOT));
		registry.add("learnings.recall.semantic.enabled", () -> "true");
		registry.add("learnings.recall.semantic.poll-interval", () -> "200ms");
	}

	@Test
	void hybridRecallFindsParaphrasesAndLosesNothingOnTheLabelledSet() throws InterruptedException {
		awaitEmbeddings();
		RecallResult byDefault = this.recall.recall(REPO,
				new RecallQuery("keep the dock from hiding", 3, true, Set.of(), Set.of(), null, null, List.of()), null);
		assertThat(byDefault.mode()).as("the default once every row is embedded").isEqualTo(RecallQuery.Mode.HYBRID);
		assertThat(byDefault.hits()).isNotEmpty().allSatisfy((hit) -> assertThat(hit.why().fusion()).isNotNull());
		StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-9s %-24s %-24s%n", "mode",
				"labelled nDCG@5 / R@5", "paraphrase MRR / R@5"));
		Map<RecallQuery.Mode, double[]> figures = new java.util.EnumMap<>(RecallQuery.Mode.class);
		for (RecallQuery.Mode mode : RecallQuery.Mode.values()) {
			LabelledRecallSet.Quality labelled = LABELLED.evaluate(ranker(mode), K, null);
			LabelledRecallSet.Quality paraphrase = PARAPHRASES.evaluate(ranker(mode), K, null);
			double mrr = PARAPHRASES.meanReciprocalRank(ranker(mode));
			figures.put(mode, new double[] { labelled.ndcg(), labelled.recall(), mrr, paraphrase.recall() });
			table.append(String.format(Locale.ROOT, "%-9s %.3f / %.3f            %.3f / %.3f%n",
					mode.name().toLowerCase(Locale.ROOT), labelled.ndcg(), labelled.recall(), mrr,
					paraphrase.recall()));
		}
		System.out.print("semantic recall quality (" + LABELLED.queries().size() + " labelled, "
				+ PARAPHRASES.queries().size() + " paraphrase queries)\n" + table);

		double[] lexical = figures.get(RecallQuery.Mode.LEXICAL);
		double[] hybrid = figures.get(RecallQuery.Mode.HYBRID);
		assertThat(hybrid[2]).as("hybrid paraphrase MRR\n" + table).isGreaterThanOrEqualTo(0.90);
		assertThat(hybrid[3]).as("hybrid paraphrase recall@5\n" + table).isGreaterThanOrEqualTo(0.90);
		assertThat(hybrid[0]).as("hybrid labelled nDCG@5 against lexical\n" + table).isGreaterThanOrEqualTo(lexical[0]);
		assertThat(hybrid[1]).as("hybrid labelled recall@5 against lexical\n" + table)
			.isGreaterThanOrEqualTo(lexical[1]);
	}

	@Test
	void showsARuleCapturedInTwoClonesOnceInEveryMode() throws InterruptedException {
		awaitEmbeddings();
		String learning = LABELLED.rows().get(0).path("learning").asString();
		String id = LABELLED.rows().get(0).path("id").asString();
		for (RecallQuery.Mode mode : RecallQuery.Mode.values()) {
			RecallResult result = this.recall.recall(COPIES,
					new RecallQuery(learning, 10, true, Set.of(), Set.of(), null, null, List.of()), mode);
			assertThat(result.hits()).as(mode.value())
				.extracting(RecallResult.Hit::id)
				.containsOnlyOnce(id)
				.doesNotContain(id.replace("lrn-2", "lrn-3"));
		}
	}

	@Test
	void embedsEveryRowButOneWithNothingToEmbedWhichKeepsNoOtherRowFromIt() throws InterruptedException {
		awaitEmbeddings();
		assertThat(this.semantic.ready(COPIES)).isTrue();
		assertThat(this.semantic.embedded(COPIES)).as("4 rows, one without text").isEqualTo(3);
	}

	@Test
	void leavesOutRowsCapturedAfterAsOfAndRowsThatShareNoMeaningWithTheQuestion() throws InterruptedException {
		awaitEmbeddings();
		String second = LABELLED.rows().get(1).path("learning").asString();
		String secondId = LABELLED.rows().get(1).path("id").asString();
		java.time.Instant before = java.time.Instant.parse(LABELLED.rows().get(0).path("captured_at").asString());
		for (RecallQuery.Mode mode : RecallQuery.Mode.values()) {
			RecallQuery query = new RecallQuery(second, 10, true, Set.of(), Set.of(), null, null, List.of());
			assertThat(this.recall.recall(COPIES, query, mode).hits()).as(mode.value())
				.extracting(RecallResult.Hit::id)
				.contains(secondId);
			RecallQuery asOf = new RecallQuery(second, 10, true, Set.of(), Set.of(), null, before, List.of());
			assertThat(this.recall.recall(COPIES, asOf, mode).hits()).as(mode.value() + " as of " + before)
				.extracting(RecallResult.Hit::id)
				.doesNotContain(secondId);
		}
		for (String noWords : List.of("\uD83D\uDE00\uD83D\uDE00", "...", "the")) {
			RecallQuery query = new RecallQuery(noWords, 10, true, Set.of(), Set.of(), null, null, List.of());
			RecallResult byDefault = this.recall.recall(REPO, query, null);
			assertThat(byDefault.mode()).as(noWords).isEqualTo(RecallQuery.Mode.LEXICAL);
			assertThat(this.recall.recall(REPO, query, RecallQuery.Mode.HYBRID).totalMatches()).as(noWords).isZero();
			assertThatThrownBy(() -> this.recall.recall(REPO, query, RecallQuery.Mode.SEMANTIC))
				.isInstanceOf(InvalidRecallException.class);
		}
		for (String nonsense : List.of("zzzz qqqq", "banana bread recipe")) {
			RecallQuery query = new RecallQuery(nonsense, 10, true, Set.of(), Set.of(), null, null, List.of());
			assertThat(this.recall.recall(REPO, query, RecallQuery.Mode.SEMANTIC).totalMatches()).as(nonsense).isZero();
		}
	}

	/**
	 * The default model's floor ({@link EmbeddingModelChoice#minSimilarity()}) against
	 * what it must tell apart: no row is that similar to a question about nothing in the
	 * rows, and the questions whose relevant rows all fall below it (found by their words
	 * only) are printed and counted.
	 */
	@Test
	void theFloorIsAboveEveryRowsSimilarityToAQuestionAboutNothing() throws InterruptedException {
		awaitEmbeddings();
		double floor = this.semanticProperties.similarityFloor();
		// by line number, from 1 (two torn lines are no rows)
		List<String> lines = LABELLED.jsonl().lines().toList();
		StringBuilder report = new StringBuilder();
		for (String nonsense : NONSENSE) {
			double best = similarities(nonsense).values().stream().mapToDouble(Double::doubleValue).max().orElse(-1);
			report.append(String.format(Locale.ROOT, "%.3f  nothing: %s%n", best, nonsense));
			assertThat(best).as("the best row for \"%s\" against the floor", nonsense).isLessThan(floor);
		}
		int below = 0;
		List<LabelledRecallSet.Query> questions = new ArrayList<>(LABELLED.queries());
		questions.addAll(PARAPHRASES.queries());
		for (LabelledRecallSet.Query question : questions) {
			Map<Long, Double> similarity = similarities(question.query());
			double best = -1;
			for (int i = 0; i < lines.size(); i++) {
				Matcher id = ROW_ID.matcher(lines.get(i));
				if (id.find() && question.relevant().contains(id.group(1))) {
					best = Math.max(best, similarity.getOrDefault(i + 1L, -1.0));
				}
			}
			if (best < floor) {
				below++;
				report.append(
						String.format(Locale.ROOT, "%.3f  relevant, below the floor: %s%n", best, question.query()));
			}
		}
		System.out.printf("%s floor %.2f: %d of %d questions have every relevant row below it%n%s",
				this.semanticProperties.model().id(), floor, below, questions.size(), report);
		assertThat(below).as("questions found by their words only\n" + report).isLessThan(questions.size() / 4);
	}

	/**
	 * Every embedded row of the labelled repository's similarity to {@code text}, by
	 * line.
	 */
	private Map<Long, Double> similarities(String text) {
		Map<Long, Double> similarity = new HashMap<>();
		this.semantic.nearest(REPO, this.semantic.embedQuery(text), LABELLED.rows().size(), null)
			.forEach((near) -> similarity.put(near.line(), near.similarity()));
		return similarity;
	}

	@Test
	void aFilterAdmittingFewRowsGetsThemInEveryModeNotWhatIsLeftOfTheWindows() throws InterruptedException {
		awaitEmbeddings();
		// 6 of the 430 rows are do_less; each query's words are in a hundred rows or
		// more,
		// so the do_less rows are not among the 100 best of either ranking unfiltered
		for (String text : List.of("prefer the skill over the script", "when the agent runs a test",
				"run the script again")) {
			RecallQuery filtered = new RecallQuery(text, 10, true, Set.of("do_less"), Set.of(), null, null, List.of());
			RecallQuery unfiltered = new RecallQuery(text, 100, true, Set.of(), Set.of(), null, null, List.of());
			List<String> lexical = ids(this.recall.recall(REPO, filtered, RecallQuery.Mode.LEXICAL));
			assertThat(lexical).as(text).isNotEmpty();
			for (RecallQuery.Mode mode : List.of(RecallQuery.Mode.HYBRID, RecallQuery.Mode.SEMANTIC)) {
				assertThat(ids(this.recall.recall(REPO, unfiltered, mode))).as("%s unfiltered, %s", mode, text)
					.doesNotContainAnyElementsOf(lexical);
				// semantic recall may find none: the rows are as unlike the query as they
				// are
				// far from its best
				assertThat(this.recall.recall(REPO, filtered, mode).hits()).as("%s, %s", mode, text)
					.allSatisfy((hit) -> assertThat(hit.learning().row()).containsEntry("status", "do_less"));
			}
			assertThat(ids(this.recall.recall(REPO, filtered, RecallQuery.Mode.HYBRID))).as("hybrid, %s", text)
				.containsAll(lexical);
		}
	}

	@Test
	void ranksTheRowsOfEveryRepositoryTogetherInATeamWideRecall() throws InterruptedException {
		awaitEmbeddings();
		String second = LABELLED.rows().get(1).path("learning").asString();
		for (RecallQuery.Mode mode : List.of(RecallQuery.Mode.HYBRID, RecallQuery.Mode.SEMANTIC)) {
			RecallResult result = this.recall.recallAcross(List.of(REPO, COPIES),
					new RecallQuery(second, 20, true, Set.of(), Set.of(), null, null, List.of()), mode);
			assertThat(result.hits()).extracting(RecallResult.Hit::repo).as(mode.value()).contains(REPO, COPIES);
			// one rank 1, one rank 2 ... among the hits of both repositories, not each
			// repository's own
			List<Integer> semanticRanks = result.hits()
				.stream()
				.map((hit) -> hit.why().fusion().semanticRank())
				.filter(java.util.Objects::nonNull)
				.toList();
			assertThat(semanticRanks).as(mode.value()).doesNotHaveDuplicates().contains(1);
			List<Integer> lexicalRanks = result.hits()
				.stream()
				.map((hit) -> hit.why().fusion().lexicalRank())
				.filter(java.util.Objects::nonNull)
				.toList();
			assertThat(lexicalRanks).as(mode.value()).doesNotHaveDuplicates();
		}
	}

	@Test
	void withdrawnRowsAndOldRevisionsTakeNoPlaceInTheWindows() throws InterruptedException {
		awaitEmbeddings();
		Map<String, List<String>> live = Map.of("quokka feeder jams pellet chute",
				List.of("lrn-20261130T090000Z-0000a001", "lrn-20261130T090000Z-0000a002",
						"lrn-20261130T090000Z-0000a003"),
				"kiwi orchard sprinkler timer controller",
				List.of("lrn-20261130T100000Z-0000b119", "lrn-20261130T090000Z-0000b001",
						"lrn-20261130T090000Z-0000b002", "lrn-20261130T090000Z-0000b003"));
		live.forEach((text, ids) -> {
			RecallQuery query = new RecallQuery(text, 10, true, Set.of(), Set.of(), null, null, List.of());
			assertThat(ids(this.recall.recall(HIDDEN, query, RecallQuery.Mode.LEXICAL))).as("lexical, %s", text)
				.containsAll(ids);
			for (RecallQuery.Mode mode : List.of(RecallQuery.Mode.HYBRID, RecallQuery.Mode.SEMANTIC)) {
				assertThat(ids(this.recall.recall(HIDDEN, query, mode))).as("%s, %s", mode, text)
					.containsAll(ids)
					.doesNotHaveDuplicates();
			}
		});
	}

	@Test
	void aRepositoryWithoutRowsKeepsNoTeamWideRecallFromBeingHybrid() throws InterruptedException {
		awaitEmbeddings();
		RecallResult result = this.recall.recallAcross(List.of(REPO, EMPTY),
				new RecallQuery("keep the dock from hiding", 3, true, Set.of(), Set.of(), null, null, List.of()),
				(RecallQuery.Mode) null);
		assertThat(result.mode()).isEqualTo(RecallQuery.Mode.HYBRID);
		assertThat(result.hits()).isNotEmpty();
	}

	@Test
	void findsARowAppendedAfterAHybridRecallBeforeItIsEmbedded() throws Exception {
		awaitEmbeddings();
		RecallQuery query = new RecallQuery("zebrafish aquarium heater", 10, true, Set.of(), Set.of(), null, null,
				List.of());
		assertThat(this.recall.recall(HIDDEN, query, RecallQuery.Mode.HYBRID).hits()).isEmpty();
		java.nio.file.Files.writeString(HIDDEN_ROOT.resolve(".learnings.jsonl"),
				row("lrn-20261130T110000Z-0000e001", "2026-11-30T11:00:00Z", "do_more",
						"When the zebrafish aquarium heater clicks, prefer checking the thermostat.", null),
				java.nio.file.StandardOpenOption.APPEND);

		assertThat(ids(this.recall.recall(HIDDEN, query, RecallQuery.Mode.HYBRID)))
			.contains("lrn-20261130T110000Z-0000e001");
	}

	/**
	 * The rows of {@link #HIDDEN}: its rules' withdrawals and revisions outnumber the
	 * windows.
	 */
	private static String hiddenRows() {
		StringBuilder rows = new StringBuilder();
		String[] colours = { "red", "blue", "green", "amber", "violet", "grey" };
		for (int i = 0; i < 120; i++) {
			String id = String.format(Locale.ROOT, "lrn-20261130T080000Z-0000c%03d", i);
			rows.append(row(id, "2026-11-30T08:00:00Z", "do_more",
					"When the " + colours[i % 6] + " " + colours[(i / 6) % 6] + " quokka feeder jams at dawn (unit " + i
							+ "), prefer clearing the pellet chute before restarting the timer.",
					null));
			rows.append(row(String.format(Locale.ROOT, "lrn-20261130T080100Z-0000d%03d", i), "2026-11-30T08:01:00Z",
					"withdrawn", "Withdrawn " + id + ": the feeder was replaced.", id));
		}
		for (int i = 0; i < 120; i++) {
			rows.append(row(String.format(Locale.ROOT, "lrn-20261130T100000Z-0000b%03d", i), "2026-11-30T10:00:00Z",
					"do_more",
					"When the kiwi orchard sprinkler timer drifts (revision " + i
							+ "), prefer resetting the controller clock because the drift floods the rows.",
					(i == 0) ? null : String.format(Locale.ROOT, "lrn-20261130T100000Z-0000b%03d", i - 1)));
		}
		for (int i = 1; i <= 3; i++) {
			rows.append(row(String.format(Locale.ROOT, "lrn-20261130T090000Z-0000a%03d", i), "2026-11-30T09:00:00Z",
					"do_more",
					"In enclosure " + i + " the quokka feeder sticks when its hopper is damp after rain; "
							+ "keep the lid shut, check the hinge, the motor and the spring each week, and log it.",
					null));
			rows.append(row(String.format(Locale.ROOT, "lrn-20261130T090000Z-0000b%03d", i), "2026-11-30T09:00:00Z",
					"do_more",
					"In orchard block " + i + " a power cut makes the kiwi sprinkler forget its schedule; "
							+ "check the valves, the pumps and the hoses by hand, then write down what changed.",
					null));
		}
		return rows.toString();
	}

	private static String row(String id, String captured, String status, String learning, String supersedes) {
		return "{\"id\":\"" + id + "\",\"captured_at\":\"" + captured + "\",\"status\":\"" + status
				+ "\",\"learning\":\"" + learning + "\""
				+ ((supersedes != null) ? ",\"supersedes_id\":\"" + supersedes + "\"" : "") + "}\n";
	}

	private static List<String> ids(RecallResult result) {
		return result.hits().stream().map(RecallResult.Hit::id).toList();
	}

	private Function<LabelledRecallSet.Query, List<String>> ranker(RecallQuery.Mode mode) {
		return (query) -> this.recall
			.recall(REPO, new RecallQuery(query.query(), 10, true, Set.of(), Set.of(), null, null, query.paths()), mode)
			.hits()
			.stream()
			.map(RecallResult.Hit::id)
			.toList();
	}

	/**
	 * The worker embeds the rows once the service is ready; every row, or the test fails.
	 */
	private void awaitEmbeddings() throws InterruptedException {
		long rows = LABELLED.rows().size();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (!(this.semantic.ready(REPO) && this.semantic.ready(COPIES) && this.semantic.ready(HIDDEN))
				&& System.nanoTime() < deadline) {
			Thread.sleep(250);
		}
		assertThat(this.semantic.ready(REPO)).as("every row visited").isTrue();
		assertThat(this.semantic.embedded(REPO)).as("rows embedded").isEqualTo(rows);
	}

}

package io.teamlearnings.learnings.recall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.teamlearnings.learnings.analysis.TermVector.Field;
import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.learnings.recall.RecallResult.Hit;
import io.teamlearnings.learnings.recall.RecallResult.SupersededRow;
import io.teamlearnings.learnings.recall.RecallResult.TermMatch;
import io.teamlearnings.learnings.recall.RecallResult.Why;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.support.FixedClock;
import io.teamlearnings.support.LearningLines;
import io.teamlearnings.support.LearningLines.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.test.context.TestPropertySource;

import static io.teamlearnings.support.LearningLines.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.BDDMockito.given;

/**
 * Recall scores worked out by hand from README's formula, over small corpora in a real
 * index, with the default {@code learnings.recall} settings and "now" at
 * 2026-11-23T12:00:00Z: BM25F and its collection statistics, the status, recency and path
 * boosts, and a superseded row's match credited to the head of its chain.
 */
@JdbcTest
// the index poll would call the Repositories mock while a test stubs it (a Mockito race)
@TestPropertySource(properties = "learnings.store.poll-interval=1h")
@Import(RecallSlice.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RecallScoringTests {

	private static final Instant NOW = FixedClock.NOW;

	@TempDir
	Path root;

	@Autowired
	LearningIndex index;

	@Autowired
	RecallCorpus corpus;

	@Autowired
	LearningRecall recall;

	@Autowired
	BoostRules boostRules;

	@Autowired
	Repositories repositories;

	private final RecallProperties properties = RecallDefaults.properties();

	private final Bm25f bm25f = new Bm25f(this.properties);

	/**
	 * Terms per field: learning cach gradl daemon between build (5), application keep
	 * daemon warm (3), evidence cold build were slow (4), tags gradl (1). Captured 45
	 * days before now.
	 */
	private static Line gradle() {
		return row("lrn-a").status("do_more")
			.capturedAt("2026-10-09T12:00:00Z")
			.learning("Cache the gradle daemon between builds")
			.application("Keep the daemon warm")
			.evidence("cold builds were slow")
			.tags("gradle");
	}

	/**
	 * Terms per field: learning pin node version ci (4), application read version from
	 * nvmrc (4), evidence daemon restart broke build (4), tags node (1). Captured now.
	 */
	private static Line node() {
		return row("lrn-b").status("codify_now")
			.capturedAt("2026-11-23T12:00:00Z")
			.learning("Pin the node version in CI")
			.application("Read the version from nvmrc")
			.evidence("daemon restarts broke the build")
			.tags("node");
	}

	// For the two rows above and the query "gradle daemon" (terms gradl, daemon):
	// N = 2, df(gradl) = 1, df(daemon) = 2
	// idf(gradl) = ln(1 + 1.5 / 1.5) = 0.693147
	// idf(daemon) = ln(1 + 0.5 / 2.5) = 0.182322
	// average lengths: learning 4.5, application 3.5, evidence 4, tags 1
	// lrn-a, gradl: tf' = 3 / (0.25 + 0.75 * 5 / 4.5) + 2 / (0.25 + 0.75) = 4.769231
	// .. 0.693147 * 4.769231 * 2.2 / (4.769231 + 1.2) = 1.218367
	// lrn-a, daemon: tf' = 3 / 1.083333 + 1.5 / (0.25 + 0.75 * 3 / 3.5) = 4.449231
	// .. 0.182322 * 4.449231 * 2.2 / (4.449231 + 1.2) = 0.315905
	// lrn-a: 1.534272; lrn-b, daemon: tf' = 1 / (0.25 + 0.75 * 4 / 4) = 1, so 0.182322

	@Test
	void scoresATwoRowCorpusByTheDocumentedBm25f() throws Exception {
		Repo repo = store("scoring", gradle(), node());

		double[] scores = bm25(repo, terms("gradl", 1.0, "daemon", 1.0), List.of(0, 1));

		assertThat(scores[0]).isCloseTo(1.5343, within(0.00005));
		assertThat(scores[1]).isCloseTo(0.1823, within(0.00005));
	}

	@Test
	void eachQueryTermAddsItsOwnPartWeightedByTheQuery() throws Exception {
		Repo repo = store("scoring", gradle(), node());

		assertThat(bm25(repo, terms("gradl", 1.0), List.of(0))[0]).isCloseTo(1.2184, within(0.00005));
		assertThat(bm25(repo, terms("daemon", 1.0), List.of(0, 1))[0]).isCloseTo(0.3159, within(0.00005));
		assertThat(bm25(repo, terms("gradl", 0.5), List.of(0))[0]).isCloseTo(0.6092, within(0.00005));
		assertThat(bm25(repo, terms("kotlin", 1.0), List.of())).containsExactly(0.0, 0.0);
	}

	@Test
	void asOfLeavesOutRowsCapturedLater() throws Exception {
		Repo repo = store("scoring", gradle(), node());
		Map<String, Double> terms = terms("gradl", 1.0, "daemon", 1.0);

		int[] matched = this.corpus.read(repo,
				(corpus) -> this.bm25f.score(corpus, terms, new CollectionStatistics(terms.keySet()).add(corpus),
						Instant.parse("2026-11-01T00:00:00Z"), new double[corpus.docs().size()]));

		assertThat(matched).containsExactly(0);
	}

	@Test
	void collectionStatisticsCountRowsDocumentFrequenciesAndAverageLengths() throws Exception {
		Repo repo = store("scoring", gradle(), node());

		CollectionStatistics statistics = this.corpus.read(repo,
				(corpus) -> new CollectionStatistics(Set.of("gradl", "daemon", "kotlin")).add(corpus));

		assertThat(statistics.idf("gradl")).isCloseTo(Math.log(2), within(1e-12));
		assertThat(statistics.idf("daemon")).isCloseTo(Math.log(1.2), within(1e-12));
		// a term no row has: ln(1 + 2.5 / 0.5)
		assertThat(statistics.idf("kotlin")).isCloseTo(1.7918, within(0.00005));
		assertThat(statistics.averageLength(Field.LEARNING)).isEqualTo(4.5);
		assertThat(statistics.averageLength(Field.APPLICATION)).isEqualTo(3.5);
		assertThat(statistics.averageLength(Field.EVIDENCE)).isEqualTo(4.0);
		assertThat(statistics.averageLength(Field.TAGS)).isEqualTo(1.0);
		// no row has a context; an average below one term is taken as one (README's
		// formula does not say so)
		assertThat(statistics.averageLength(Field.CONTEXT)).isEqualTo(1.0);
	}

	@Test
	void collectionStatisticsSpanEveryRepositoryAQuerySearches() throws Exception {
		Repo first = store("scoring", gradle(), node());
		Path other = Files.createDirectories(this.root.resolve("other"));
		LearningLines.write(other, row("lrn-c").learning("Restart the gradle daemon nightly"));
		Repo second = new Repo("scoring-other", other);
		this.index.rebuild(second);

		CollectionStatistics statistics = new CollectionStatistics(Set.of("gradl", "daemon"));
		this.corpus.read(first, statistics::add);
		this.corpus.read(second, statistics::add);

		// N = 3: df(gradl) = 2, df(daemon) = 3
		assertThat(statistics.idf("gradl")).isCloseTo(Math.log(1.6), within(1e-12));
		assertThat(statistics.idf("daemon")).isCloseTo(0.1335, within(0.00005));
		assertThat(statistics.averageLength(Field.LEARNING)).isCloseTo(13 / 3.0, within(1e-12));
		assertThat(statistics.averageLength(Field.APPLICATION)).isCloseTo(7 / 3.0, within(1e-12));
		// two tag terms over three rows average 0.67, taken as one term
		assertThat(statistics.averageLength(Field.TAGS)).isEqualTo(1.0);
	}

	@Test
	void anEmptyCollectionHasAverageLengthOneAndIdfLnTwo() {
		CollectionStatistics statistics = new CollectionStatistics(Set.of("gradl"));

		assertThat(statistics.averageLength(Field.LEARNING)).isEqualTo(1.0);
		assertThat(statistics.idf("gradl")).isCloseTo(Math.log(2), within(1e-12));
	}

	@Test
	void boostsByStatusAndByRecencyWithAnEFoldingTimeOfFortyFiveDays() throws Exception {
		Repo repo = store("boosts", row("lrn-now").status("codify_now").capturedAt("2026-11-23T12:00:00Z"),
				row("lrn-45-days").status("do_more").capturedAt("2026-10-09T12:00:00Z"),
				row("lrn-90-days").status("review_later").capturedAt("2026-08-25T12:00:00Z"),
				row("lrn-future").status("do_less").capturedAt("2026-12-03T12:00:00Z"),
				row("lrn-no-time").status("someday"),
				row("lrn-bad-time").status("avoid_for_now").capturedAt("last tuesday"));

		List<Boosts> boosts = boosts(repo, query("anything", List.of()));

		assertThat(boosts).containsExactly(new Boosts(0.30, 0.2, 0), new Boosts(0.15, 0.0736, 0),
				new Boosts(-0.05, 0.0271, 0), new Boosts(0.15, 0.2, 0), new Boosts(0, 0, 0), new Boosts(0.25, 0, 0));
	}

	@Test
	void boostsRowsAboutTheCallersPathsByHowCloselyTheyMatch() throws Exception {
		Repo repo = store("paths", row("lrn-app").paths("src/main/java/App.java"), row("lrn-none"));

		assertThat(pathBoosts(repo, "./src/main/java/App.java")).containsExactly(0.5, 0.0);
		assertThat(pathBoosts(repo, "src/main")).containsExactly(0.375, 0.0);
		assertThat(pathBoosts(repo, "src/main/java/Other.java")).containsExactly(0.25, 0.0);
		assertThat(pathBoosts(repo, "docs/guide.md")).containsExactly(0.0, 0.0);
	}

	@Test
	void recallMultipliesTheRoundedBm25fByTheBoosts() throws Exception {
		store("scoring", gradle(), node());

		RecallResult result = this.recall.recall("scoring", query("gradle daemon", List.of()));

		// lrn-a: 1.5343 x 1.15 (do_more) x 1.0736 (45 days old) = 1.8943
		// lrn-b: 0.1823 x 1.30 (codify_now) x 1.2 (new) = 0.2844
		assertThat(result.terms()).containsExactly("gradl", "daemon");
		assertThat(result.totalMatches()).isEqualTo(2);
		assertThat(result.hits()).extracting(Hit::repo, Hit::id, Hit::score)
			.containsExactly(tuple("scoring", "lrn-a", 1.8943), tuple("scoring", "lrn-b", 0.2844));
		assertThat(result.hits().get(0).why()).isEqualTo(new Why(
				List.of(new TermMatch("gradl", List.of("learning", "tags")),
						new TermMatch("daemon", List.of("learning", "application"))),
				1.5343, 0.15, 0.0736, 0.0, List.of()));
		assertThat(result.hits().get(1).why()).isEqualTo(
				new Why(List.of(new TermMatch("daemon", List.of("evidence"))), 0.1823, 0.30, 0.2, 0.0, List.of()));
		assertThat(result.excluded()).isEqualTo(new RecallResult.Exclusions(0, 0, 0, 0, List.of(), List.of()));
	}

	// The chain corpus: lrn-a and lrn-b as above, lrn-c supersedes lrn-a, lrn-d
	// supersedes lrn-c. N = 4, df(gradl) = 1, df(daemon) = 3; averages: learning
	// 5.5, application 4.5, evidence 4, tags 1. bm25f: lrn-a 2.7916, lrn-b and lrn-c
	// 0.3567 each.

	@Test
	void aSupersededRowsMatchIsCreditedToTheHeadOfItsChain() throws Exception {
		store("chains", chain());

		RecallResult result = this.recall.recall("chains", query("gradle daemon", List.of()));

		// lrn-d: 2.7916 (from lrn-a) x 1.30 (codify_now) x 1.1601 (10 days old) = 4.2101
		// lrn-b: 0.3567 x 1.30 x 1.2 = 0.5565
		assertThat(result.hits()).extracting(Hit::id, Hit::score)
			.containsExactly(tuple("lrn-d", 4.2101), tuple("lrn-b", 0.5565));
		assertThat(result.hits().get(0).why()).isEqualTo(new Why(
				List.of(new TermMatch("gradl", List.of("learning", "tags")),
						new TermMatch("daemon", List.of("learning", "application"))),
				2.7916, 0.30, 0.1601, 0.0, List.of("lrn-a", "lrn-c")));
		assertThat(result.totalMatches()).isEqualTo(2);
		assertThat(result.excluded().superseded()).isEqualTo(2);
		assertThat(result.excluded().supersededRows()).containsExactly(
				new SupersededRow("chains", "lrn-a", "lrn-c", "lrn-d"),
				new SupersededRow("chains", "lrn-c", "lrn-d", "lrn-d"));
	}

	@Test
	void askedToKeepSupersededRowsEachRowScoresForItself() throws Exception {
		store("chains", chain());

		RecallResult result = this.recall.recall("chains",
				new RecallQuery("gradle daemon", 5, false, Set.of(), Set.of(), null, null, List.of()));

		// lrn-a: 2.7916 x 1.15 x 1.0736 = 3.4466; lrn-c: 0.3567 x 1.15 x 1.1282 (20 days)
		assertThat(result.hits()).extracting(Hit::id, Hit::score)
			.containsExactly(tuple("lrn-a", 3.4466), tuple("lrn-b", 0.5565), tuple("lrn-c", 0.4628));
		assertThat(result.hits()).allSatisfy((hit) -> assertThat(hit.why().via()).isEmpty());
		assertThat(result.excluded().superseded()).isZero();
	}

	@Test
	void aWithdrawnRowAndTheWithdrawalItselfAreLeftOutAndCounted() throws Exception {
		store("withdrawals", gradle(), node(),
				row("lrn-w").withdraws("lrn-a").learning("Withdrawn lrn-a: the gradle daemon is gone"));

		RecallResult result = this.recall.recall("withdrawals", query("gradle daemon", List.of()));

		assertThat(result.hits()).extracting(Hit::id).containsExactly("lrn-b");
		assertThat(result.totalMatches()).isEqualTo(1);
		assertThat(result.excluded().withdrawn()).isEqualTo(2);
		assertThat(result.excluded().withdrawnIds()).containsExactly("lrn-a", "lrn-w");
	}

	private static Line[] chain() {
		return new Line[] { gradle(), node(),
				row("lrn-c").supersedes("lrn-a")
					.capturedAt("2026-11-03T12:00:00Z")
					.learning("Keep a warm build server between runs")
					.application("Reuse the build server across CI jobs")
					.evidence("daemon restarts broke the build")
					.tags("build"),
				row("lrn-d").supersedes("lrn-c")
					.status("codify_now")
					.capturedAt("2026-11-13T12:00:00Z")
					.learning("Share one build server between CI runs")
					.application("Point CI jobs at the shared server")
					.evidence("cold builds were slow")
					.tags("build") };
	}

	private Repo store(String name, Line... lines) throws Exception {
		LearningLines.write(this.root, lines);
		Repo repo = new Repo(name, this.root);
		this.index.rebuild(repo);
		given(this.repositories.require(name)).willReturn(repo);
		return repo;
	}

	/** BM25F scores of every row; {@code matched} are the rows expected to match. */
	private double[] bm25(Repo repo, Map<String, Double> terms, List<Integer> matched) {
		return this.corpus.read(repo, (corpus) -> {
			double[] scores = new double[corpus.docs().size()];
			int[] numbers = this.bm25f.score(corpus, terms, new CollectionStatistics(terms.keySet()).add(corpus), null,
					scores);
			assertThat(numbers).containsExactly(matched.stream().mapToInt(Integer::intValue).toArray());
			return scores;
		});
	}

	private List<Boosts> boosts(Repo repo, RecallQuery query) {
		return this.corpus.read(repo, (corpus) -> {
			double[] statusBoosts = corpus.statuses()
				.stream()
				.mapToDouble((status) -> Boosts.round(this.properties.statusBoosts().of(status)))
				.toArray();
			List<Boosts> boosts = new ArrayList<>();
			for (int number = 0; number < corpus.docs().size(); number++) {
				boosts.add(this.boostRules.of(corpus, number, statusBoosts, query, NOW));
			}
			return boosts;
		});
	}

	private List<Double> pathBoosts(Repo repo, String path) {
		return boosts(repo, query("anything", List.of(path))).stream().map(Boosts::path).toList();
	}

	private static RecallQuery query(String text, List<String> paths) {
		return new RecallQuery(text, 5, true, Set.of(), Set.of(), null, null, paths);
	}

	private static Map<String, Double> terms(Object... termsAndWeights) {
		Map<String, Double> terms = new LinkedHashMap<>();
		for (int i = 0; i < termsAndWeights.length; i += 2) {
			terms.put((String) termsAndWeights[i], (Double) termsAndWeights[i + 1]);
		}
		return terms;
	}

}

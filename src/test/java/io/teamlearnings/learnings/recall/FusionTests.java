package io.teamlearnings.learnings.recall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reciprocal-rank fusion as hybrid recall scores rows before the boosts:
 * {@code (k + 1) x (1 / (k + lexical rank) + 1 / (k + semantic rank))}; semantic recall
 * ranks the nearest rows by their similarity alone.
 */
class FusionTests {

	@Test
	void fusesBothRankingsAndKeepsARowFoundByOneOfThem() {
		double[] bm25 = { 0, 7.5, 2.0, 0 };
		RankFusion.Semantic semantic = new RankFusion.Semantic(RecallQuery.Mode.HYBRID, 100, 5,
				(admitted) -> () -> List.of(Map.entry(3, 0.91), Map.entry(1, 0.80)));

		RankFusion.Fused fused = fuseAlone(semantic,
				RankFusion.Semantic.best(new int[] { 1, 2 }, bm25, (row) -> row, 100));

		assertThat(fused.docs()).containsExactlyInAnyOrder(1, 2, 3);
		assertThat(fused.base().get(1)).isCloseTo(6 * (1.0 / 6 + 1.0 / 7), within(1e-9));
		assertThat(fused.base().get(3)).isCloseTo(6 * (1.0 / 6), within(1e-9));
		assertThat(fused.base().get(2)).isCloseTo(6 * (1.0 / 7), within(1e-9));
		assertThat(fused.base()).doesNotContainKey(0);
		assertThat(fused.fusions().get(1)).isEqualTo(new RecallResult.Fusion("hybrid", 1, 2, 0.8, 1.8571));
		assertThat(fused.fusions().get(2)).isEqualTo(new RecallResult.Fusion("hybrid", 2, null, null, 0.8571));
		assertThat(fused.fusions().get(3)).isEqualTo(new RecallResult.Fusion("hybrid", null, 1, 0.91, 1.0));
	}

	@Test
	void takesOnlyTheLexicalRankWindowIntoTheFusion() {
		double[] bm25 = { 1.0, 4.0, 3.0, 4.0, 0.5 };
		RankFusion.Semantic semantic = new RankFusion.Semantic(RecallQuery.Mode.HYBRID, 2, 5,
				(admitted) -> () -> List.of(Map.entry(4, 0.7)));

		RankFusion.Fused fused = fuseAlone(semantic,
				RankFusion.Semantic.best(new int[] { 0, 1, 2, 3, 4 }, bm25, (row) -> row, 2));

		// the two best by BM25F, the later row first on a tie, and the nearest row
		assertThat(fused.docs()).containsExactly(3, 1, 4);
		assertThat(fused.fusions().get(3).lexicalRank()).isEqualTo(1);
		assertThat(fused.fusions().get(1).lexicalRank()).isEqualTo(2);
		assertThat(fused.fusions().get(4).lexicalRank()).isNull();
		assertThat(fused.base()).doesNotContainKey(2);
		assertThat(RankFusion.Semantic.best(new int[] { 4, 2, 0 }, bm25, (row) -> row, 5)).containsExactly(2, 0, 4);
	}

	@Test
	void ranksTheNearestRowsBySimilarityAloneInSemanticRecall() {
		RankFusion.Semantic semantic = new RankFusion.Semantic(RecallQuery.Mode.SEMANTIC, 100, 5,
				(admitted) -> () -> List.of(Map.entry(3, 0.91), Map.entry(0, 0.42)));

		RankFusion.Fused fused = fuseAlone(semantic, new int[0]);

		assertThat(fused.docs()).containsExactly(3, 0);
		assertThat(fused.base()).containsEntry(3, 0.91).doesNotContainKey(1);
		assertThat(fused.fusions().get(0)).isEqualTo(new RecallResult.Fusion("semantic", null, 2, 0.42, 0.42));
	}

	@Test
	void findsARowByItsLineInTheCorpusOrder() {
		List<RecallCorpus.Doc> docs = List.of(doc(0, 1), doc(1, 4), doc(2, 9));
		assertThat(LearningRecall.numberOfLine(docs, 4)).isEqualTo(1);
		assertThat(LearningRecall.numberOfLine(docs, 9)).isEqualTo(2);
		assertThat(LearningRecall.numberOfLine(docs, 5)).isEqualTo(-1);
	}

	private static RecallCorpus.Doc doc(int number, long line) {
		return new RecallCorpus.Doc(number, line, "lrn-" + line, "do_more", null, null, List.of(), List.of(),
				new int[0], new int[0]);
	}

	@Test
	void ranksTheWindowsOfEveryRepositoryAskedTogether() {
		RankFusion.Windows first = new RankFusion.Windows(new int[] { 4, 2 }, new int[] { 4, 2 },
				new double[] { 9.0, 3.0 }, List.of(Map.entry(2, 0.60), Map.entry(7, 0.50)));
		RankFusion.Windows second = new RankFusion.Windows(new int[] { 1, 5 }, new int[] { 1, 5 },
				new double[] { 5.0, 3.0 }, List.of(Map.entry(1, 0.90)));
		Map<String, RankFusion.Windows> windows = new LinkedHashMap<>();
		windows.put("first", first);
		windows.put("second", second);

		Map<String, RankFusion.Ranks> ranks = RankFusion.across(windows, 3);

		// by BM25F 9.0, 5.0, then the tie at 3.0 in the order the repositories were asked
		assertThat(ranks.get("first").lexical()).containsExactly(Map.entry(4, 1), Map.entry(2, 3));
		assertThat(ranks.get("second").lexical()).containsExactly(Map.entry(1, 2));
		assertThat(ranks.get("first").semantic()).containsExactly(Map.entry(2, 2), Map.entry(7, 3));
		assertThat(ranks.get("second").semantic()).containsExactly(Map.entry(1, 1));
		assertThat(RankFusion.across(Map.of("first", first), 3).get("first")).isEqualTo(first.ranks(3));
	}

	@Test
	void fusesAHeadRankedThroughARowItSupersedesAndByItsOwnTextIntoOneRow() {
		// row 3 is an old revision of row 7: it matched the words, row 7 is near the
		// query
		RankFusion.Windows windows = new RankFusion.Windows(new int[] { 3, 5 }, new int[] { 7, 5 },
				new double[] { 8.0, 2.0 }, List.of(Map.entry(7, 0.9), Map.entry(5, 0.7)));
		RankFusion.Semantic semantic = new RankFusion.Semantic(RecallQuery.Mode.HYBRID, 100, 5,
				(admitted) -> () -> List.of());

		RankFusion.Fused fused = semantic.fuse(windows, windows.ranks(100));

		assertThat(fused.docs()).containsExactly(3, 5);
		assertThat(fused.fusions().get(3)).isEqualTo(new RecallResult.Fusion("hybrid", 1, 1, 0.9, 2.0));
		assertThat(fused.base()).doesNotContainKey(7);
	}

	/**
	 * Fuses the repository's own windows, ranked within it: its lexical window and
	 * nearest rows.
	 */
	private static RankFusion.Fused fuseAlone(RankFusion.Semantic semantic, int[] lexicalBest) {
		RankFusion.Windows windows = new RankFusion.Windows(lexicalBest, lexicalBest.clone(),
				new double[lexicalBest.length], semantic.nearest().apply(null).get());
		return semantic.fuse(windows, windows.ranks(semantic.window()));
	}

}

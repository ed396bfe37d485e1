package io.teamlearnings.learnings.recall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Reciprocal-rank fusion for semantic and hybrid recall. Each repository asked gives two
 * windows: its best rows by BM25F and its rows nearest the query. The rows are ranked in
 * each window across every repository asked ({@link #across}: BM25F is comparable across
 * repositories because their collection statistics are shared, and so is the similarity
 * of one model's embeddings), and each row's text score is fused from its two ranks.
 */
final class RankFusion {

	private RankFusion() {
	}

	/**
	 * The semantic side of a recall in one repository: the rows nearest the query.
	 *
	 * @param mode {@link RecallQuery.Mode#SEMANTIC} or {@link RecallQuery.Mode#HYBRID}
	 * @param window how many rows of the lexical ranking join the fusion (its rank
	 * window, as many as the semantic side's candidates)
	 * @param rrfK the fusion's constant k
	 * @param nearest starts the search of the rows admitted
	 * ({@link MatchedRows#ofEveryRow}) nearest the query, and gives what waits for its
	 * answer: their row numbers and similarity, nearest first. The search may run on
	 * another thread meanwhile; the answer is read on the caller's
	 */
	record Semantic(RecallQuery.Mode mode, int window, int rrfK,
			Function<MatchedRows, Supplier<List<Map.Entry<Integer, Double>>>> nearest) {

		/**
		 * The rows to rank and the text score of each, one row for each row the scores go
		 * to (a chain's head, or the row itself): semantic, the rows with a semantic rank
		 * and their similarity; hybrid, the rows with either rank, each scored
		 * {@code (k + 1) x (1 / (k + lexical rank) + 1 / (k + semantic rank))}, a rank
		 * outside its window adding nothing. A head ranked lexically through a row it
		 * supersedes is ranked from that row, so that recall names the row that matched.
		 * @param windows the repository's windows
		 * @param ranks the ranks of the rows the scores go to, within the repository or
		 * across repositories
		 */
		Fused fuse(Windows windows, Ranks ranks) {
			Map<Integer, Integer> lexicalSource = new HashMap<>();
			for (int i = 0; i < windows.lexical().length; i++) {
				lexicalSource.put(windows.lexicalTargets()[i], windows.lexical()[i]);
			}
			Map<Integer, Double> similarity = new HashMap<>();
			windows.nearest().forEach((near) -> similarity.put(near.getKey(), near.getValue()));
			Set<Integer> targets = new LinkedHashSet<>();
			if (this.mode == RecallQuery.Mode.HYBRID) {
				targets.addAll(ranks.lexical().keySet());
			}
			targets.addAll(ranks.semantic().keySet());
			Map<Integer, Double> base = new HashMap<>();
			Map<Integer, RecallResult.Fusion> fusions = new HashMap<>();
			String name = this.mode.name().toLowerCase(Locale.ROOT);
			int[] docs = new int[targets.size()];
			int n = 0;
			for (int target : targets) {
				Integer lexical = (this.mode == RecallQuery.Mode.HYBRID) ? ranks.lexical().get(target) : null;
				Integer semantic = ranks.semantic().get(target);
				Double near = similarity.get(target);
				double score = (this.mode == RecallQuery.Mode.SEMANTIC) ? Math.max(0, near)
						: (this.rrfK + 1) * (((lexical != null) ? 1.0 / (this.rrfK + lexical) : 0)
								+ ((semantic != null) ? 1.0 / (this.rrfK + semantic) : 0));
				int row = (lexical != null) ? lexicalSource.get(target) : target;
				base.put(row, score);
				fusions.put(row,
						new RecallResult.Fusion(
								name, lexical, semantic, (near != null)
										? Boosts.round((this.mode == RecallQuery.Mode.SEMANTIC) ? score : near) : null,
								Boosts.round(score)));
				docs[n++] = row;
			}
			return new Fused(docs, base, fusions);
		}

		/**
		 * The {@code window} rows of {@code matched} with the highest BM25F, best first
		 * (ties: the later row first), one for each row the scores go to: the highest
		 * scoring of its rows, the first in row order on a tie. The reference for
		 * {@link MaxScoreRanking#bestByText}.
		 * @param target the row a row's score goes to
		 */
		static int[] best(int[] matched, double[] bm25, IntUnaryOperator target, int window) {
			Map<Integer, Integer> bestOfTarget = new HashMap<>();
			for (int number : matched) {
				bestOfTarget.merge(target.applyAsInt(number), number,
						(kept, other) -> (bm25[other] > bm25[kept] || (bm25[other] == bm25[kept] && other < kept))
								? other : kept);
			}
			Comparator<Integer> bestFirst = Comparator.<Integer>comparingDouble((number) -> bm25[number])
				.thenComparingInt(Integer::intValue)
				.reversed();
			return bestOfTarget.values().stream().sorted(bestFirst).limit(window).mapToInt(Integer::intValue).toArray();
		}

	}

	/**
	 * One repository's two windows.
	 *
	 * @param lexical its best rows by BM25F, best first, one for each row the scores go
	 * to (empty in semantic recall)
	 * @param lexicalTargets the rows their scores go to (the head of a chain, or the row
	 * itself), in the same order
	 * @param bm25 their BM25F text scores, in the same order
	 * @param nearest its rows nearest the query and their similarity, nearest first: rows
	 * that score for themselves
	 */
	record Windows(int[] lexical, int[] lexicalTargets, double[] bm25, List<Map.Entry<Integer, Double>> nearest) {

		/**
		 * The ranks of the rows within this repository alone.
		 * @param window how many rows of each window are ranked
		 */
		Ranks ranks(int window) {
			Map<Integer, Integer> lexicalRanks = new LinkedHashMap<>();
			for (int i = 0; i < Math.min(this.lexicalTargets.length, window); i++) {
				lexicalRanks.put(this.lexicalTargets[i], i + 1);
			}
			Map<Integer, Integer> semanticRanks = new LinkedHashMap<>();
			for (int i = 0; i < Math.min(this.nearest.size(), window); i++) {
				semanticRanks.put(this.nearest.get(i).getKey(), i + 1);
			}
			return new Ranks(lexicalRanks, semanticRanks);
		}

	}

	/**
	 * Where the rows a repository's scores go to rank in each window, 1 the best, by row
	 * number, best first; a row outside a window has no rank in it.
	 *
	 * @param lexical ranks by BM25F
	 * @param semantic ranks by similarity
	 */
	record Ranks(Map<Integer, Integer> lexical, Map<Integer, Integer> semantic) {
	}

	/**
	 * Ranks the rows of every repository's windows together, so that a team-wide recall
	 * fuses ranks among all the rows asked, not each repository's own: by BM25F and by
	 * similarity, higher first, the {@code window} best of all ranked. Rows that tie stay
	 * in the order they come in: repositories in the order given, each one's rows in its
	 * own order. For one repository the ranks are its own ({@link Windows#ranks}).
	 * @param <K> what names a repository
	 * @param windows each repository's windows, in the order asked
	 * @param window how many rows of each window are ranked
	 * @return each repository's ranks, in the same order
	 */
	static <K> Map<K, Ranks> across(Map<K, Windows> windows, int window) {
		record Row<K>(K repo, int number, double score) {
		}
		List<Row<K>> lexical = new ArrayList<>();
		List<Row<K>> nearest = new ArrayList<>();
		windows.forEach((repo, own) -> {
			for (int i = 0; i < own.lexical().length; i++) {
				lexical.add(new Row<>(repo, own.lexicalTargets()[i], own.bm25()[i]));
			}
			own.nearest().forEach((near) -> nearest.add(new Row<>(repo, near.getKey(), near.getValue())));
		});
		Comparator<Row<K>> bestFirst = Comparator.<Row<K>>comparingDouble(Row::score).reversed();
		lexical.sort(bestFirst);
		nearest.sort(bestFirst);
		Map<K, Ranks> ranks = new LinkedHashMap<>();
		windows.keySet().forEach((repo) -> ranks.put(repo, new Ranks(new LinkedHashMap<>(), new LinkedHashMap<>())));
		for (int i = 0; i < Math.min(lexical.size(), window); i++) {
			ranks.get(lexical.get(i).repo()).lexical().put(lexical.get(i).number(), i + 1);
		}
		for (int i = 0; i < Math.min(nearest.size(), window); i++) {
			ranks.get(nearest.get(i).repo()).semantic().put(nearest.get(i).number(), i + 1);
		}
		return ranks;
	}

	/**
	 * @param docs the rows to rank
	 * @param base each row's text score, by row number
	 * @param fusions how each row ranked, by row number
	 */
	record Fused(int[] docs, Map<Integer, Double> base, Map<Integer, RecallResult.Fusion> fusions) {
	}

}

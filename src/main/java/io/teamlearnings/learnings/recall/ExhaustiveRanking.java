package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

import io.teamlearnings.learnings.index.SupersessionChains;
import org.jspecify.annotations.Nullable;

/**
 * Ranks one repository's rows by scoring every row that matches a query term. It is the
 * reference {@link MaxScoreRanking} must agree with, and what recall uses when the
 * settings give no bound to skip rows by (see {@link Bm25f#bounded()}).
 */
final class ExhaustiveRanking {

	private final Bm25f bm25f;

	private final BoostRules boostRules;

	private final RecallProperties properties;

	ExhaustiveRanking(Bm25f bm25f, BoostRules boostRules, RecallProperties properties) {
		this.bm25f = bm25f;
		this.boostRules = boostRules;
		this.properties = properties;
	}

	/**
	 * Scores every row of one repository that matches, and keeps the best
	 * {@code query.limit()} (the best of all repositories are among them). Scores are
	 * kept in arrays by row number; the explanation of a hit (which terms matched in
	 * which fields, the boosts) is worked out for the kept rows only.
	 */
	RowRanking rank(String repo, RecallCorpus.Corpus corpus, Map<String, Double> terms, CollectionStatistics statistics,
			RecallQuery query, Instant now) {
		return rank(repo, corpus, terms, statistics, query, now, null);
	}

	/**
	 * As above; with {@code semantic}, the rows ranked are those of the fusion of the
	 * repository's own windows ({@link #windows}), ranked within it.
	 */
	RowRanking rank(String repo, RecallCorpus.Corpus corpus, Map<String, Double> terms, CollectionStatistics statistics,
			RecallQuery query, Instant now, RankFusion.@Nullable Semantic semantic) {
		if (semantic == null) {
			double[] scored = new double[corpus.docs().size()];
			int[] matchedDocs = this.bm25f.score(corpus, terms, statistics, query.asOf(), scored);
			IntToDoubleFunction bm25 = (number) -> scored[number];
			return rank(repo, corpus, terms, query, now, matchedDocs, bm25, bm25, Map.of());
		}
		RankFusion.Windows windows = windows(repo, corpus, terms, statistics, query, semantic);
		return rank(repo, corpus, terms, statistics, query, now, semantic, windows, windows.ranks(semantic.window()));
	}

	/**
	 * Ranks the rows of the fusion: in hybrid recall the rows of either window, the text
	 * score in the product being the reciprocal-rank fusion of their ranks; in semantic
	 * recall the nearest rows alone, scored by their similarity. Withdrawals,
	 * supersession, filters, boosts and the minimum score then apply as in lexical
	 * recall.
	 * @param windows the repository's windows ({@link #windows})
	 * @param ranks where their rows rank, within the repository or across those asked
	 * ({@link RankFusion#across})
	 */
	RowRanking rank(String repo, RecallCorpus.Corpus corpus, Map<String, Double> terms, CollectionStatistics statistics,
			RecallQuery query, Instant now, RankFusion.Semantic semantic, RankFusion.Windows windows,
			RankFusion.Ranks ranks) {
		RankFusion.Fused fused = semantic.fuse(windows, ranks);
		return rank(repo, corpus, terms, query, now, fused.docs(), fused.base()::get,
				this.bm25f.scorer(corpus, terms, statistics)::score, fused.fusions());
	}

	/**
	 * One repository's two windows: in hybrid recall its {@code semantic.window()} best
	 * rows by BM25F, found by {@link MaxScoreRanking#bestByText} when the settings allow
	 * (not by scoring every matching row); and its rows nearest the query, searched for
	 * (once the query's vector is computed) while the lexical window is found. Both are
	 * taken from the rows the query admits ({@link MatchedRows#ofEveryRow}).
	 */
	RankFusion.Windows windows(String repo, RecallCorpus.Corpus corpus, Map<String, Double> terms,
			CollectionStatistics statistics, RecallQuery query, RankFusion.Semantic semantic) {
		Bm25f.Scorer scorer = this.bm25f.scorer(corpus, terms, statistics);
		MatchedRows admitted = MatchedRows.ofEveryRow(repo, corpus, query);
		Supplier<List<Map.Entry<Integer, Double>>> nearest = semantic.nearest().apply(admitted);
		int[] lexical = (semantic.mode() == RecallQuery.Mode.HYBRID)
				? lexicalWindow(scorer, corpus, terms, statistics, admitted, query.asOf(), semantic.window())
				: new int[0];
		int[] targets = new int[lexical.length];
		double[] bm25 = new double[lexical.length];
		for (int i = 0; i < lexical.length; i++) {
			targets[i] = admitted.target(lexical[i]);
			bm25[i] = scorer.score(lexical[i]);
		}
		return new RankFusion.Windows(lexical, targets, bm25, nearest.get());
	}

	/**
	 * Ranks {@code matchedDocs}, each scored {@code base} (its text score) times its
	 * boosts, and keeps the best {@code query.limit()}.
	 * @param bm25 a row's BM25F text score, for {@code why}
	 * @param fusions how each row ranked in semantic or hybrid recall, by row number
	 */
	private RowRanking rank(String repo, RecallCorpus.Corpus corpus, Map<String, Double> terms, RecallQuery query,
			Instant now, int[] matchedDocs, IntToDoubleFunction base, IntToDoubleFunction bm25,
			Map<Integer, RecallResult.Fusion> fusions) {
		int size = corpus.docs().size();
		TargetScores scores = new TargetScores(size, matchedDocs.length);
		Map<Integer, Integer> sources = new HashMap<>();
		Map<Integer, Set<String>> vias = new HashMap<>();
		int superseded = 0;
		int withdrawn = 0;
		int filtered = 0;
		int belowMinScore = 0;
		List<RecallResult.SupersededRow> supersededRows = new ArrayList<>();
		List<String> withdrawnIds = new ArrayList<>();
		double[] statusBoosts = this.boostRules.statusBoosts(corpus);
		SupersessionChains.View chains = corpus.chainsAt(query.asOf());
		boolean filtering = RowRanking.filters(query);
		for (int number : matchedDocs) {
			if (corpus.isWithdrawal(number)) {
				withdrawn++;
				withdrawnIds.add(corpus.docs().get(number).id());
				continue;
			}
			int target = number;
			if (query.dropSuperseded() && corpus.isSuperseded(number)) {
				RecallCorpus.Doc doc = corpus.docs().get(number);
				SupersessionChains.Tail tail = chains.tail(doc.id());
				if (tail != null && tail.head().withdrawal()) {
					withdrawn++;
					withdrawnIds.add(doc.id());
					continue;
				}
				if (tail != null) {
					superseded++;
					supersededRows
						.add(new RecallResult.SupersededRow(repo, doc.id(), tail.next().id(), tail.head().id()));
					target = corpus.doc(tail.head()).number();
					vias.computeIfAbsent(target, (key) -> new TreeSet<>()).add(doc.id());
				}
			}
			if (filtering && !corpus.admits(target, query)) {
				filtered++;
				continue;
			}
			double score = Boosts.round(base.applyAsDouble(number))
					* this.boostRules.of(corpus, target, statusBoosts, query, now).factor();
			if (score < this.properties.minScore()) {
				belowMinScore++;
				continue;
			}
			if (!scores.has(target) || scores.get(target) < score) {
				scores.put(target, score);
				if (target != number) {
					sources.put(target, number);
				}
				else if (!sources.isEmpty()) {
					sources.remove(target);
				}
			}
		}
		Comparator<Integer> bestFirst = RowRanking.bestFirst(corpus, scores::get, Integer::intValue);
		PriorityQueue<Integer> kept = new PriorityQueue<>(bestFirst.reversed());
		for (int number : scores.rows()) {
			if (kept.size() == query.limit() && bestFirst.compare(number, kept.peek()) >= 0) {
				continue;
			}
			kept.add(number);
			if (kept.size() > query.limit()) {
				kept.poll();
			}
		}
		List<RowRanking.Ranked> ranked = new ArrayList<>(kept.size());
		while (!kept.isEmpty()) {
			int number = kept.poll();
			int source = sources.getOrDefault(number, number);
			ranked.add(RowRanking.ranked(repo, corpus, terms, number, source, scores.get(number),
					bm25.applyAsDouble(source), this.boostRules.of(corpus, number, statusBoosts, query, now),
					List.copyOf(vias.getOrDefault(number, Set.of())), fusions.get(source)));
		}
		Collections.reverse(ranked);
		return new RowRanking(ranked, scores.count(), new RecallResult.Exclusions(superseded, withdrawn, filtered,
				belowMinScore, supersededRows, withdrawnIds), matchedDocs.length);
	}

	/**
	 * The {@code window} best rows by BM25F of those {@code admitted} keeps as
	 * candidates, one for each row their scores go to, best first: walked by MaxScore
	 * when the settings bound the scores, else picked out of every matching row.
	 */
	private int[] lexicalWindow(Bm25f.Scorer scorer, RecallCorpus.Corpus corpus, Map<String, Double> terms,
			CollectionStatistics statistics, MatchedRows admitted, @Nullable Instant asOf, int window) {
		if (this.bm25f.bounded()) {
			return MaxScoreRanking.bestByText(scorer, admitted, window);
		}
		double[] bm25 = new double[corpus.docs().size()];
		int[] matched = this.bm25f.score(corpus, terms, statistics, asOf, bm25);
		return RankFusion.Semantic.best(Arrays.stream(matched).filter(admitted::isCandidate).toArray(), bm25,
				admitted::target, window);
	}

	/**
	 * The best score each target row has got so far: in arrays over every row when many
	 * rows are ranked, in a map when few are (semantic and hybrid recall rank a few
	 * hundred), so that such a recall of a large repository allocates nothing of the
	 * repository's size (an array of 100,000 doubles is a humongous object for G1 in a
	 * 512 MB heap, and a concurrent cycle each time).
	 */
	private static final class TargetScores {

		private final double @Nullable [] dense;

		private final @Nullable BitSet denseRows;

		private final @Nullable Map<Integer, Double> sparse;

		/**
		 * @param rows the corpus's rows
		 * @param ranked how many rows will be ranked
		 */
		TargetScores(int rows, int ranked) {
			boolean few = ranked <= rows / 64;
			this.dense = few ? null : new double[rows];
			this.denseRows = few ? null : new BitSet(rows);
			this.sparse = few ? new HashMap<>() : null;
		}

		boolean has(int row) {
			return (this.sparse != null) ? this.sparse.containsKey(row) : this.denseRows.get(row);
		}

		double get(int row) {
			return (this.sparse != null) ? this.sparse.get(row) : this.dense[row];
		}

		void put(int row, double score) {
			if (this.sparse != null) {
				this.sparse.put(row, score);
			}
			else {
				this.dense[row] = score;
				this.denseRows.set(row);
			}
		}

		int count() {
			return (this.sparse != null) ? this.sparse.size() : this.denseRows.cardinality();
		}

		/** The rows with a score, in row order. */
		int[] rows() {
			return (this.sparse != null) ? this.sparse.keySet().stream().mapToInt(Integer::intValue).sorted().toArray()
					: this.denseRows.stream().toArray();
		}

	}

}

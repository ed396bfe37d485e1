package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.Function;

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
	 * As above; with {@code semantic}, the rows ranked are those of the fusion: in hybrid
	 * recall the {@code window} best rows by BM25F and the rows nearest the query, the
	 * text score in the product being the reciprocal-rank fusion of both rankings; in
	 * semantic recall the nearest rows alone, scored by their similarity. Withdrawals,
	 * supersession, filters, boosts and the minimum score then apply as in lexical
	 * recall. The nearest rows are asked for once the lexical window is found, so that
	 * the query's vector can be computed meanwhile; the window is found by
	 * {@link MaxScoreRanking#bestByText} when the settings allow, not by scoring every
	 * matching row.
	 */
	RowRanking rank(String repo, RecallCorpus.Corpus corpus, Map<String, Double> terms, CollectionStatistics statistics,
			RecallQuery query, Instant now, @Nullable Semantic semantic) {
		int size = corpus.docs().size();
		int[] matchedDocs;
		IntToDoubleFunction base;
		IntToDoubleFunction bm25;
		Map<Integer, RecallResult.Fusion> fusions = Map.of();
		if (semantic == null) {
			double[] scored = new double[size];
			matchedDocs = this.bm25f.score(corpus, terms, statistics, query.asOf(), scored);
			base = (number) -> scored[number];
			bm25 = base;
		}
		else {
			Bm25f.Scorer scorer = this.bm25f.scorer(corpus, terms, statistics);
			MatchedRows admitted = admitted(repo, corpus, query);
			int[] lexical = (semantic.mode() == RecallQuery.Mode.HYBRID) ? lexicalWindow(scorer, corpus, terms,
					statistics, (admitted != null) ? admitted::isCandidate : (number) -> true, query.asOf(),
					semantic.window()) : new int[0];
			Fused fused = semantic.fuse(lexical, admitted);
			matchedDocs = fused.docs();
			base = fused.base()::get;
			fusions = fused.fusions();
			bm25 = scorer::score;
		}
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
	 * The {@code window} best rows by BM25F of those {@code candidate} admits, best
	 * first: walked by MaxScore when the settings bound the scores, else picked out of
	 * every matching row.
	 */
	private int[] lexicalWindow(Bm25f.Scorer scorer, RecallCorpus.Corpus corpus, Map<String, Double> terms,
			CollectionStatistics statistics, IntPredicate candidate, @Nullable Instant asOf, int window) {
		if (this.bm25f.bounded()) {
			return MaxScoreRanking.bestByText(scorer, candidate, window);
		}
		double[] bm25 = new double[corpus.docs().size()];
		int[] matched = this.bm25f.score(corpus, terms, statistics, asOf, bm25);
		return Semantic.best(Arrays.stream(matched).filter(candidate).toArray(), bm25, window);
	}

	/**
	 * The rows that may be in either ranking's window, whatever their words, when the
	 * query limits them: those captured by its {@code as_of}, passing its status, tag and
	 * since filters (themselves, or through the head of their chain when superseded rows
	 * are dropped), not withdrawn ({@link MatchedRows#ofEveryRow}). Both windows are
	 * taken from these rows, so that a filter admitting few rows still gets its best
	 * ones.
	 * @return the rows, or null when the query limits none (every row may be ranked)
	 */
	static @Nullable MatchedRows admitted(String repo, RecallCorpus.Corpus corpus, RecallQuery query) {
		return (RowRanking.filters(query) || query.asOf() != null) ? MatchedRows.ofEveryRow(repo, corpus, query) : null;
	}

	/**
	 * The semantic side of a recall in one repository: the rows nearest the query.
	 *
	 * @param mode {@link RecallQuery.Mode#SEMANTIC} or {@link RecallQuery.Mode#HYBRID}
	 * @param window how many rows of the lexical ranking join the fusion (its rank
	 * window, as many as the semantic side's candidates)
	 * @param rrfK the fusion's constant k
	 * @param nearest row numbers and their similarity, nearest first, of the rows
	 * admitted (every row when given null); may wait for them
	 */
	record Semantic(RecallQuery.Mode mode, int window, int rrfK,
			Function<@Nullable MatchedRows, List<Map.Entry<Integer, Double>>> nearest) {

		/**
		 * The rows to rank and the text score of each: semantic, the nearest rows and
		 * their similarity; hybrid, the rows of the lexical window and the nearest rows,
		 * each scored
		 * {@code (k + 1) x (1 / (k + lexical rank) + 1 / (k + semantic rank))}, a rank
		 * outside its window adding nothing.
		 * @param lexicalBest the lexical window: at most {@code window} rows, best first
		 * @param admitted the rows the nearest are taken from ({@link #admitted}); null
		 * for every row
		 */
		Fused fuse(int[] lexicalBest, @Nullable MatchedRows admitted) {
			List<Map.Entry<Integer, Double>> nearest = this.nearest.apply(admitted);
			Map<Integer, Double> base = new HashMap<>();
			Map<Integer, RecallResult.Fusion> fusions = new HashMap<>();
			String name = this.mode.name().toLowerCase(Locale.ROOT);
			if (this.mode == RecallQuery.Mode.SEMANTIC) {
				int[] docs = new int[nearest.size()];
				for (int i = 0; i < docs.length; i++) {
					int number = nearest.get(i).getKey();
					docs[i] = number;
					double similarity = Math.max(0, nearest.get(i).getValue());
					base.put(number, similarity);
					fusions.put(number, new RecallResult.Fusion(name, null, i + 1, Boosts.round(similarity),
							Boosts.round(similarity)));
				}
				return new Fused(docs, base, fusions);
			}
			Map<Integer, Integer> lexicalRank = new LinkedHashMap<>();
			for (int i = 0; i < Math.min(lexicalBest.length, this.window); i++) {
				lexicalRank.put(lexicalBest[i], i + 1);
			}
			Map<Integer, Integer> semanticRank = new HashMap<>();
			Map<Integer, Double> similarity = new HashMap<>();
			for (int i = 0; i < nearest.size(); i++) {
				semanticRank.put(nearest.get(i).getKey(), i + 1);
				similarity.put(nearest.get(i).getKey(), nearest.get(i).getValue());
			}
			Set<Integer> all = new LinkedHashSet<>(lexicalRank.keySet());
			all.addAll(semanticRank.keySet());
			int[] docs = new int[all.size()];
			int n = 0;
			for (int number : all) {
				Integer lexical = lexicalRank.get(number);
				Integer semantic = semanticRank.get(number);
				double fused = (this.rrfK + 1) * (((lexical != null) ? 1.0 / (this.rrfK + lexical) : 0)
						+ ((semantic != null) ? 1.0 / (this.rrfK + semantic) : 0));
				base.put(number, fused);
				fusions.put(number,
						new RecallResult.Fusion(name, lexical, semantic,
								(similarity.get(number) != null) ? Boosts.round(similarity.get(number)) : null,
								Boosts.round(fused)));
				docs[n++] = number;
			}
			return new Fused(docs, base, fusions);
		}

		/**
		 * The {@code window} rows of {@code matched} with the highest BM25F, best first
		 * (ties: the later row first), without sorting every matching row: the reference
		 * for {@link MaxScoreRanking#bestByText}.
		 */
		static int[] best(int[] matched, double[] bm25, int window) {
			Comparator<Integer> worstFirst = (a, b) -> {
				int order = Double.compare(bm25[a], bm25[b]);
				return (order != 0) ? order : Integer.compare(a, b);
			};
			PriorityQueue<Integer> kept = new PriorityQueue<>(worstFirst);
			for (int number : matched) {
				if (kept.size() < window) {
					kept.add(number);
				}
				else if (worstFirst.compare(number, kept.peek()) > 0) {
					kept.poll();
					kept.add(number);
				}
			}
			int[] best = new int[kept.size()];
			for (int i = best.length - 1; i >= 0; i--) {
				best[i] = kept.poll();
			}
			return best;
		}

	}

	/**
	 * @param docs the rows to rank
	 * @param base each row's text score, by row number
	 * @param fusions how each row ranked, by row number
	 */
	record Fused(int[] docs, Map<Integer, Double> base, Map<Integer, RecallResult.Fusion> fusions) {
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

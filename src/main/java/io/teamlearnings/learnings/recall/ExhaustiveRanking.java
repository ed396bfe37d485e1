package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.ArrayList;
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
	 * As above; with {@code semantic}, the rows nearest the query join the ranking and
	 * the text score in the product is the similarity (semantic) or the reciprocal-rank
	 * fusion of both rankings (hybrid). Withdrawals, supersession, filters, boosts and
	 * the minimum score then apply as in lexical recall. {@code semantic} is asked for
	 * once the rows are scored lexically, so that the query's vector can be computed
	 * meanwhile.
	 */
	RowRanking rank(String repo, RecallCorpus.Corpus corpus, Map<String, Double> terms, CollectionStatistics statistics,
			RecallQuery query, Instant now, @Nullable Supplier<Semantic> semantic) {
		int size = corpus.docs().size();
		double[] bm25 = new double[size];
		int[] matchedDocs = this.bm25f.score(corpus, terms, statistics, query.asOf(), bm25);
		double[] base = bm25;
		Map<Integer, RecallResult.Fusion> fusions = Map.of();
		if (semantic != null) {
			Fused fused = semantic.get().fuse(matchedDocs, bm25);
			matchedDocs = fused.docs();
			base = fused.base();
			fusions = fused.fusions();
		}
		double[] scores = new double[size];
		BitSet scored = new BitSet(size);
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
			if (filtering && !RowRanking.admits(corpus.docs().get(target), query)) {
				filtered++;
				continue;
			}
			double score = Boosts.round(base[number])
					* this.boostRules.of(corpus, target, statusBoosts, query, now).factor();
			if (score < this.properties.minScore()) {
				belowMinScore++;
				continue;
			}
			if (!scored.get(target) || scores[target] < score) {
				scores[target] = score;
				scored.set(target);
				if (target != number) {
					sources.put(target, number);
				}
				else if (!sources.isEmpty()) {
					sources.remove(target);
				}
			}
		}
		Comparator<Integer> bestFirst = RowRanking.bestFirst(corpus, (Integer number) -> scores[number],
				Integer::intValue);
		PriorityQueue<Integer> kept = new PriorityQueue<>(bestFirst.reversed());
		for (int number = scored.nextSetBit(0); number >= 0; number = scored.nextSetBit(number + 1)) {
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
			ranked.add(RowRanking.ranked(repo, corpus, terms, number, source, scores[number], bm25[source],
					this.boostRules.of(corpus, number, statusBoosts, query, now),
					List.copyOf(vias.getOrDefault(number, Set.of())), fusions.get(source)));
		}
		Collections.reverse(ranked);
		return new RowRanking(ranked, scored.cardinality(), new RecallResult.Exclusions(superseded, withdrawn, filtered,
				belowMinScore, supersededRows, withdrawnIds), matchedDocs.length);
	}

	/**
	 * The semantic side of a recall in one repository: the rows nearest the query.
	 *
	 * @param mode {@link RecallQuery.Mode#SEMANTIC} or {@link RecallQuery.Mode#HYBRID}
	 * @param nearest row numbers and their similarity, nearest first
	 * @param window how many rows of the lexical ranking join the fusion (its rank
	 * window, as many as the semantic side's candidates)
	 * @param rrfK the fusion's constant k
	 */
	record Semantic(RecallQuery.Mode mode, List<Map.Entry<Integer, Double>> nearest, int window, int rrfK) {

		/**
		 * The rows to rank and the text score of each: semantic, the nearest rows and
		 * their similarity; hybrid, the {@code window} best rows by BM25F and the nearest
		 * rows, each scored
		 * {@code (k + 1) x (1 / (k + lexical rank) + 1 / (k + semantic rank))}, a rank
		 * outside its window adding nothing.
		 */
		Fused fuse(int[] matched, double[] bm25) {
			double[] base = new double[bm25.length];
			Map<Integer, RecallResult.Fusion> fusions = new HashMap<>();
			String name = this.mode.name().toLowerCase(Locale.ROOT);
			if (this.mode == RecallQuery.Mode.SEMANTIC) {
				int[] docs = new int[this.nearest.size()];
				for (int i = 0; i < docs.length; i++) {
					int number = this.nearest.get(i).getKey();
					docs[i] = number;
					base[number] = Math.max(0, this.nearest.get(i).getValue());
					fusions.put(number, new RecallResult.Fusion(name, null, i + 1, Boosts.round(base[number]),
							Boosts.round(base[number])));
				}
				return new Fused(docs, base, fusions);
			}
			Map<Integer, Integer> lexicalRank = new LinkedHashMap<>();
			int[] best = best(matched, bm25, this.window);
			for (int i = 0; i < best.length; i++) {
				lexicalRank.put(best[i], i + 1);
			}
			Map<Integer, Integer> semanticRank = new HashMap<>();
			Map<Integer, Double> similarity = new HashMap<>();
			for (int i = 0; i < this.nearest.size(); i++) {
				semanticRank.put(this.nearest.get(i).getKey(), i + 1);
				similarity.put(this.nearest.get(i).getKey(), this.nearest.get(i).getValue());
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
				base[number] = fused;
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
		 * (ties: the later row first), without sorting every matching row.
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
	record Fused(int[] docs, double[] base, Map<Integer, RecallResult.Fusion> fusions) {
	}

}

package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import io.teamlearnings.learnings.index.SupersessionChains;

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
		int size = corpus.docs().size();
		double[] bm25 = new double[size];
		int[] matchedDocs = this.bm25f.score(corpus, terms, statistics, query.asOf(), bm25);
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
			double score = Boosts.round(bm25[number])
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
					List.copyOf(vias.getOrDefault(number, Set.of()))));
		}
		Collections.reverse(ranked);
		return new RowRanking(ranked, scored.cardinality(), new RecallResult.Exclusions(superseded, withdrawn, filtered,
				belowMinScore, supersededRows, withdrawnIds), matchedDocs.length);
	}

}

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
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

import org.jspecify.annotations.Nullable;

/**
 * Ranks one repository's rows as {@link ExhaustiveRanking} does (same hits, same order,
 * same scores to the last bit, same counts and explanations) without scoring the rows
 * that cannot reach the top: MaxScore (Turtle and Flood, "Query evaluation: strategies
 * and optimizations", 1995), over the query's postings in row order.
 * <p>
 * Each term has a ceiling, at least its part of any row's text score
 * ({@link Bm25f.Scorer#ceiling}), and each row a ceiling of its boost factor
 * ({@link BoostRules.Ceilings}). Once {@code limit} rows are kept, the worst of them is
 * the threshold: the terms whose ceilings add up to less than the threshold times the
 * largest factor are non-essential (a row with only those cannot get in), so only the
 * postings of the other terms are walked, and a row found there is probed in the
 * non-essential terms, highest ceiling first, only as long as its own bound (what is
 * known of its text score plus the ceilings of the terms not yet looked at, times its
 * factor's ceiling) reaches the threshold. A row that gets that far is scored exactly as
 * {@link ExhaustiveRanking} scores it: its terms' parts summed in query order, rounded,
 * times its boosts.
 * <p>
 * Skipping a row is safe because its score is strictly below the threshold, which only
 * rises: it can neither get in (a row scoring as much as the worst kept one may still
 * beat it on capture time or file order, so it is scored) nor raise the score of a kept
 * row (the head of its chain), nor be the source a kept row's explanation names. When
 * {@code min-score} can leave rows out (it is above 0, or a status boost is below -1 so
 * that scores can be negative), a row must be scored to be counted, unless its bound is
 * below the minimum: then only those rows are skipped.
 */
final class MaxScoreRanking {

	/**
	 * Relative slack on bounds: a bound adds ceilings up in another order than a score
	 * adds its parts, and every sum, product and quotient rounds, so a score can exceed
	 * its bound by a few ulps; this is far more.
	 */
	private static final double SLACK = 1e-9;

	/**
	 * A text score is rounded to four decimals before the boosts multiply it, which can
	 * raise it by up to half of this.
	 */
	private static final double ROUNDING = 0.0001;

	private final Bm25f bm25f;

	private final BoostRules boostRules;

	private final RecallProperties properties;

	MaxScoreRanking(Bm25f bm25f, BoostRules boostRules, RecallProperties properties) {
		this.bm25f = bm25f;
		this.boostRules = boostRules;
		this.properties = properties;
	}

	RowRanking rank(String repo, RecallCorpus.Corpus corpus, Map<String, Double> terms, CollectionStatistics statistics,
			RecallQuery query, Instant now) {
		Bm25f.Scorer scorer = this.bm25f.scorer(corpus, terms, statistics);
		MatchedRows rows = MatchedRows.of(repo, corpus, scorer, query);
		double[] statusBoosts = this.boostRules.statusBoosts(corpus);
		double minScore = this.properties.minScore();
		boolean belowPossible = minScore > 0;
		for (double statusBoost : statusBoosts) {
			belowPossible |= statusBoost < -1;
		}
		Kept kept = new Kept(RowRanking.bestFirst(corpus, Hit::score, Hit::target), query.limit(), false,
				rows::sharedTarget);
		BoostRules.Ceilings factors = this.boostRules.ceilings(corpus, statusBoosts, query, now);
		Walk walk = new Walk(scorer, rows::isCandidate, (number) -> factors.of(rows.target(number)), factors.max());
		if (belowPossible) {
			walk.raiseThreshold(minScore);
		}
		BitSet passed = new BitSet();
		int passedRows = 0;
		int scored = 0;
		for (int number = walk.next(); number >= 0; number = walk.next()) {
			scored++;
			int target = rows.target(number);
			double score = Boosts.round(walk.bm25())
					* this.boostRules.of(corpus, target, statusBoosts, query, now).factor();
			if (belowPossible) {
				if (score < minScore) {
					continue;
				}
				passed.set(target);
				passedRows++;
			}
			if (kept.isFull() && score < kept.threshold()) {
				// cannot get in, nor raise its target's score among those kept
				continue;
			}
			kept.offer(new Hit(target, score, number, walk.bm25()));
			if (!belowPossible && kept.isFull()) {
				walk.raiseThreshold(kept.threshold());
			}
		}
		List<RowRanking.Ranked> ranked = new ArrayList<>();
		for (Hit hit : kept.bestFirst()) {
			ranked.add(RowRanking.ranked(repo, corpus, terms, hit.target(), hit.source(), hit.score(), hit.bm25(),
					this.boostRules.of(corpus, hit.target(), statusBoosts, query, now),
					rows.vias(corpus, hit.target())));
		}
		return belowPossible
				? new RowRanking(ranked, passed.cardinality(), rows.exclusions(rows.candidates() - passedRows), scored)
				: new RowRanking(ranked, rows.targets(), rows.exclusions(0), scored);
	}

	/**
	 * The {@code window} rows with the highest BM25F text score, best first (ties: the
	 * later row first), of the matching rows {@code admitted} keeps as candidates, one
	 * for each row their scores go to (a chain's best revision stands for its head, the
	 * first in row order of those that score as high): what
	 * {@link RankFusion.Semantic#best} picks out of every such row, found by the same
	 * walk without scoring the rows that cannot get in. This is the lexical side of
	 * hybrid recall, before boosts. Only when {@link Bm25f#bounded()}.
	 * @param admitted the rows that may be in the window (captured by the query's
	 * {@code as_of}, passing its filters itself or through the head of its chain), and
	 * the row each one's score goes to (the head of its chain, or itself)
	 * @param window rows to keep, at least 1
	 * @return the row numbers, at most {@code window} of them
	 */
	static int[] bestByText(Bm25f.Scorer scorer, MatchedRows admitted, int window) {
		Walk walk = new Walk(scorer, admitted::isCandidate, (number) -> 1, 1);
		Kept kept = new Kept(Comparator.comparingDouble(Hit::bm25).thenComparingInt(Hit::source).reversed(), window,
				true, admitted::sharedTarget);
		for (int number = walk.next(); number >= 0; number = walk.next()) {
			double bm25 = walk.bm25();
			if (kept.isFull() && bm25 < kept.threshold()) {
				// cannot get in, nor raise its target's score among those kept; nor can a
				// later row of its target that only ties it, as the threshold only rises
				continue;
			}
			kept.offer(new Hit(admitted.target(number), bm25, number, bm25));
			if (kept.isFull()) {
				walk.raiseThreshold(kept.threshold());
			}
		}
		return kept.bestFirst().stream().mapToInt(Hit::source).toArray();
	}

	/**
	 * At least the score of a row whose text score is at most {@code bm25} and whose
	 * boost factor is at most {@code factor} (at least 0).
	 */
	private static double ceiling(double bm25, double factor) {
		return (bm25 * (1 + SLACK) + ROUNDING) * factor * (1 + SLACK);
	}

	/**
	 * A row's score as it goes to its target.
	 *
	 * @param target the row the score goes to (the head of the source's chain, or the
	 * source)
	 * @param score the score
	 * @param source the row that matched
	 * @param bm25 the source's text score, unrounded
	 */
	private record Hit(int target, double score, int source, double bm25) {
	}

	/**
	 * The best {@code limit} targets so far by {@code bestFirst}, each with its best hit:
	 * the first of its highest-scoring sources in row order, as {@link ExhaustiveRanking}
	 * keeps it.
	 * <p>
	 * Where {@code bestFirst} breaks ties by the source row (the lexical window: the
	 * later row first), a target kept out stays out unless a later row of it scores
	 * higher than the hit it was kept out with: a later row that only ties that hit is
	 * not the target's best, though it would itself rank above the worst kept. Where ties
	 * go by target, every row of a target ranks as its best does, and nothing needs
	 * keeping.
	 */
	private static final class Kept {

		private final int limit;

		private final Comparator<Hit> bestFirst;

		private final PriorityQueue<Hit> worstFirst;

		private final IntPredicate shared;

		/** The kept hit of each shared target, by target. */
		private final Map<Integer, Hit> byTarget = new HashMap<>();

		/**
		 * The best hit of each target kept out, by target; {@code null} when ties go by
		 * target.
		 */
		private final @Nullable Map<Integer, Hit> keptOut;

		/**
		 * @param bestFirst the order of hits, best first
		 * @param limit how many targets to keep
		 * @param tiesBySource whether {@code bestFirst} breaks ties by source row rather
		 * than by target
		 * @param shared whether a target may get hits from more than one row (the head of
		 * a chain with revisions among the rows walked): only those are looked up by
		 * target, so that a walk of rows that score for themselves boxes nothing
		 */
		Kept(Comparator<Hit> bestFirst, int limit, boolean tiesBySource, IntPredicate shared) {
			this.limit = limit;
			this.bestFirst = bestFirst;
			this.shared = shared;
			this.keptOut = tiesBySource ? new HashMap<>() : null;
			this.worstFirst = new PriorityQueue<>(this.bestFirst.reversed());
		}

		void offer(Hit hit) {
			boolean shared = this.shared.test(hit.target());
			if (shared) {
				Hit current = this.byTarget.get(hit.target());
				if (current != null) {
					if (current.score() < hit.score()) {
						this.worstFirst.remove(current);
						this.worstFirst.add(hit);
						this.byTarget.put(hit.target(), hit);
					}
					return;
				}
				Hit out = (this.keptOut != null) ? this.keptOut.get(hit.target()) : null;
				if (out != null && out.score() >= hit.score()) {
					return;
				}
			}
			if (this.worstFirst.size() == this.limit) {
				if (this.bestFirst.compare(hit, this.worstFirst.peek()) >= 0) {
					if (shared) {
						keepOut(hit);
					}
					return;
				}
				Hit worst = this.worstFirst.poll();
				if (this.shared.test(worst.target())) {
					this.byTarget.remove(worst.target());
					keepOut(worst);
				}
			}
			this.worstFirst.add(hit);
			if (shared) {
				this.byTarget.put(hit.target(), hit);
			}
		}

		private void keepOut(Hit hit) {
			if (this.keptOut != null) {
				this.keptOut.put(hit.target(), hit);
			}
		}

		boolean isFull() {
			return this.worstFirst.size() == this.limit;
		}

		/** The score of the worst kept target; only when full. */
		double threshold() {
			return this.worstFirst.element().score();
		}

		List<Hit> bestFirst() {
			List<Hit> hits = new ArrayList<>(this.worstFirst.size());
			while (!this.worstFirst.isEmpty()) {
				hits.add(this.worstFirst.poll());
			}
			Collections.reverse(hits);
			return hits;
		}

	}

	/**
	 * The walk over the postings in row order, yielding the rows worth scoring exactly:
	 * candidates whose bound reaches the threshold.
	 */
	private static final class Walk {

		private final Bm25f.Scorer scorer;

		private final IntPredicate candidate;

		private final IntToDoubleFunction factorCeiling;

		private final double maxFactor;

		/** The terms that some row has, lowest ceiling first. */
		private final int[] order;

		/** Each term's ceiling, by term. */
		private final double[] ceilings;

		/** {@code below[j]}: the ceilings of {@code order[0..j-1]} added up. */
		private final double[] below;

		/** Each term's position in its postings, by term. */
		private final int[] cursors;

		/** Each term's part of the current row's text score, by term. */
		private final double[] parts;

		/** {@code order[essential..]} are the essential terms. */
		private int essential;

		private double threshold = Double.NEGATIVE_INFINITY;

		private double bm25;

		/**
		 * @param candidate whether a row may be scored at all
		 * @param factorCeiling at least the boost factor of a candidate's score
		 * @param maxFactor at least every candidate's factor ceiling
		 */
		Walk(Bm25f.Scorer scorer, IntPredicate candidate, IntToDoubleFunction factorCeiling, double maxFactor) {
			this.scorer = scorer;
			this.candidate = candidate;
			this.factorCeiling = factorCeiling;
			this.maxFactor = maxFactor;
			int terms = scorer.terms();
			this.ceilings = new double[terms];
			this.cursors = new int[terms];
			this.parts = new double[terms];
			List<Integer> present = new ArrayList<>();
			for (int term = 0; term < terms; term++) {
				if (scorer.postings(term) != null) {
					this.ceilings[term] = scorer.ceiling(term);
					present.add(term);
				}
			}
			present.sort(Comparator.comparingDouble((Integer term) -> this.ceilings[term]));
			this.order = present.stream().mapToInt(Integer::intValue).toArray();
			this.below = new double[this.order.length + 1];
			for (int j = 0; j < this.order.length; j++) {
				this.below[j + 1] = this.below[j] + this.ceilings[this.order[j]];
			}
		}

		/**
		 * Raises the threshold a row must reach to be scored, and makes non-essential the
		 * terms that, all together, cannot reach it.
		 */
		void raiseThreshold(double threshold) {
			this.threshold = threshold;
			while (this.essential < this.order.length
					&& ceiling(this.below[this.essential + 1], this.maxFactor) < threshold) {
				this.essential++;
			}
		}

		/**
		 * The next row worth scoring, after those already given; -1 when there is none.
		 */
		int next() {
			while (true) {
				int number = Integer.MAX_VALUE;
				for (int j = this.essential; j < this.order.length; j++) {
					int term = this.order[j];
					Postings postings = this.scorer.postings(term);
					if (this.cursors[term] < postings.size()) {
						number = Math.min(number, postings.doc(this.cursors[term]));
					}
				}
				if (number == Integer.MAX_VALUE) {
					return -1;
				}
				boolean worth = this.candidate.test(number) && bounded(number);
				for (int j = this.essential; j < this.order.length; j++) {
					int term = this.order[j];
					if (at(term, number)) {
						this.cursors[term]++;
					}
				}
				if (worth) {
					return number;
				}
			}
		}

		/** The text score of the row {@link #next()} gave, summed in query order. */
		double bm25() {
			return this.bm25;
		}

		/**
		 * Whether candidate {@code number} can reach the threshold, narrowing its bound
		 * step by step; if it can, its text score is worked out.
		 */
		private boolean bounded(int number) {
			double factor = this.factorCeiling.applyAsDouble(number);
			double known = this.below[this.essential];
			for (int j = this.essential; j < this.order.length; j++) {
				if (at(this.order[j], number)) {
					known += this.ceilings[this.order[j]];
				}
			}
			if (ceiling(known, factor) < this.threshold) {
				return false;
			}
			double exact = 0;
			for (int j = this.essential; j < this.order.length; j++) {
				int term = this.order[j];
				this.parts[term] = at(term, number) ? this.scorer.score(term, this.cursors[term]) : 0;
				exact += this.parts[term];
			}
			if (ceiling(this.below[this.essential] + exact, factor) < this.threshold) {
				return false;
			}
			for (int j = this.essential - 1; j >= 0; j--) {
				int term = this.order[j];
				this.cursors[term] = this.scorer.postings(term).advance(this.cursors[term], number);
				this.parts[term] = at(term, number) ? this.scorer.score(term, this.cursors[term]) : 0;
				exact += this.parts[term];
				if (ceiling(this.below[j] + exact, factor) < this.threshold) {
					return false;
				}
			}
			double bm25 = 0;
			for (double part : this.parts) {
				bm25 += part;
			}
			this.bm25 = bm25;
			return true;
		}

		/** Whether term {@code term}'s cursor is at row {@code number}. */
		private boolean at(int term, int number) {
			Postings postings = this.scorer.postings(term);
			return this.cursors[term] < postings.size() && postings.doc(this.cursors[term]) == number;
		}

	}

}

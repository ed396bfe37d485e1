package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The boosts that lift a row's text score (README gives the formula): by status, by
 * recency (an e-folding lift for new rows) and by how well the row's paths match the
 * caller's, all from {@code learnings.recall}.
 */
@Component
class BoostRules {

	private final RecallProperties properties;

	BoostRules(RecallProperties properties) {
		this.properties = properties;
	}

	/**
	 * Row {@code number}'s boosts, from the corpus's per-row arrays; {@code statusBoosts}
	 * holds the boost of each of the corpus's statuses.
	 */
	Boosts of(RecallCorpus.Corpus corpus, int number, double[] statusBoosts, RecallQuery query, Instant now) {
		double pathBoost = query.paths().isEmpty() ? 0 : Boosts
			.round(this.properties.pathBoost() * pathMatch(corpus.docs().get(number).paths(), query.paths()));
		return new Boosts(statusBoosts[corpus.statusIndex(number)], recency(corpus.capturedSecond(number), now),
				pathBoost);
	}

	/**
	 * The status boost of each of {@code corpus}'s statuses (by the index
	 * {@link RecallCorpus.Corpus#statusIndex} gives), rounded as reported.
	 */
	double[] statusBoosts(RecallCorpus.Corpus corpus) {
		return corpus.statuses()
			.stream()
			.mapToDouble((status) -> Boosts.round(this.properties.statusBoosts().of(status)))
			.toArray();
	}

	/**
	 * The most the boosts can multiply a row's text score by, for one query over
	 * {@code corpus} at {@code now}; {@code statusBoosts} as {@link #of} takes them.
	 */
	Ceilings ceilings(RecallCorpus.Corpus corpus, double[] statusBoosts, RecallQuery query, Instant now) {
		return new Ceilings(corpus, statusBoosts, query, now);
	}

	/**
	 * The recency boost, rounded as reported, of a row captured at {@code capturedSecond}
	 * (Long.MIN_VALUE: unknown, no boost).
	 */
	private double recency(long capturedSecond, Instant now) {
		if (capturedSecond == Long.MIN_VALUE) {
			return 0;
		}
		long seconds = now.getEpochSecond() - capturedSecond;
		double ageDays = Math.max(0, seconds / 86_400.0);
		return Boosts.round(this.properties.recencyWeight() * Math.exp(-ageDays / this.properties.recencyDays()));
	}

	/**
	 * Ceilings of the factor {@link #of} gives, for one query. The factor is {@code (1 +
	 * status) x (1 + recency) x (1 + path)}, each boost rounded: a row's ceiling takes
	 * its own status and recency boosts and the largest path boost, that of the same file
	 * (when the query has paths; none otherwise); the recency boost falls with age, so
	 * the newest row's is the largest. A factor below 0 (a status boost below -1) makes a
	 * score of at most 0, so ceilings are at least 0.
	 */
	final class Ceilings {

		private final RecallCorpus.Corpus corpus;

		private final double[] statusBoosts;

		private final Instant now;

		private final double pathBoost;

		/** Rows captured at or before this second have recency boost 0. */
		private final long faded;

		private final double max;

		private Ceilings(RecallCorpus.Corpus corpus, double[] statusBoosts, RecallQuery query, Instant now) {
			this.corpus = corpus;
			this.statusBoosts = statusBoosts;
			this.now = now;
			this.pathBoost = query.paths().isEmpty() ? 0 : Boosts.round(BoostRules.this.properties.pathBoost());
			this.faded = faded(now);
			double newest = recency(corpus.latestCapturedSecond(), now);
			double max = 0;
			for (double statusBoost : statusBoosts) {
				max = Math.max(max, Boosts.factor(statusBoost, newest, this.pathBoost));
			}
			this.max = max;
		}

		/** At least the factor of row {@code number}, and at least 0. */
		double of(int number) {
			long captured = this.corpus.capturedSecond(number);
			double recency = (captured <= this.faded) ? 0 : recency(captured, this.now);
			return Math.max(0,
					Boosts.factor(this.statusBoosts[this.corpus.statusIndex(number)], recency, this.pathBoost));
		}

		/** At least the factor of any row of the corpus, and at least 0. */
		double max() {
			return this.max;
		}

		/**
		 * A second by which a row's recency boost has faded to 0 (below 0.00005 before
		 * rounding), a day past the age the formula gives, checked by working the boost
		 * out; Long.MIN_VALUE if the check fails.
		 */
		private long faded(Instant now) {
			double weight = BoostRules.this.properties.recencyWeight();
			double days = Math.max(0, BoostRules.this.properties.recencyDays() * Math.log(weight / 0.00005));
			double second = now.getEpochSecond() - Math.ceil(days * 86_400) - 86_400;
			if (!(second > -(double) (1L << 62))) {
				return Long.MIN_VALUE;
			}
			return (recency((long) second, now) == 0) ? (long) second : Long.MIN_VALUE;
		}

	}

	/**
	 * How well a row's paths match the caller's: 1 for the same file, 0.75 when one
	 * contains the other, 0.5 for a sibling or a file of the same name.
	 */
	static double pathMatch(List<String> rowPaths, List<String> callerPaths) {
		double best = 0;
		for (String caller : callerPaths) {
			for (String row : rowPaths) {
				String own = RecallQuery.normalizePath(row);
				if (own.equals(caller)) {
					return 1;
				}
				if (own.startsWith(caller + "/") || caller.startsWith(own + "/")) {
					best = Math.max(best, 0.75);
				}
				else if (parent(own).equals(parent(caller)) || name(own).equals(name(caller))) {
					best = Math.max(best, 0.5);
				}
			}
		}
		return best;
	}

	private static String parent(String path) {
		int slash = path.lastIndexOf('/');
		return (slash < 0) ? "" : path.substring(0, slash);
	}

	private static String name(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

}

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

package io.teamlearnings.learnings.recall;

/**
 * A row's boosts, rounded as reported; its score is its text score times
 * {@link #factor()}.
 *
 * @param status the status boost
 * @param recency the recency boost
 * @param path the path boost
 */
record Boosts(double status, double recency, double path) {

	double factor() {
		return factor(this.status, this.recency, this.path);
	}

	/** What a text score is multiplied by for these boosts. */
	static double factor(double status, double recency, double path) {
		return (1 + status) * (1 + recency) * (1 + path);
	}

	/** A score or boost as answers report it: four decimals. */
	static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}

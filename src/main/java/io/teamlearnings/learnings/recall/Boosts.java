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
		return (1 + this.status) * (1 + this.recency) * (1 + this.path);
	}

	/** A score or boost as answers report it: four decimals. */
	static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}

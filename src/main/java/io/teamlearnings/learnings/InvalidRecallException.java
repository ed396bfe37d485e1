package io.teamlearnings.learnings;

/**
 * A recall request that cannot be answered as asked; names the parameter.
 */
class InvalidRecallException extends RuntimeException {

	private final String field;

	private InvalidRecallException(String field, String message) {
		super(message);
		this.field = field;
	}

	static InvalidRecallException emptyQuery() {
		return new InvalidRecallException("query", "Give a query with at least one word, or paths to match.");
	}

	static InvalidRecallException limitTooLarge(int limit, int max) {
		return new InvalidRecallException("limit",
				"limit " + limit + " is over the maximum of " + max + " (learnings.recall.max-limit).");
	}

	String field() {
		return this.field;
	}

}

package io.teamlearnings.learnings;

/**
 * A request to supersede or withdraw a row that a later row already supersedes; names the
 * current head of the chain, which is the row to supersede instead.
 */
class AlreadySupersededException extends RuntimeException {

	private final String id;

	private final String head;

	private AlreadySupersededException(String message, String id, String head) {
		super(message);
		this.id = id;
		this.head = head;
	}

	static AlreadySupersededException of(String repo, String id, String head) {
		return new AlreadySupersededException("Row '" + id + "' in repository '" + repo
				+ "' is already superseded; the current head of its chain is '" + head
				+ "'. Supersede that row instead.", id, head);
	}

	String id() {
		return this.id;
	}

	String head() {
		return this.head;
	}

}

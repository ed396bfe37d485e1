package io.teamlearnings.security;

/**
 * A token request that cannot be carried out.
 */
class TokenException extends RuntimeException {

	private final boolean notFound;

	private TokenException(String message, boolean notFound) {
		super(message);
		this.notFound = notFound;
	}

	static TokenException nameTaken(String name) {
		return new TokenException("A token named '" + name + "' exists; revoke it first or choose another name.",
				false);
	}

	static TokenException unknown(String name) {
		return new TokenException(
				"No created token named '" + name + "' (tokens from configuration are removed from configuration).",
				true);
	}

	static TokenException badGrant(String grant) {
		return new TokenException(
				"'" + grant + "' is not a grant; use <repo>=<role> or *=<role> with role reader, writer or admin.",
				false);
	}

	boolean notFound() {
		return this.notFound;
	}

}

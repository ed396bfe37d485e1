package io.teamlearnings.repos;

/**
 * A request named a repository the service does not serve.
 */
public class UnknownRepositoryException extends RuntimeException {

	private final String name;

	private UnknownRepositoryException(String name) {
		super("No repository named '" + name + "' is served here; GET /api/repos lists them.");
		this.name = name;
	}

	/**
	 * The exception for a request naming {@code name}.
	 * @param name the unknown name
	 * @return the exception
	 */
	public static UnknownRepositoryException forName(String name) {
		return new UnknownRepositoryException(name);
	}

	/**
	 * The name that was asked for.
	 * @return the unknown repository name
	 */
	public String name() {
		return this.name;
	}

}

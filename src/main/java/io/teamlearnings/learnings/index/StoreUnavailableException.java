package io.teamlearnings.learnings.index;

import java.io.IOException;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponseException;

/**
 * The canonical file could not be read or written: answered 503 "Store unavailable"
 * naming the repository, what was not done and the kind of I/O failure.
 */
public class StoreUnavailableException extends ErrorResponseException {

	private StoreUnavailableException(String detail, @Nullable Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable", detail),
				cause);
	}

	/**
	 * @param repo the repository
	 * @param cause why its file could not be read
	 * @return the exception
	 */
	public static StoreUnavailableException reading(String repo, IOException cause) {
		return new StoreUnavailableException("The store of repository '" + repo
				+ "' could not be read, so nothing was appended: " + cause.getClass().getSimpleName(), cause);
	}

	/**
	 * @param repo the repository
	 * @param cause why its file could not be read for a health check or a rebuild
	 * @return the exception
	 */
	public static StoreUnavailableException checking(String repo, IOException cause) {
		return new StoreUnavailableException("The store of repository '" + repo
				+ "' could not be read, so its index was not checked: " + cause.getClass().getSimpleName(), cause);
	}

	/**
	 * @param repo the repository
	 * @param cause why its file could not be written
	 * @return the exception
	 */
	public static StoreUnavailableException writing(String repo, IOException cause) {
		return new StoreUnavailableException("The store of repository '" + repo
				+ "' could not be written, so nothing was appended: " + cause.getClass().getSimpleName(), cause);
	}

	/**
	 * @param repo the repository
	 * @param cause why its file could not be read to serve indexed rows
	 * @return the exception
	 */
	public static StoreUnavailableException serving(String repo, IOException cause) {
		return new StoreUnavailableException("The store of repository '" + repo
				+ "' could not be read, so its rows could not be served: " + cause.getClass().getSimpleName(), cause);
	}

	/**
	 * A row's line was no longer where the index says it lies: the file was rewritten
	 * after the index last caught up with it, and the next read catches up again.
	 * @param repo the repository
	 * @return the exception
	 */
	public static StoreUnavailableException changedWhileRead(String repo) {
		return new StoreUnavailableException(
				"The store of repository '" + repo + "' changed while its rows were read; try again", null);
	}

}

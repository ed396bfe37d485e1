package io.teamlearnings.learnings.index;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No row with the requested id in the repository: answered 404 "Unknown learning".
 */
public class LearningNotFoundException extends ErrorResponseException {

	private LearningNotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "Unknown learning", detail), null);
	}

	/**
	 * @param repo the repository asked
	 * @param id the id it does not hold
	 * @return the exception
	 */
	public static LearningNotFoundException forId(String repo, String id) {
		return new LearningNotFoundException("No learning with id '" + id + "' in repository '" + repo + "'.");
	}

}

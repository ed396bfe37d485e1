package io.teamlearnings.skills;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The learning a match names is not in its repository: 404 "Unknown learning".
 */
class UnknownLearningException extends ErrorResponseException {

	UnknownLearningException(String repo, String id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "Unknown learning",
				"The repository '" + repo + "' has no learning '" + id + "'."), null);
		getBody().setProperty("repo", repo);
		getBody().setProperty("id", id);
	}

}

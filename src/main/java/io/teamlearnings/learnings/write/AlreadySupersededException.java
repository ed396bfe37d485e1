package io.teamlearnings.learnings.write;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request to supersede or withdraw a row that a later row already supersedes: 409
 * "Already superseded", naming the row ({@code id}) and the current head of its chain
 * ({@code head}), which is the row to supersede instead.
 */
public class AlreadySupersededException extends ErrorResponseException {

	private AlreadySupersededException(ProblemDetail problem) {
		super(HttpStatus.CONFLICT, problem, null);
	}

	static AlreadySupersededException of(String repo, String id, String head) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Already superseded",
				"Row '" + id + "' in repository '" + repo
						+ "' is already superseded; the current head of its chain is '" + head
						+ "'. Supersede that row instead.");
		problem.setProperty("id", id);
		problem.setProperty("head", head);
		return new AlreadySupersededException(problem);
	}

}

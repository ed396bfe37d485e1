package io.teamlearnings.learnings.write;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request to supersede or withdraw a row that a later row already supersedes: 409
 * "Already superseded", naming the row ({@code id}) and the current head of its chain
 * ({@code head}), which is the row to supersede instead. Also a request to withdraw a
 * withdrawal: 409 "Already withdrawn".
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

	static AlreadySupersededException withdrawal(String repo, String id) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Already withdrawn",
				"Row '" + id + "' in repository '" + repo
						+ "' is itself a withdrawal: there is nothing left to withdraw. "
						+ "To bring the rule back, supersede the withdrawal with the rule's text.");
		problem.setProperty("id", id);
		return new AlreadySupersededException(problem);
	}

}

package io.teamlearnings.system;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with a human title, as every error of the API reads.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * A problem detail.
	 * @param status the HTTP status
	 * @param title a short human title
	 * @param detail what was wrong, naming the field, parameter or id
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}

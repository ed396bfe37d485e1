package io.teamlearnings.system;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
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

	/**
	 * A 400 problem about one field, with an {@code errors} list of {@code {field,
	 * message}} as bean validation failures have.
	 * @param title a short human title
	 * @param detail what was wrong
	 * @param field the JSON name of the field or parameter
	 * @param message what is wrong with it
	 * @return the problem
	 */
	public static ProblemDetail field(String title, String detail, String field, String message) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, title, detail);
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

}

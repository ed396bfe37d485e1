package io.teamlearnings.mcp;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A tool argument the tool cannot use: of the wrong shape, out of range, or an argument
 * the tool does not take. Answered as a tool error, like a 400 of the REST API, with an
 * {@code errors} list naming the argument.
 */
public class InvalidToolArgumentException extends ErrorResponseException {

	private final String argument;

	/**
	 * @param argument the argument's name, as the tool's schema spells it (a dotted path
	 * inside an object argument: {@code context.paths})
	 * @param message what is wrong with it
	 */
	public InvalidToolArgumentException(String argument, String message) {
		super(HttpStatus.BAD_REQUEST, problem(argument, message), null);
		this.argument = argument;
	}

	/**
	 * The argument at fault.
	 * @return its name
	 */
	public String argument() {
		return this.argument;
	}

	private static ProblemDetail problem(String argument, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Argument '" + argument + "' " + message + ".");
		problem.setTitle("Invalid tool argument");
		problem.setProperty("errors", List.of(Map.of("field", argument, "message", message)));
		return problem;
	}

	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}

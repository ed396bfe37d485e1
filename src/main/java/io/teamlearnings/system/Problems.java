package io.teamlearnings.system;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with a human title, as every error of the API reads.
 */
public final class Problems {

	/**
	 * What Jackson adds to its messages for Java programmers: the Java type read from,
	 * the feature that would have allowed the input, the source location in its own
	 * syntax.
	 */
	private static final Pattern JAVA_HINTS = Pattern.compile(",? from `[^`]*`|\\s*\\(but could if [^)]*\\)"
			+ "|[;:,]?\\s*\\(?\\s*(?:enable|disable) `[^`]*` to (?:allow|accept)[^)]*\\)?"
			+ "|\\s*\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)"
			+ "|[;,]?\\s*Feature '[A-Z_]+' (?:not )?enabled for parser|\\s*\\[Source: [^\\]]*\\]");

	private Problems() {
	}

	/**
	 * Where in a request body a JSON error is, as the API names fields.
	 * @param references the parser's path to the value
	 * @return e.g. {@code context.paths[2]}; empty for the body as a whole
	 */
	public static String jsonPath(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * A JSON parser's message in the API's words: without the Java types, parser features
	 * and source locations Jackson names for Java programmers.
	 * @param message the parser's message ({@code getOriginalMessage()}), or null
	 * @return the message a client is shown
	 */
	public static String jsonMessage(@Nullable String message) {
		if (message == null) {
			return "not valid JSON";
		}
		String plain = JAVA_HINTS.matcher(message).replaceAll("").strip();
		return plain.isEmpty() ? "not valid JSON" : plain;
	}

	/**
	 * A value from a request as a detail may quote it: control characters shown as
	 * {@code ?}, cut after 100 characters.
	 * @param text the value (a header, a name)
	 * @return what a client is shown
	 */
	public static String printable(String text) {
		String cut = (text.length() > 100) ? text.substring(0, 100) + "..." : text;
		return cut.replaceAll("\\p{Cntrl}", "?");
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

package io.teamlearnings.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat refuses some requests before they reach the application (an encoded slash or NUL
 * in the path, a malformed request line, a request line and headers over
 * {@code server.max-http-request-header-size}). This valve answers those with an RFC 9457
 * problem detail instead of Tomcat's HTML page, and without any stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String title = (status == 400) ? "Bad request" : "Request failed";
		String detail;
		if (status != 400) {
			detail = "The request could not be served.";
		}
		else if (tooLarge(throwable)) {
			detail = "The request was refused before it reached the service: its request line and headers are longer "
					+ "than the server accepts (server.max-http-request-header-size, 8 KB by default). Shorten the "
					+ "query: recall ranks by its first words as well as by all of them.";
		}
		else {
			detail = "The request was refused before it reached the service: its path or headers are not allowed "
					+ "(encoded slashes, NUL and malformed escapes are refused).";
		}
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
						+ ",\"detail\":\"" + detail + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response was committed: nothing more to say
		}
	}

	/**
	 * Whether Tomcat refused the request for the size of its request line or headers
	 * ({@code Http11InputBuffer}'s "Request header is too large").
	 */
	private static boolean tooLarge(Throwable throwable) {
		return throwable instanceof IllegalArgumentException && throwable.getMessage() != null
				&& throwable.getMessage().contains("too large");
	}

}

package io.teamlearnings.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Calls the service over HTTP/1.1 with the JDK's {@link HttpURLConnection}, with the
 * token when one is set, as {@code Authorization: Bearer <token>}. Connections time out
 * after 5 s and answers after 60 s (an append may wait for the store's lock).
 * <p>
 * Not {@code java.net.http.HttpClient}: for one request per run, its start-up (a selector
 * thread, its executor, the TLS context it builds even for plain http) cost about 0.6 s
 * of this command's 1 s on the project's 2-core machine; {@code HttpURLConnection}
 * answers the same request in about 0.2 s.
 */
final class ServiceClient {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

	private final ServiceSettings settings;

	ServiceClient(ServiceSettings settings) {
		this.settings = settings;
	}

	/**
	 * An answer of the service.
	 *
	 * @param status the HTTP status
	 * @param contentType its content type, or {@code ""}
	 * @param body its body
	 */
	record Reply(int status, String contentType, String body) {

		boolean successful() {
			return this.status >= 200 && this.status < 300;
		}

		/**
		 * @return the body as a JSON object
		 * @throws CliFailure ({@link ExitCode#SERVICE_FAILED}) if it is not one
		 */
		Map<String, Object> json() {
			Map<String, Object> object = Json.objectOrNull(this.body);
			if (object == null) {
				throw new CliFailure(ExitCode.SERVICE_FAILED,
						"error: the service answered HTTP " + this.status + " with a body that is not a JSON object");
			}
			return object;
		}

	}

	ServiceSettings settings() {
		return this.settings;
	}

	/** The service's base URL, for messages. */
	URI url() {
		return this.settings.url();
	}

	/**
	 * @param path the path and query, starting with {@code /}
	 * @param accept the media type to ask for
	 * @return the answer, whatever its status
	 * @throws CliFailure ({@link ExitCode#UNREACHABLE}) if the service cannot be reached
	 */
	Reply get(String path, String accept) {
		return send("GET", path, accept, null);
	}

	/**
	 * @param path the path and query, starting with {@code /}
	 * @param json the body, or null for none
	 * @param accept the media type to ask for
	 * @return the answer, whatever its status
	 * @throws CliFailure ({@link ExitCode#UNREACHABLE}) if the service cannot be reached
	 */
	Reply post(String path, String json, String accept) {
		return send("POST", path, accept, (json != null) ? json : "");
	}

	/**
	 * What an unsuccessful answer means for the command: its problem detail's
	 * {@code detail} (RFC 9457) on one line, and the exit status for its kind.
	 * @param reply an answer that was not successful
	 * @return the failure to end the command with
	 */
	CliFailure failure(Reply reply) {
		Map<String, Object> problem = Json.objectOrNull(reply.body());
		String detail = (problem != null) ? Json.string(problem, "detail") : "";
		String title = (problem != null) ? Json.string(problem, "title") : "";
		String message = "error: " + (detail.isEmpty() ? "the service at " + url() + " answered HTTP " + reply.status()
				+ (title.isEmpty() ? "" : " (" + title + ")") : oneLine(detail));
		if (reply.status() == 404 && "Unknown repository".equals(title)) {
			return new CliFailure(ExitCode.NO_REPOSITORY, message);
		}
		if (problem == null || title.isEmpty()) {
			// every refusal of the service is a problem detail: this answer is not its
			// API
			return new CliFailure(ExitCode.SERVICE_FAILED, message);
		}
		return new CliFailure(
				(reply.status() >= 500 || reply.status() < 400) ? ExitCode.SERVICE_FAILED : ExitCode.REFUSED, message);
	}

	/**
	 * @param value a query parameter's value
	 * @return it percent-encoded as UTF-8 (a space as {@code %20})
	 */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private Reply send(String method, String path, String accept, String json) {
		HttpURLConnection connection = null;
		try {
			connection = (HttpURLConnection) URI.create(this.settings.url() + path).toURL().openConnection();
			connection.setRequestMethod(method);
			connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
			connection.setReadTimeout((int) ANSWER_TIMEOUT.toMillis());
			connection.setInstanceFollowRedirects(false);
			connection.setUseCaches(false);
			connection.setRequestProperty("Accept", accept);
			if (this.settings.token() != null) {
				connection.setRequestProperty("Authorization", "Bearer " + this.settings.token());
			}
			if (json != null) {
				byte[] body = json.getBytes(StandardCharsets.UTF_8);
				if (body.length > 0) {
					connection.setRequestProperty("Content-Type", "application/json");
				}
				connection.setDoOutput(true);
				connection.setFixedLengthStreamingMode(body.length);
				try (OutputStream out = connection.getOutputStream()) {
					out.write(body);
				}
			}
			int status = connection.getResponseCode();
			InputStream in = (status >= 400) ? connection.getErrorStream() : connection.getInputStream();
			String text = "";
			if (in != null) {
				try (in) {
					text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			String type = connection.getContentType();
			return new Reply(status, (type != null) ? type : "", text);
		}
		catch (ConnectException ex) {
			throw unreachable("connection refused");
		}
		catch (SocketTimeoutException ex) {
			throw unreachable((connection != null && isConnectTimeout(ex)) ? "connection timed out"
					: "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
		}
		catch (IOException ex) {
			throw unreachable((ex.getMessage() != null) ? oneLine(ex.getMessage()) : ex.getClass().getSimpleName());
		}
		finally {
			if (connection != null) {
				connection.disconnect();
			}
		}
	}

	private static boolean isConnectTimeout(SocketTimeoutException ex) {
		return ex.getMessage() != null && ex.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect");
	}

	private CliFailure unreachable(String why) {
		return new CliFailure(ExitCode.UNREACHABLE, "error: cannot reach the learnings service at " + url() + ": " + why
				+ " (is it running? LEARNINGS_URL sets where it is)");
	}

	private static String oneLine(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

}

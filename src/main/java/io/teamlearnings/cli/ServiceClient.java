package io.teamlearnings.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Calls the service over HTTP/1.1 ({@code java.net.http}), with the token when one is
 * set, as {@code Authorization: Bearer <token>}. Connections time out after 5 s and
 * answers after 60 s (an append may wait for the store's lock).
 */
final class ServiceClient {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

	private final ServiceSettings settings;

	private final HttpClient http;

	ServiceClient(ServiceSettings settings) {
		this.settings = settings;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(CONNECT_TIMEOUT);
		if ("http".equals(settings.url().getScheme())) {
			plainHttp(builder);
		}
		this.http = builder.build();
	}

	/**
	 * A client of a plain-http URL never uses TLS, but without a TLS context of its own
	 * the client makes the JDK's default one, which loads the TLS provider and the
	 * trusted certificates: more than a tenth of a second of every run. A context that
	 * cannot do anything, with parameters given, saves it.
	 */
	private static void plainHttp(HttpClient.Builder builder) {
		builder.sslContext(new SSLContext(new NoTls(), null, "none") {
		}).sslParameters(new SSLParameters());
	}

	/** The TLS of a plain-http client: never used, so every operation is unsupported. */
	private static final class NoTls extends SSLContextSpi {

		@Override
		protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random) {
			throw new UnsupportedOperationException("plain http");
		}

		@Override
		protected SSLSocketFactory engineGetSocketFactory() {
			throw new UnsupportedOperationException("plain http");
		}

		@Override
		protected SSLServerSocketFactory engineGetServerSocketFactory() {
			throw new UnsupportedOperationException("plain http");
		}

		@Override
		protected SSLEngine engineCreateSSLEngine() {
			throw new UnsupportedOperationException("plain http");
		}

		@Override
		protected SSLEngine engineCreateSSLEngine(String host, int port) {
			throw new UnsupportedOperationException("plain http");
		}

		@Override
		protected SSLSessionContext engineGetServerSessionContext() {
			throw new UnsupportedOperationException("plain http");
		}

		@Override
		protected SSLSessionContext engineGetClientSessionContext() {
			throw new UnsupportedOperationException("plain http");
		}

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
		return send(request(path, accept).GET());
	}

	/**
	 * @param path the path and query, starting with {@code /}
	 * @param json the body, or null for none
	 * @param accept the media type to ask for
	 * @return the answer, whatever its status
	 * @throws CliFailure ({@link ExitCode#UNREACHABLE}) if the service cannot be reached
	 */
	Reply post(String path, String json, String accept) {
		HttpRequest.Builder request = request(path, accept);
		if (json == null) {
			return send(request.POST(HttpRequest.BodyPublishers.noBody()));
		}
		return send(request.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
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

	private HttpRequest.Builder request(String path, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.settings.url() + path))
			.timeout(ANSWER_TIMEOUT)
			.header("Accept", accept);
		if (this.settings.token() != null) {
			request.header("Authorization", "Bearer " + this.settings.token());
		}
		return request;
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (HttpConnectTimeoutException ex) {
			throw unreachable("connection timed out");
		}
		catch (HttpTimeoutException ex) {
			throw unreachable("no answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
		}
		catch (ConnectException ex) {
			throw unreachable("connection refused");
		}
		catch (IOException ex) {
			throw unreachable((ex.getMessage() != null) ? oneLine(ex.getMessage()) : ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unreachable("interrupted");
		}
	}

	private CliFailure unreachable(String why) {
		return new CliFailure(ExitCode.UNREACHABLE, "error: cannot reach the learnings service at " + url() + ": " + why
				+ " (is it running? LEARNINGS_URL sets where it is)");
	}

	private static String oneLine(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

}

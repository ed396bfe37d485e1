package io.teamlearnings.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the command makes of answers the shared test service never gives: a token to send,
 * a refusal or a failure described by a problem detail, a body that is not the service's.
 * A stand-in server on a loopback port answers what each test says.
 */
class ServiceAnswersTests {

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private int status;

	private String contentType;

	private String body;

	@TempDir
	Path cwd;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", this.contentType);
			exchange.sendResponseHeaders(this.status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void sendsTheTokenAsABearerAndPrintsARefusalsDetailWithStatus1() {
		answer(403, "application/problem+json", """
				{"type": "about:blank", "title": "Not allowed", "status": 403,
				 "detail": "The token 'ci-bot' may not write to repository 'app'."}""");

		CliRun run = run(Map.of("LEARNINGS_TOKEN", "s3cret"), "append", "--status", "do_more", "--learning",
				"When X, prefer Y because Z.", "--evidence", "./mvnw test -> 42 passed", "--application", "Do Y.");

		assertThat(this.authorizations).containsExactly("Bearer s3cret");
		assertThat(run.err()).isEqualTo("error: The token 'ci-bot' may not write to repository 'app'.\n");
		assertThat(run.out()).isEmpty();
		assertThat(run.status()).isEqualTo(1);
	}

	@Test
	void sendsNoAuthorizationWithoutAToken() {
		answer(200, "application/json", "{\"items\": []}");

		CliRun run = run(Map.of(), "recent");

		assertThat(this.authorizations).containsExactly("null");
		assertThat(run.out()).isEqualTo("(no results)\n");
		assertThat(run.status()).isZero();
	}

	@Test
	void reportsAFailureOfTheServiceWithStatus5() {
		answer(503, "application/problem+json", """
				{"title": "Store unavailable", "status": 503,
				 "detail": "The store of 'app' cannot be written: No space left on device"}""");

		CliRun run = run(Map.of(), "memory-digest");

		assertThat(run.err()).isEqualTo("error: The store of 'app' cannot be written: No space left on device\n");
		assertThat(run.status()).isEqualTo(5);
	}

	@Test
	void reportsAnAnswerThatIsNotTheServicesWithItsStatus() {
		answer(502, "text/html", "<html><body>Bad gateway</body></html>");

		CliRun run = run(Map.of(), "recall", "--query", "x");

		assertThat(run.err()).isEqualTo("error: the service at http://127.0.0.1:" + port() + " answered HTTP 502\n");
		assertThat(run.status()).isEqualTo(5);
	}

	@Test
	void reportsANotFoundThatIsNotTheServicesWithStatus5() {
		answer(404, "text/html", "<html><body>Not Found</body></html>");

		CliRun run = run(Map.of(), "recent");

		assertThat(run.err()).isEqualTo("error: the service at http://127.0.0.1:" + port() + " answered HTTP 404\n");
		assertThat(run.status()).isEqualTo(5);
	}

	@Test
	void refusesATokenNoHeaderCanCarryWithoutPrintingIt() {
		CliRun run = run(Map.of("LEARNINGS_TOKEN", "wa-secret\nX-Evil: 1"), "recall", "--query", "x");

		assertThat(run.err()).isEqualTo("error: LEARNINGS_TOKEN holds a space, a control character or a non-ASCII "
				+ "character; a token is printable ASCII\n");
		assertThat(run.err()).doesNotContain("wa-secret");
		assertThat(run.status()).isEqualTo(2);
		assertThat(this.authorizations).isEmpty();
	}

	@Test
	void refusesARepositoryThatIsNoNameBeforeAsking() {
		CliRun run = run(Map.of("LEARNINGS_REPO", "../other"), "recall", "--query", "x");

		assertThat(run.err()).isEqualTo(
				"error: LEARNINGS_REPO '../other' is not a repository name (lower-case letters, digits, '.', '_' and '-')\n");
		assertThat(run.status()).isEqualTo(4);
		assertThat(this.authorizations).isEmpty();
	}

	@Test
	void refusesAUrlThatIsNotHttp() {
		CliRun run = run(Map.of("LEARNINGS_URL", "localhost:8080"), "recent");

		assertThat(run.err())
			.isEqualTo("error: LEARNINGS_URL is not an http(s) URL: localhost:8080 (example: http://127.0.0.1:8080)\n");
		assertThat(run.status()).isEqualTo(3);
	}

	private void answer(int status, String contentType, String body) {
		this.status = status;
		this.contentType = contentType;
		this.body = body;
	}

	private int port() {
		return this.server.getAddress().getPort();
	}

	private CliRun run(Map<String, String> extra, String... args) {
		Map<String, String> env = new java.util.HashMap<>(
				Map.of("LEARNINGS_URL", "http://127.0.0.1:" + port(), "LEARNINGS_REPO", "app"));
		env.putAll(extra);
		return CliRun.of(this.cwd, env, args);
	}

}

package io.teamlearnings.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a web page could make a browser send to a service without tokens, where every
 * loopback caller is an admin: a cross-site post, and a request through a name made to
 * resolve to 127.0.0.1 (DNS rebinding). Both are refused with a problem detail and write
 * nothing; the service's own pages (Swagger UI) and scripts without {@code Origin} go
 * through. Errors outside Spring MVC are problem details too.
 */
class BrowserRequestApiTests extends SharedServiceContext {

	private static final String REPO = "browser-guard";

	private static final String APPEND = "/api/repos/" + REPO + "/learnings?quality_mode=best_effort";

	@LocalServerPort
	int port;

	@Test
	void refusesAPostFromAnotherSiteAndWritesNothing() throws IOException {
		Path store = root(REPO).resolve(".learnings.jsonl");
		byte[] before = Files.exists(store) ? Files.readAllBytes(store) : new byte[0];

		Response refused = new HttpClientSupport(this.port)
			.send(append("When a page posts across sites, refuse it " + "because the browser sends it without asking.")
				.header("Origin", "http://evil.example")
				.build());

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).contains("'http://evil.example'")
			.contains("learnings.security.allowed-origins");
		assertThat(Files.exists(store) ? Files.readAllBytes(store) : new byte[0]).isEqualTo(before);
	}

	@Test
	void acceptsTheServicesOwnOriginAndCallersWithoutOne() {
		Response own = new HttpClientSupport(this.port)
			.send(append("When Swagger UI posts from the service's own page, accept it because it is the same origin.")
				.header("Origin", "http://127.0.0.1:" + this.port)
				.build());
		Response script = new HttpClientSupport(this.port).send(
				append("When a script posts without an Origin header, accept it because no browser sent it.").build());

		assertThat(own.status()).as(own.body()).isEqualTo(201);
		assertThat(script.status()).as(script.body()).isEqualTo(201);
	}

	@Test
	void refusesARequestAddressedToAnotherNameWithoutTokens() throws IOException {
		Path store = root(REPO).resolve(".learnings.jsonl");
		byte[] before = Files.exists(store) ? Files.readAllBytes(store) : new byte[0];
		String body = HttpClientSupport.learningJson(
				"When a rebound name reaches the service, refuse it because the page is same-origin with itself.",
				"do_more");

		String answer = raw(
				"POST " + APPEND + " HTTP/1.1\r\nHost: evil.example:" + this.port + "\r\nOrigin: http://evil.example:"
						+ this.port + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
						+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);

		assertThat(answer).startsWith("HTTP/1.1 403")
			.containsIgnoringCase("Content-Type: application/problem+json")
			.contains("Host refused")
			.contains("'evil.example:" + this.port + "'");
		assertThat(Files.exists(store) ? Files.readAllBytes(store) : new byte[0]).isEqualTo(before);
		assertThat(raw("GET /api/repos HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nConnection: close\r\n\r\n"))
			.startsWith("HTTP/1.1 200");
	}

	@Test
	void answersErrorsOutsideTheApiAsProblemDetails() {
		HttpClientSupport http = new HttpClientSupport(this.port);

		Response getMcp = http.get("/mcp");
		Response error = http.get("/error");

		assertThat(getMcp.status()).isEqualTo(405);
		assertThat(getMcp.contentType()).startsWith("application/problem+json");
		assertThat(getMcp.json().get("detail").asString()).isEqualTo("GET is not supported on /mcp.");
		assertThat(error.status()).isEqualTo(404);
		assertThat(error.contentType()).startsWith("application/problem+json");
		assertThat(error.body()).doesNotContain("timestamp").doesNotContain("999");
	}

	private HttpRequest.Builder append(String learning) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + APPEND))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(HttpClientSupport.learningJson(learning, "do_more")));
	}

	/** Sends {@code request} as written, Host header included, and reads the answer. */
	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

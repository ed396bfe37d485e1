package io.teamlearnings.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client for end-to-end tests over real HTTP, in-process or against a separate
 * service process.
 */
public final class HttpClientSupport {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public HttpClientSupport(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/**
	 * An answer: status, content type, body (parsed when it is JSON) and the other
	 * headers.
	 */
	public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			return MAPPER.readTree(this.body);
		}

		/** The first value of header {@code name}, or null. */
		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
	}

	public Response postJson(String path, String json) {
		return postJson(path, json, "application/json");
	}

	public Response postJson(String path, String json, String accept) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public Response post(String path, String contentType, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	public Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException("request to " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** A learning as JSON, with the fields every append needs. */
	public static String learningJson(String learning, String status) {
		return MAPPER.writeValueAsString(MAPPER.createObjectNode()
			.put("learning", learning)
			.put("evidence", "observed: " + learning)
			.put("application", "apply: " + learning)
			.put("status", status));
	}

}

package io.teamlearnings.support;

import java.net.http.HttpRequest;
import java.time.Duration;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;

/**
 * Clients of the service's MCP server, built with the official MCP Java SDK's client over
 * its Streamable HTTP transport, as an agent's host connects.
 */
public final class McpClients {

	private McpClients() {
	}

	/**
	 * A client of the service on {@code port}, not yet initialized.
	 * @param token the bearer token to send, or null for none
	 * @return the client; close it after use
	 */
	public static McpSyncClient of(int port, @Nullable String token) {
		HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport
			.builder("http://127.0.0.1:" + port)
			.endpoint("/mcp");
		if (token != null) {
			transport.requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token));
		}
		return McpClient.sync(transport.build())
			.clientInfo(new McpSchema.Implementation("learnings-tests", "1"))
			.requestTimeout(Duration.ofSeconds(30))
			.build();
	}

}

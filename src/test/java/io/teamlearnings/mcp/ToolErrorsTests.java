package io.teamlearnings.mcp;

import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.teamlearnings.repos.UnknownRepositoryException;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tool errors come from the REST API's own exception handlers, and leave the MCP
 * transport's response alone.
 */
class ToolErrorsTests extends SharedServiceContext {

	@Autowired
	@Qualifier("handlerExceptionResolver")
	HandlerExceptionResolver resolver;

	@Autowired
	JsonMapper mapper;

	@Test
	void answersAnUnexpectedFailureWithoutItsInternals() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		CallToolResult result = errors()
			.toolError(new IllegalStateException("SELECT secret FROM learnings WHERE id = 'x'"), request(), response);

		assertThat(result.isError()).isTrue();
		assertThat(text(result)).startsWith("Internal error (500): ").doesNotContain("SELECT", "secret");
		assertThat(structured(result)).containsEntry("status", 500);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.isCommitted()).isFalse();
		assertThat(response.getHeaderNames()).isEmpty();
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@Test
	void answersAKnownFailureWithTheProblemTheEndpointAnswers() {
		CallToolResult result = errors().toolError(UnknownRepositoryException.forName("nosuch"), request(),
				new MockHttpServletResponse());

		assertThat(text(result)).startsWith("Unknown repository (404): ").contains("nosuch");
		assertThat(structured(result)).containsEntry("repo", "nosuch").containsEntry("title", "Unknown repository");
	}

	private ToolErrors errors() {
		return new ToolErrors(this.resolver, this.mapper);
	}

	private static MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
		request.addHeader("Accept", "application/json, text/event-stream");
		return request;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> structured(CallToolResult result) {
		return (Map<String, Object>) result.structuredContent();
	}

	private static String text(CallToolResult result) {
		return ((TextContent) result.content().get(0)).text();
	}

}

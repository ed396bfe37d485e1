package io.teamlearnings.mcp;

import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Turns an exception of a tool into a tool error that carries the problem detail the REST
 * API answers for it. The exception goes through Spring MVC's own exception resolvers
 * (the service's {@code @RestControllerAdvice} handlers), writing into a
 * {@link DetachedResponse}, so a tool and an endpoint can never disagree on what an error
 * says, and nothing internal (a stack trace, SQL) reaches the agent.
 */
final class ToolErrors {

	private static final Logger log = LoggerFactory.getLogger(ToolErrors.class);

	private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE + ", "
			+ MediaType.APPLICATION_JSON_VALUE;

	private final HandlerExceptionResolver resolver;

	private final JsonMapper mapper;

	ToolErrors(HandlerExceptionResolver resolver, JsonMapper mapper) {
		this.resolver = resolver;
		this.mapper = mapper;
	}

	/**
	 * The tool error for {@code ex}: {@code isError}, the problem as text (title, detail,
	 * then each of its {@code errors} on a line) and as {@code structuredContent}.
	 */
	CallToolResult toolError(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		Map<String, Object> problem = problem(ex, request, response);
		return CallToolResult.builder().isError(true).addTextContent(text(problem)).structuredContent(problem).build();
	}

	private Map<String, Object> problem(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		DetachedResponse detached = new DetachedResponse(response);
		try {
			this.resolver.resolveException(new ProblemRequest(request), detached, null, ex);
			String body = detached.body();
			if (!body.isBlank()) {
				@SuppressWarnings("unchecked")
				Map<String, Object> problem = this.mapper.readValue(body, Map.class);
				return problem;
			}
		}
		catch (RuntimeException failure) {
			ex.addSuppressed(failure);
		}
		log.error("Tool call failed", ex);
		return Map.of("type", "about:blank", "title", "Internal Server Error", "status", 500, "detail",
				"The tool failed; the service's log has the cause.");
	}

	static String text(Map<String, Object> problem) {
		StringBuilder text = new StringBuilder();
		Object title = problem.get("title");
		Object detail = problem.get("detail");
		text.append((title != null) ? title : "Error").append(" (").append(problem.get("status")).append(")");
		if (detail != null) {
			text.append(": ").append(detail);
		}
		if (problem.get("errors") instanceof List<?> errors) {
			for (Object error : errors) {
				text.append('\n').append(line(error));
			}
		}
		return text.toString();
	}

	private static String line(@Nullable Object error) {
		if (error instanceof Map<?, ?> field && field.containsKey("field")) {
			return field.get("field") + ": " + field.get("message");
		}
		return String.valueOf(error);
	}

	/** The call's request, asking for a problem detail in JSON whatever it accepted. */
	private static final class ProblemRequest extends HttpServletRequestWrapper {

		ProblemRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		@Nullable public String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? PROBLEM_JSON : super.getHeader(name);
		}

		@Override
		public java.util.Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? java.util.Collections.enumeration(List.of(PROBLEM_JSON))
					: super.getHeaders(name);
		}

	}

}

package io.teamlearnings.mcp;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.modelcontextprotocol.spec.ProtocolVersions;
import io.teamlearnings.system.Problems;
import io.teamlearnings.system.StrictUtf8;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What reaches the MCP SDK's servlet, checked as the REST API checks its requests, and
 * what leaves it when the SDK fails.
 * <p>
 * Before: a POST's body is read (at most {@code learnings.http.max-request-size}: 413),
 * decoded as strict UTF-8 (400, never U+FFFD into a row), parsed with the service's
 * mapper (duplicate keys refused, as over REST), and must be one JSON-RPC 2.0 message
 * whose {@code params} have the shape its method needs (a batch is refused: the transport
 * takes one message per POST); an {@code MCP-Protocol-Version} header must name a
 * revision the server speaks. A refusal is a JSON-RPC error naming what was wrong; the
 * SDK never sees the request.
 * <p>
 * After: an answer the SDK gave with a 5xx status carries the SDK's exception message
 * (Java class names, null-pointer text); it is logged and replaced by a plain JSON-RPC
 * internal error.
 */
final class McpRequestGuard extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(McpRequestGuard.class);

	private static final Set<String> PROTOCOL_VERSIONS = Set.of(ProtocolVersions.MCP_2024_11_05,
			ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

	private final JsonMapper mapper;

	private final long maxBytes;

	/**
	 * @param mapper the service's JSON mapper (strict duplicate detection, read limits)
	 * @param maxBytes the largest body read
	 */
	McpRequestGuard(JsonMapper mapper, long maxBytes) {
		this.mapper = mapper;
		this.maxBytes = maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest checked = request;
		if ("POST".equals(request.getMethod())) {
			String version = request.getHeader("MCP-Protocol-Version");
			if (version != null && !PROTOCOL_VERSIONS.contains(version)) {
				refuse(response, 400, null, JsonRpcError.INVALID_REQUEST, "Unsupported MCP-Protocol-Version '"
						+ printable(version) + "'; this server speaks " + String.join(", ", sorted()));
				return;
			}
			String charset = charset(request);
			if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
				refuse(response, 415, null, JsonRpcError.INVALID_REQUEST,
						"The body must be UTF-8 JSON; Content-Type names charset " + printable(charset));
				return;
			}
			byte[] body = read(request.getInputStream());
			if (body == null) {
				refuse(response, 413, null, JsonRpcError.INVALID_REQUEST,
						"Request body too large: over " + this.maxBytes + " bytes (learnings.http.max-request-size)");
				return;
			}
			Refusal refusal = check(body);
			if (refusal != null) {
				refuse(response, refusal.status(), refusal.id(), refusal.code(), refusal.message());
				return;
			}
			checked = new CachedBody(request, body);
		}
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		chain.doFilter(checked, answer);
		if (answer.getStatus() >= 500) {
			log.warn("The MCP transport failed ({}): {}", answer.getStatus(),
					new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8));
			answer.resetBuffer();
			answer.setContentType(MediaType.APPLICATION_JSON_VALUE);
			this.mapper.writeValue(answer.getOutputStream(), JsonRpcError.of(null, JsonRpcError.INTERNAL_ERROR,
					"Internal error; the service's log has the cause."));
		}
		answer.copyBodyToResponse();
	}

	/** Why a body is refused, or null when it is one well-formed JSON-RPC message. */
	@Nullable Refusal check(byte[] body) {
		String text;
		try {
			text = StrictUtf8.decode(body);
		}
		catch (CharacterCodingException ex) {
			return new Refusal(400, null, JsonRpcError.PARSE_ERROR, "Parse error: the body is not UTF-8");
		}
		JsonNode message;
		try {
			message = this.mapper.readTree(text);
		}
		catch (StreamReadException ex) {
			return new Refusal(400, null, JsonRpcError.PARSE_ERROR,
					"Parse error: " + Problems.jsonMessage(ex.getOriginalMessage()) + location(ex));
		}
		catch (JacksonException ex) {
			return new Refusal(400, null, JsonRpcError.PARSE_ERROR,
					"Parse error: " + Problems.jsonMessage(ex.getOriginalMessage()));
		}
		if (message == null || message.isMissingNode()) {
			return new Refusal(400, null, JsonRpcError.PARSE_ERROR, "Parse error: the body is empty");
		}
		if (message.isArray()) {
			return new Refusal(400, null, JsonRpcError.INVALID_REQUEST,
					"Batches are not supported: send one JSON-RPC message per POST");
		}
		if (!message.isObject()) {
			return new Refusal(400, null, JsonRpcError.INVALID_REQUEST, "A JSON-RPC message is a JSON object");
		}
		JsonNode id = message.get("id");
		Object echoed = (id != null && (id.isString() || id.isIntegralNumber()))
				? this.mapper.treeToValue(id, Object.class) : null;
		if (id != null && echoed == null) {
			return new Refusal(400, null, JsonRpcError.INVALID_REQUEST, "'id' must be a string or an integer");
		}
		JsonNode version = message.get("jsonrpc");
		if (version == null || !version.isString() || !version.asString().equals("2.0")) {
			return new Refusal(400, echoed, JsonRpcError.INVALID_REQUEST, "'jsonrpc' must be \"2.0\"");
		}
		JsonNode method = message.get("method");
		if (method == null) {
			// a response to a server request; the SDK answers what it makes of it
			return null;
		}
		if (!method.isString()) {
			return new Refusal(400, echoed, JsonRpcError.INVALID_REQUEST, "'method' must be a string");
		}
		JsonNode params = message.get("params");
		if (params != null && !params.isObject()) {
			return new Refusal(200, echoed, JsonRpcError.INVALID_PARAMS, "'params' must be an object");
		}
		return switch (method.asString()) {
			case "initialize" -> (params == null || !text(params, "protocolVersion")) ? new Refusal(200, echoed,
					JsonRpcError.INVALID_PARAMS, "initialize needs params.protocolVersion, a string") : null;
			case "tools/call" -> toolCall(params, echoed);
			default -> null;
		};
	}

	@Nullable private static Refusal toolCall(@Nullable JsonNode params, @Nullable Object id) {
		if (params == null || !text(params, "name")) {
			return new Refusal(200, id, JsonRpcError.INVALID_PARAMS, "tools/call needs params.name, a string");
		}
		JsonNode arguments = params.get("arguments");
		if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
			return new Refusal(200, id, JsonRpcError.INVALID_PARAMS,
					"params.arguments must be an object of the tool's arguments");
		}
		return null;
	}

	private static boolean text(JsonNode object, String field) {
		JsonNode value = object.get(field);
		return value != null && value.isString();
	}

	/** The body, or null when it is longer than the limit. */
	private byte @Nullable [] read(InputStream in) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
		return (body.length > this.maxBytes) ? null : body;
	}

	@Nullable private static String charset(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return null;
		}
		try {
			MediaType media = MediaType.parseMediaType(type);
			return media.getParameter("charset");
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String location(StreamReadException ex) {
		return (ex.getLocation() != null)
				? " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() : "";
	}

	private static List<String> sorted() {
		return PROTOCOL_VERSIONS.stream().sorted().toList();
	}

	private static String printable(String text) {
		return Problems.printable(text);
	}

	private void refuse(HttpServletResponse response, int status, @Nullable Object id, int code, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name().toLowerCase(Locale.ROOT));
		this.mapper.writeValue(response.getOutputStream(), JsonRpcError.of(id, code, message));
	}

	/**
	 * A refusal.
	 *
	 * @param status the HTTP status: 400 for a message that is not one JSON-RPC request,
	 * 200 for a request whose params do not fit its method (the JSON-RPC error is the
	 * answer to it)
	 * @param id the request's id, when it could be read
	 * @param code the JSON-RPC error code
	 * @param message what was wrong
	 */
	record Refusal(int status, @Nullable Object id, int code, String message) {
	}

	/** The request with its body already read. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was already read");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}

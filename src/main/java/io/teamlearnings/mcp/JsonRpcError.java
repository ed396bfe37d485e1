package io.teamlearnings.mcp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A JSON-RPC 2.0 error response, as the MCP transport answers a message it cannot take:
 * {@code {"jsonrpc": "2.0", "id": <id or null>, "error": {"code": ..., "message": ...}}}.
 *
 * @param jsonrpc always {@code 2.0}
 * @param id the request's id, or null when it could not be read
 * @param error the code and message
 */
@JsonPropertyOrder({ "jsonrpc", "id", "error" })
@JsonInclude(JsonInclude.Include.ALWAYS)
record JsonRpcError(String jsonrpc, @Nullable Object id, Detail error) {

	/** The body is not JSON (or not UTF-8). */
	static final int PARSE_ERROR = -32700;

	/** The body is JSON but not one JSON-RPC request or notification. */
	static final int INVALID_REQUEST = -32600;

	/** The request's {@code params} do not have the method's shape. */
	static final int INVALID_PARAMS = -32602;

	/** The server failed. */
	static final int INTERNAL_ERROR = -32603;

	static JsonRpcError of(@Nullable Object id, int code, String message) {
		return new JsonRpcError("2.0", id, new Detail(code, message));
	}

	/**
	 * @param code the JSON-RPC error code
	 * @param message what was wrong
	 */
	record Detail(int code, String message) {
	}

}

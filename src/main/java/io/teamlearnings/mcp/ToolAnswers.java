package io.teamlearnings.mcp;

import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A handler's answer as a {@code tools/call} result: its text first (when it has one),
 * then its JSON, written by the service's own mapper so a tool answers the same fields as
 * the endpoint, also as {@code structuredContent} when it is a JSON object.
 */
final class ToolAnswers {

	private ToolAnswers() {
	}

	static CallToolResult of(@Nullable Object answer, JsonMapper mapper) {
		CallToolResult.Builder result = CallToolResult.builder().isError(false);
		Object structured = answer;
		if (answer instanceof ToolAnswer text) {
			result.addTextContent(text.text());
			structured = text.structured();
		}
		if (structured != null) {
			JsonNode tree = mapper.valueToTree(structured);
			result.addTextContent(mapper.writeValueAsString(tree));
			if (tree.isObject()) {
				result.structuredContent(mapper.convertValue(tree, Map.class));
			}
		}
		return result.build();
	}

}

package io.teamlearnings.mcp;

import java.util.List;

/**
 * The MCP tools a feature offers. Every bean of this type is asked once, when the MCP
 * server is built; tool names must be unique across all of them.
 */
public interface McpTools {

	/**
	 * The tools, in the order {@code tools/list} should show them.
	 * @return the tools
	 */
	List<McpTool> tools();

}

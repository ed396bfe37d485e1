/**
 * The service as a Model Context Protocol server: agents' hosts (Codex, Claude Code, an
 * MCP inspector) connect to {@code /mcp} over the Streamable HTTP transport and call the
 * features' tools. Each feature contributes its tools as an {@link McpTools} bean built
 * from its own services; this module mounts the official MCP Java SDK's servlet, applies
 * the REST API's access rules to every call and turns every error into a tool error that
 * carries the problem detail the REST API would have answered.
 */
package io.teamlearnings.mcp;

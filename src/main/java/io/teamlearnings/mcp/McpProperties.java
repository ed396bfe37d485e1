package io.teamlearnings.mcp;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MCP server ({@code learnings.mcp}).
 *
 * @param enabled whether {@code /mcp} is served
 * @param allowedOrigins browser origins allowed to call {@code /mcp} (the MCP
 * specification asks servers to check {@code Origin} against DNS rebinding); a request
 * without {@code Origin}, as agents' hosts send them, is always allowed; empty: no
 * browser origin is
 */
@ConfigurationProperties("learnings.mcp")
record McpProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<String> allowedOrigins) {
}

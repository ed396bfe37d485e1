package io.teamlearnings.mcp;

import java.util.Objects;

import io.teamlearnings.security.Role;

/**
 * One MCP tool: what {@code tools/list} shows of it and what runs on {@code tools/call}.
 * <p>
 * Access is checked before the handler runs, with the REST API's rules: a tool whose
 * arguments name a {@code repository} needs {@link #role()} in that repository; one that
 * names none (or {@code repository: "all"} for team-wide reads) needs it in some
 * repository, and its handler narrows what it reads to what the caller may read.
 *
 * @param name the tool's name ({@code recall_learnings}): lower-case words joined by
 * underscores
 * @param title a human title
 * @param description what it does and when an agent should call it
 * @param inputSchema the JSON Schema of its arguments, as JSON text (an object schema);
 * the server validates every call against it
 * @param role the role the caller needs: {@link Role#READER} for tools that only read,
 * {@link Role#WRITER} for those that write
 * @param handler what runs
 */
public record McpTool(String name, String title, String description, String inputSchema, Role role,
		ToolHandler handler) {

	/** The argument that names a repository; {@code all} means every readable one. */
	public static final String REPOSITORY = "repository";

	/**
	 * The {@value #REPOSITORY} of a team-wide read: every repository the caller may read.
	 */
	public static final String ALL = "all";

	public McpTool {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(inputSchema, "inputSchema");
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(handler, "handler");
	}

	/**
	 * Whether the tool only reads.
	 * @return true for a reader's tool
	 */
	public boolean readOnly() {
		return this.role == Role.READER;
	}

	/**
	 * What runs when the tool is called: on the HTTP request's thread, with the caller
	 * established, so the features' access rules and attribution apply as they do over
	 * REST.
	 */
	@FunctionalInterface
	public interface ToolHandler {

		/**
		 * Runs the tool.
		 * @param arguments the call's arguments, already checked against the schema
		 * @return a {@link ToolAnswer}, or any object, answered as its JSON
		 * @throws RuntimeException any exception the REST API answers with a problem
		 * detail; the call answers it as a tool error with the same detail
		 */
		Object call(ToolArguments arguments);

	}

}

package io.teamlearnings.learnings.browse;

import java.util.List;

import io.teamlearnings.mcp.McpTool;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.security.AccessPolicy;
import io.teamlearnings.mcp.McpTools;
import io.teamlearnings.mcp.ToolArguments;
import io.teamlearnings.security.Role;

import org.springframework.stereotype.Component;

/**
 * The MCP tools that read repositories and rows as they are: {@code list_repositories},
 * {@code get_learning} ({@code GET /api/repos/{repo}/learnings/{id}}) and
 * {@code recent_learnings} ({@code GET .../learnings/recent}).
 */
@Component
class BrowseTools implements McpTools {

	private final LearningQueries queries;

	private final Repositories repositories;

	BrowseTools(LearningQueries queries, Repositories repositories) {
		this.queries = queries;
		this.repositories = repositories;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(new McpTool("list_repositories", "List repositories",
				"The repositories you may read: each name (what the other tools' 'repository' takes), its root "
						+ "directory and its canonical .learnings.jsonl. Pick the one whose root contains your working "
						+ "directory.",
				"""
						{"type": "object", "additionalProperties": false, "properties": {}}""", Role.READER,
				(arguments) -> listed()),
				new McpTool("get_learning", "Get a learning",
						"One row exactly as written (evidence, application, context, tags), with the ids of the rows that "
								+ "supersede it: read it before superseding, withdrawing or admitting a rule.",
						"""
								{"type": "object", "additionalProperties": false, "required": ["repository", "id"],
								 "properties": {
								 "repository": {"type": "string", "description": "Repository name, as list_repositories shows it."},
								 "id": {"type": "string", "maxLength": 200, "description": "Row id (lrn-...)."}}}""",
						Role.READER,
						(arguments) -> this.queries.get(arguments.string(McpTool.REPOSITORY), arguments.string("id"))),
				new McpTool("recent_learnings", "Recent learnings",
						"The newest rows of a repository, newest first, superseded ones included: what was learnt "
								+ "lately.",
						"""
								{"type": "object", "additionalProperties": false, "required": ["repository"],
								 "properties": {
								 "repository": {"type": "string", "description": "Repository name, as list_repositories shows it."},
								 "limit": {"type": "integer", "minimum": 1, "maximum": 200, "default": 10, "description": "How many rows."}}}""",
						Role.READER, this::recent));
	}

	private Listed listed() {
		List<Repo> all = this.repositories.all();
		List<String> readable = AccessPolicy.readable(all.stream().map(Repo::name).toList());
		return new Listed(all.stream()
			.filter((repo) -> readable.contains(repo.name()))
			.map((repo) -> new Listed.Entry(repo.name(), repo.root().toString(), repo.storeFile().toString()))
			.toList());
	}

	private Recent recent(ToolArguments arguments) {
		return new Recent(
				this.queries.recent(arguments.string(McpTool.REPOSITORY), arguments.integer("limit", 10, 1, 200)));
	}

	/**
	 * The repositories a caller may read ({@code GET /api/repos} adds row counts and
	 * index state).
	 *
	 * @param repositories each with its name, root and store file, in configuration order
	 */
	record Listed(List<Entry> repositories) {

		/**
		 * @param name the name the tools take
		 * @param root the directory it serves
		 * @param path its {@code .learnings.jsonl}
		 */
		record Entry(String name, String root, String path) {
		}

	}

	/**
	 * The newest rows.
	 *
	 * @param learnings the rows, newest first
	 */
	record Recent(List<io.teamlearnings.learnings.index.LearningView> learnings) {
	}

}

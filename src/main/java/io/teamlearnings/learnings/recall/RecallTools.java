package io.teamlearnings.learnings.recall;

import java.util.List;
import java.util.Objects;

import io.teamlearnings.mcp.InvalidToolArgumentException;
import io.teamlearnings.mcp.McpTool;
import io.teamlearnings.mcp.McpTools;
import io.teamlearnings.mcp.ToolArguments;
import io.teamlearnings.security.Role;

import org.springframework.stereotype.Component;

/**
 * The MCP tool {@code recall_learnings}: the recall of {@code GET
 * /api/repos/{repo}/learnings/recall} (one repository) or {@code GET
 * /api/learnings/recall} (every readable repository), with the same ranking, filters,
 * {@code why} and {@code excluded}.
 */
@Component
class RecallTools implements McpTools {

	private final LearningRecall recall;

	private final RecallRequests requests;

	RecallTools(LearningRecall recall, RecallRequests requests) {
		this.recall = recall;
		this.requests = requests;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(new McpTool("recall_learnings", "Recall learnings",
				"What does the team already know about this task? Ranks the rules captured in a repository (or in "
						+ "every repository you may read) for a query of components, failures, commands and paths "
						+ "(BM25F with status, recency and path boosts). Call it before non-trivial work and before "
						+ "appending, so you neither repeat a known mistake nor capture a duplicate. Each hit has its "
						+ "score, the row and why it matched; superseded rows give way to the current rule of their "
						+ "chain, and 'excluded' counts every matching row that is not a hit, with the reason. "
						+ "Recall does not replace reading the current code.",
				"""
						{"type": "object", "additionalProperties": false,
						 "properties": {
						 "query": {"type": "string", "maxLength": 2000, "description": "What to recall: words, identifiers, flags, error text or paths (focused component, failure and objective terms)."},
						 "repository": {"type": "string", "default": "all", "description": "Repository name, as list_repositories shows it, or 'all' (the default) for every repository you may read."},
						 "paths": {"type": "array", "items": {"type": "string"}, "maxItems": 200, "description": "The files you are changing: rows about them rank higher. A query may be paths alone."},
						 "limit": {"type": "integer", "minimum": 1, "description": "Most hits (default 5, at most the server's learnings.recall.max-limit, 50)."},
						 "drop_superseded": {"type": "boolean", "default": true, "description": "Leave out superseded and withdrawn rows, ranking the head of each chain instead."},
						 "status": {"type": "array", "items": {"type": "string"}, "description": "Only these statuses."},
						 "tag": {"type": "array", "items": {"type": "string"}, "description": "Only rows with one of these tags."},
						 "since": {"type": "string", "format": "date-time", "description": "Only rows captured at or after this instant (ISO-8601)."},
						 "as_of": {"type": "string", "format": "date-time", "description": "Answer as the store stood at this instant (ISO-8601)."},
						 "mode": {"type": "string", "enum": ["lexical", "semantic", "hybrid"], "description": "How to rank: hybrid (the default when the server has semantic recall on) fuses word matching with meaning, so questions in other words than the rule's still find it; lexical matches words only."}}}""",
				Role.READER, this::recall));
	}

	private RecallResult recall(ToolArguments arguments) {
		Integer limit = arguments.integer("limit");
		if (limit != null && limit < 1) {
			throw new InvalidToolArgumentException("limit", "must be at least 1");
		}
		RecallQuery query = this.requests.query(Objects.requireNonNullElse(arguments.optionalString("query"), ""),
				limit, arguments.flag("drop_superseded", true), arguments.strings("status"), arguments.strings("tag"),
				arguments.instant("since"), arguments.instant("as_of"), arguments.strings("paths"));
		RecallQuery.Mode mode = RecallQuery.Mode.parse(arguments.optionalString("mode"));
		String repository = arguments.repository();
		if (repository == null || repository.equals(McpTool.ALL)) {
			return this.requests.recallReadable(List.of(), query, mode);
		}
		return this.recall.recall(repository, query, mode);
	}

}

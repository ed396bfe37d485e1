package io.teamlearnings.learnings.insights;

import java.util.List;

import io.teamlearnings.mcp.McpTool;
import io.teamlearnings.mcp.McpTools;
import io.teamlearnings.mcp.ToolAnswer;
import io.teamlearnings.mcp.ToolArguments;
import io.teamlearnings.security.Role;

import org.springframework.stereotype.Component;

/**
 * The MCP tool {@code codify_candidates}: the candidates of {@code GET
 * /api/repos/{repo}/learnings/codify-candidates}, answered as the table the learnings
 * tool prints, then as JSON.
 */
@Component
class CodifyTools implements McpTools {

	private final CodifyCandidates candidates;

	CodifyTools(CodifyCandidates candidates) {
		this.candidates = candidates;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(new McpTool("codify_candidates", "Codify candidates",
				"Rules worth promoting into something that acts on every session (a check or test, a skill, an "
						+ "AGENTS.md rule): active rows grouped by theme, each group with at least min_count rows or a "
						+ "codify_now row, best first, each with a suggested target and why.",
				"""
						{"type": "object", "additionalProperties": false, "required": ["repository"],
						 "properties": {
						 "repository": {"type": "string", "description": "Repository name, as list_repositories shows it."},
						 "min_count": {"type": "integer", "minimum": 1, "default": 3, "description": "Fewest rows that make a theme a candidate without a codify_now row (the tool's --min-count)."},
						 "limit": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20, "description": "Most candidates (the tool's --limit)."}}}""",
				Role.READER, this::candidates));
	}

	private ToolAnswer candidates(ToolArguments arguments) {
		CodifyCandidates.Result result = this.candidates.find(arguments.string(McpTool.REPOSITORY),
				arguments.integer("min_count", CodifyCandidates.DEFAULT_MIN_COUNT, 1, Integer.MAX_VALUE),
				arguments.integer("limit", CodifyCandidates.DEFAULT_LIMIT, 1, 200));
		return new ToolAnswer(CodifyTable.of(result), result);
	}

}

package io.teamlearnings.admissions;

import java.util.List;

import io.teamlearnings.mcp.McpTool;
import io.teamlearnings.mcp.McpTools;
import io.teamlearnings.mcp.ToolAnswer;
import io.teamlearnings.mcp.ToolArguments;
import io.teamlearnings.security.Role;

import org.springframework.stereotype.Component;

/**
 * The MCP tool {@code admit_learning}: {@code POST /api/repos/{repo}/admissions} with an
 * admission request, answered with the proof lines (the canonical row's, then the
 * note's), then the verdict and the note as JSON.
 */
@Component
class AdmissionTools implements McpTools {

	private final Admissions admissions;

	AdmissionTools(Admissions admissions) {
		this.admissions = admissions;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(new McpTool("admit_learning", "Admit a learning to memory",
				"Promote a proven rule into long-term agent memory: runs the Memory Admission Gate check by check "
						+ "(the row exists and is current, its evidence is inspectable, its scope and future behaviour "
						+ "are clear, and it is codify_now, recurs in three rows or more, or the user asked) and, if it "
						+ "passes, writes an immutable learning-admission note as the memory-note tool does. The answer "
						+ "starts with the proof lines ('canonical: id=...', then 'memory-note: id=... status=created'); "
						+ "a gate not met writes nothing and lists the failed checks. dry_run writes nothing.",
				"""
						{"type": "object", "additionalProperties": false, "required": ["repository", "learning_id"],
						 "properties": {
						 "repository": {"type": "string", "description": "Repository name, as list_repositories shows it."},
						 "learning_id": {"type": "string", "maxLength": 200, "description": "The canonical row (lrn-...)."},
						 "scope": {"description": "Where the rule applies: a list of paths, or {kind, repo, paths} with kind one of global, repo, path-family, task-family, workflow, tool.",
						   "oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"},
						     {"type": "object", "properties": {"kind": {"type": "string", "enum": ["global", "repo", "path-family", "task-family", "workflow", "tool"]},
						       "repo": {"type": "string"}, "paths": {"type": "array", "items": {"type": "string"}}}}]},
						 "decision_delta": {"type": "string", "maxLength": 4000, "description": "What future agents should decide differently."},
						 "future_behavior": {"type": "string", "maxLength": 4000, "description": "The operational default or route to follow."},
						 "verification": {"type": "string", "maxLength": 4000, "description": "The proof or stop condition."},
						 "reasons": {"type": "array", "maxItems": 10, "items": {"type": "string", "enum": ["user_requested", "stable_preference", "high_impact", "repeatable_procedure"]}, "description": "Reasons you claim beyond what the store shows: user_requested (the user asked to remember it), stable_preference, high_impact, repeatable_procedure."},
						 "dry_run": {"type": "boolean", "default": false, "description": "Run the gate and build the note without writing it."}}}""",
				Role.WRITER, this::admit));
	}

	private ToolAnswer admit(ToolArguments arguments) {
		AdmissionRequest request = arguments.body(AdmissionRequest.class, McpTool.REPOSITORY, "dry_run");
		AdmissionResult result = this.admissions.admit(arguments.string(McpTool.REPOSITORY),
				new AdmissionBody.Request(request), List.of(), arguments.flag("dry_run", false));
		return new ToolAnswer(result.proofText(), result);
	}

}

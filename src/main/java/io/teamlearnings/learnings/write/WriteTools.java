package io.teamlearnings.learnings.write;

import java.util.List;

import io.teamlearnings.mcp.McpTool;
import io.teamlearnings.mcp.McpTools;
import io.teamlearnings.mcp.ToolAnswer;
import io.teamlearnings.mcp.ToolArguments;
import io.teamlearnings.security.AccessPolicy;
import io.teamlearnings.security.Role;

import org.springframework.stereotype.Component;

/**
 * The MCP tools that write learnings: {@code append_learning}, {@code supersede_learning}
 * and {@code withdraw_learning}. Each takes the REST request's body as its arguments,
 * beside {@code repository} (and the flags the endpoint takes as query parameters), and
 * answers the proof lines first ({@code quality-warning:} lines, then {@code appended:}
 * or {@code duplicate-skip:}), then the endpoint's JSON. A row the quality gate refuses
 * is a tool error whose lines are the tool's {@code quality-error:} lines.
 */
@Component
class WriteTools implements McpTools {

	private static final String ROW_PROPERTIES = """
			"learning": {"type": "string", "maxLength": 4000,
			  "description": "The rule: 'When X, prefer Y because Z.' At least 24 bytes, with a condition word (when, if, for) and an action word (prefer, use, avoid, set, run, keep, add, remove, require, ...)."},
			"evidence": {"type": "array", "items": {"type": "string", "maxLength": 4000}, "maxItems": 50,
			  "description": "What was observed, each item concrete: a command and its outcome ('./mvnw test -> 42 passed'), a sha, a run id, a file path or an exact error. Placeholders (todo, n/a, unknown) are refused."},
			"application": {"type": "string", "maxLength": 4000,
			  "description": "How to apply the rule next time, concretely."},
			"status": {"type": "string", "maxLength": 64,
			  "description": "do_more, do_less, codify_now, avoid_for_now, investigate_more or review_later (the default); normalised as the learnings tool does."},
			"tags": {"type": "array", "items": {"type": "string", "maxLength": 100}, "maxItems": 50,
			  "description": "Labels; commas inside an item also separate tags."},
			"related_ids": {"type": "array", "items": {"type": "string", "maxLength": 200}, "maxItems": 50,
			  "description": "Ids of related rows."},
			"source": {"type": "string", "maxLength": 200,
			  "description": "Who captured it; a token caller is always recorded as token:<name>."},
			"context": {"type": "object", "additionalProperties": false,
			  "description": "Where it comes from; repo and branch default to the repository's git origin and branch.",
			  "properties": {"repo": {"type": "string", "maxLength": 200}, "branch": {"type": "string", "maxLength": 200},
			    "paths": {"type": "array", "items": {"type": "string", "maxLength": 1000}, "maxItems": 500}}},
			"force": {"type": "boolean", "default": false,
			  "description": "Append even if a near-duplicate exists (an exact duplicate is never written)."},
			"quality_mode": {"type": "string", "enum": ["strict", "best_effort"],
			  "description": "strict (the server's default) refuses a weak row; best_effort writes it unjudged."}""";

	private static final String REPOSITORY_PROPERTY = """
			"repository": {"type": "string", "description": "Repository name, as list_repositories shows it."}""";

	private final LearningWriter writer;

	WriteTools(LearningWriter writer) {
		this.writer = writer;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(new McpTool("append_learning", "Append a learning",
				"Capture one verified, evidence-backed rule in a repository's .learnings.jsonl, through the service's "
						+ "duplicate check and the learnings tool's quality gate. Recall first: an exact duplicate "
						+ "(or a near-duplicate with the same status) is not written and the answer names the existing "
						+ "row. The answer starts with the proof line ('appended: id=... status=... path=...', or "
						+ "'duplicate-skip: ...'), after any quality-warning lines; a refused row is a tool error listing "
						+ "the quality-error lines.",
				"""
						{"type": "object", "additionalProperties": false, "required": ["repository", "learning"],
						 "properties": {%s,
						 %s,
						 "supersedes_id": {"type": "string", "maxLength": 200, "description": "Id of the row this one replaces (prefer supersede_learning)."}}}"""
					.formatted(REPOSITORY_PROPERTY, ROW_PROPERTIES),
				Role.WRITER, this::append),
				new McpTool("supersede_learning", "Supersede a learning",
						"Replace a rule that no longer holds as written: appends the new rule as a row whose "
								+ "supersedes_id names the old one (the old line is never edited). Only the current head "
								+ "of a chain can be superseded; the error names the head otherwise. The new row passes "
								+ "the same quality gate as an append.",
						"""
								{"type": "object", "additionalProperties": false, "required": ["repository", "id", "learning"],
								 "properties": {%s,
								 "id": {"type": "string", "maxLength": 200, "description": "Id of the row to supersede (lrn-...)."},
								 %s}}"""
							.formatted(REPOSITORY_PROPERTY, ROW_PROPERTIES),
						Role.WRITER, this::supersede),
				new McpTool("withdraw_learning", "Withdraw a learning",
						"Retract a rule that was wrong or no longer applies: appends a 'withdrawn' row that supersedes "
								+ "it, so it leaves recall and the digest (browse still lists it).",
						"""
								{"type": "object", "additionalProperties": false, "required": ["repository", "id", "reason"],
								 "properties": {%s,
								 "id": {"type": "string", "maxLength": 200, "description": "Id of the row to withdraw (lrn-...)."},
								 "reason": {"type": "string", "maxLength": 4000, "description": "Why the rule no longer holds."},
								 "source": {"type": "string", "maxLength": 200, "description": "Who withdraws it; a token caller is recorded as token:<name>."}}}"""
							.formatted(REPOSITORY_PROPERTY),
						Role.WRITER, this::withdraw));
	}

	private ToolAnswer append(ToolArguments arguments) {
		AppendRequest request = arguments.body(AppendRequest.class, McpTool.REPOSITORY, "force", "quality_mode");
		return answer(this.writer.append(arguments.string(McpTool.REPOSITORY), request, arguments.flag("force", false),
				AccessPolicy.attribution(), WriteController.qualityMode(arguments.optionalString("quality_mode"))));
	}

	private ToolAnswer supersede(ToolArguments arguments) {
		AppendRequest request = arguments.body(AppendRequest.class, McpTool.REPOSITORY, "id", "force", "quality_mode");
		return answer(this.writer.supersede(arguments.string(McpTool.REPOSITORY), arguments.string("id"), request,
				arguments.flag("force", false), AccessPolicy.attribution(),
				WriteController.qualityMode(arguments.optionalString("quality_mode"))));
	}

	private ToolAnswer withdraw(ToolArguments arguments) {
		WithdrawRequest request = arguments.body(WithdrawRequest.class, McpTool.REPOSITORY, "id");
		return answer(this.writer.withdraw(arguments.string(McpTool.REPOSITORY), arguments.string("id"), request,
				AccessPolicy.attribution()));
	}

	private static ToolAnswer answer(AppendResult result) {
		return new ToolAnswer(result.proofText(), result);
	}

}

package io.teamlearnings.skills;

import java.util.List;

import io.teamlearnings.mcp.McpTool;
import io.teamlearnings.mcp.McpTools;
import io.teamlearnings.mcp.ToolAnswer;
import io.teamlearnings.mcp.ToolArguments;
import io.teamlearnings.security.Role;
import io.teamlearnings.skills.validation.ValidationReport;

import org.springframework.stereotype.Component;

/**
 * The MCP tools over skills: {@code validate_skill} ({@code POST /api/skills/validate}:
 * skill-creator's {@code quick_validate.py} verdicts) and {@code match_skill}
 * ({@code POST
 * /api/skills/match}: update an existing skill or create one for a lesson). Both only
 * read.
 */
@Component
class SkillTools implements McpTools {

	private final Skills skills;

	SkillTools(Skills skills) {
		this.skills = skills;
	}

	@Override
	public List<McpTool> tools() {
		return List.of(new McpTool("validate_skill", "Validate skills",
				"Check skills as skill-creator's quick_validate.py does (front matter, name, description, allowed "
						+ "keys): skill directories inside the configured skill roots by path, or SKILL.md texts you "
						+ "upload. The answer starts with each skill's verdict line as the script prints it.",
				"""
						{"type": "object", "additionalProperties": false,
						 "properties": {
						 "paths": {"type": "array", "maxItems": 100, "items": {"type": "string", "maxLength": 4096}, "description": "Each <root>/<name> or the skill directory's absolute path, inside a skill root."},
						 "uploads": {"type": "array", "maxItems": 20, "description": "SKILL.md texts to validate.",
						   "items": {"type": "object", "additionalProperties": false, "required": ["name", "content"],
						     "properties": {"name": {"type": "string", "maxLength": 200, "description": "What to call it in the answer (upload:<name>)."},
						       "content": {"type": "string", "maxLength": 262144, "description": "The SKILL.md text."}}}}}}""",
				Role.READER, this::validate),
				new McpTool("match_skill", "Place a lesson among the skills",
						"Should this lesson update an existing skill or become a new one? Compares the lesson (its "
								+ "text, a learning by repository and id, or a lesson signal) with every skill in the "
								+ "skill roots and answers the candidates with scores and the decision, following the "
								+ "learning-from-conversations workflow's rules.",
						"""
								{"type": "object", "additionalProperties": false,
								 "properties": {
								 "lesson": {"type": "string", "maxLength": 20000, "description": "The lesson's text (give exactly one of lesson, learning and signal)."},
								 "steps": {"type": "array", "maxItems": 50, "items": {"type": "string", "maxLength": 2000}, "description": "Its workflow steps; without them its sentences are compared."},
								 "learning": {"type": "object", "required": ["repo", "id"], "additionalProperties": false, "description": "A learning as the lesson.",
								   "properties": {"repo": {"type": "string"}, "id": {"type": "string"}}},
								 "signal": {"type": "object", "required": ["evidence"], "description": "A lesson signal as lesson_signals lists it.",
								   "properties": {"kind": {"type": "string"}, "session_id": {"type": "string"}, "evidence": {"type": "array", "items": {"type": "string"}}}},
								 "repository": {"type": "string", "description": "The repository the lesson comes from (its own skill root is preferred)."},
								 "occurrences": {"type": "integer", "minimum": 1, "maximum": 100000, "description": "How often the lesson recurred (default 1)."},
								 "limit": {"type": "integer", "minimum": 1, "maximum": 50, "description": "Most candidates (default 5)."}}}""",
						Role.READER, (arguments) -> this.skills.match(arguments.body(MatchRequest.class))));
	}

	private ToolAnswer validate(ToolArguments arguments) {
		ValidationReport report = this.skills.validate(arguments.body(ValidateRequest.class));
		return new ToolAnswer(report.text(), report);
	}

}

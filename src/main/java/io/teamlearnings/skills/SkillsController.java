package io.teamlearnings.skills;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.skills.catalog.Inventory;
import io.teamlearnings.skills.catalog.SkillDetail;
import io.teamlearnings.skills.creation.CreatedSkill;
import io.teamlearnings.skills.match.Fragment;
import io.teamlearnings.skills.match.MatchResult;
import io.teamlearnings.skills.validation.ValidationReport;
import io.teamlearnings.system.ProofLines;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/skills")
@Tag(name = "Skills")
class SkillsController {

	static final String MARKDOWN = "text/markdown";

	private static final String VALIDATE_TEXT_EXAMPLE = "PASS\t/home/me/.codex/skills/release-notes\tSkill is valid!\n"
			+ "FAIL\t/home/me/src/app/.codex/skills/deploy\tMissing 'description' in frontmatter\n"
			+ "Summary: 1/2 skills valid; 1 failed.\n";

	private final Skills skills;

	SkillsController(Skills skills) {
		this.skills = skills;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listSkills", summary = "Skill inventory",
			description = "The skills of every skill root the caller may read (a repository's project root only with "
					+ "the reader role there): each directory of a root holding a SKILL.md, with its name, "
					+ "description, path, root and its kind, the resources it has (scripts, references, assets, "
					+ "agents/openai.yaml), its size, its last change and quick_validate.py's verdict. Directories "
					+ "that link out of their root are listed as skipped, not read.")
	@ApiResponse(responseCode = "200", description = "The skills, root by root, by name")
	@ApiResponse(responseCode = "403",
			description = "The root or repository asked for belongs to a repository the caller may not read")
	@ApiResponse(responseCode = "404", description = "No skill root or repository has that name")
	Inventory inventory(
			@Parameter(description = "Only this root's skills",
					example = "codex") @RequestParam(required = false) @Nullable String root,
			@Parameter(description = "Only the skills of this repository's project roots") @RequestParam(
					required = false) @Nullable String repository,
			@Parameter(
					description = "Only skills whose directory or declared name contains this (case ignored)") @RequestParam(
							required = false) @Nullable String name,
			@Parameter(description = "Only valid (true) or invalid (false) skills") @RequestParam(
					required = false) @Nullable Boolean valid) {
		return this.skills.inventory(root, repository, name, valid);
	}

	@GetMapping(path = "/fragments", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listSkillFragments", summary = "Workflow fragments several skills repeat",
			description = "Runs of consecutive workflow steps that several skills share, step for step similar "
					+ "(README defines the similarity), as candidates for a shared skill: each with its steps and "
					+ "where each skill has them. Most skills first, then longest.")
	@ApiResponse(responseCode = "200", description = "The fragments")
	@ApiResponse(responseCode = "400", description = "min_steps or min_skills out of range")
	@ApiResponse(responseCode = "403",
			description = "The root or repository asked for belongs to a repository the caller may not read")
	@ApiResponse(responseCode = "404", description = "No skill root or repository has that name")
	List<Fragment> fragments(
			@Parameter(description = "Only this root's skills") @RequestParam(required = false) @Nullable String root,
			@Parameter(description = "Only the skills of this repository's project roots") @RequestParam(
					required = false) @Nullable String repository,
			@Parameter(description = "Fewest consecutive steps in a fragment, 1 to 20") @RequestParam(
					name = "min_steps", defaultValue = "2") @Min(1) @Max(20) int minSteps,
			@Parameter(description = "Fewest skills that repeat it, 2 to 100") @RequestParam(name = "min_skills",
					defaultValue = "2") @Min(2) @Max(100) int minSkills) {
		return this.skills.fragments(root, repository, minSteps, minSkills);
	}

	@GetMapping(path = "/{root}/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "readSkill", summary = "One skill",
			description = "What the inventory says of one skill, with its parsed front matter, the headings of its "
					+ "body and its workflow steps (the list items below its headings; README defines them).")
	@ApiResponse(responseCode = "200", description = "The skill")
	@ApiResponse(responseCode = "400", description = "The name is not one directory name, or leads out of its root")
	@ApiResponse(responseCode = "403", description = "The root belongs to a repository the caller may not read")
	@ApiResponse(responseCode = "404", description = "No such root, or no skill of that name in it")
	SkillDetail skill(@Parameter(description = "The skill root", example = "codex") @PathVariable String root,
			@Parameter(description = "The skill's directory name",
					example = "release-notes") @PathVariable String name) {
		return this.skills.detail(root, name);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "createSkill", summary = "Create a skill as init_skill.py",
			description = "Creates a skill as skill-creator's init_skill.py: the name normalised as the script does "
					+ "(at most 64 characters), in a configured skill root (never a path from the request), never "
					+ "over anything there: SKILL.md from the script's template (with the description given, or its "
					+ "placeholder), agents/openai.yaml, and the resource directories asked for, with the script's "
					+ "example files if asked. The answer lists what was created and quick_validate.py's verdict. "
					+ "In a repository's project root the caller needs the writer role there; in a shared root, in "
					+ "every repository.")
	@ApiResponse(responseCode = "201", description = "Created; Location names the skill")
	@ApiResponse(responseCode = "400",
			description = "A name the script refuses or that is a path, an unknown "
					+ "resource, examples without resources, an external root, a description or interface field the "
					+ "validator would refuse")
	@ApiResponse(responseCode = "403", description = "The caller may not write in that root")
	@ApiResponse(responseCode = "404", description = "No skill root has that name")
	@ApiResponse(responseCode = "409", description = "Something already has that name in the root")
	@ApiResponse(responseCode = "503", description = "The root could not be written; nothing was kept")
	ResponseEntity<CreatedSkill> create(@Valid @RequestBody CreateSkillRequest request) {
		CreatedSkill created = this.skills.create(request);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/skills/" + created.root() + "/" + created.name()))
			.body(created);
	}

	@PostMapping(path = "/match", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "matchLesson", summary = "Update or create: place a lesson among the skills",
			description = "Ranks the skills of the roots the caller may read by how a lesson relates to them: "
					+ "trigger-intent similarity (lesson against a skill's name and description), workflow overlap "
					+ "(share of the lesson's steps a skill's steps match) and scope-dilution risk (share of the "
					+ "lesson a skill never speaks of), each explained. The recommendation follows the seed's rules: "
					+ "update a skill only when all three conditions hold; extract-shared-fragment when the lesson is "
					+ "a fragment several skills repeat; wrap an external skill customised again; otherwise create, "
					+ "with a proposed name and root (project when the lesson names one repository's tools or paths, "
					+ "else shared). README defines the measures.")
	@ApiResponse(responseCode = "200", description = "The candidates, most related first, and the recommendation")
	@ApiResponse(responseCode = "400",
			description = "Not exactly one of lesson, learning and signal, or a field out of range")
	@ApiResponse(responseCode = "403", description = "The learning's repository may not be read by the caller")
	@ApiResponse(responseCode = "404", description = "Unknown repository or learning")
	MatchResult match(@Valid @RequestBody MatchRequest request) {
		return this.skills.match(request);
	}

	@PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "validateSkills", summary = "Validate skills as quick_validate.py",
			description = "Validates skills exactly as skill-creator's quick_validate.py: its checks in its order, "
					+ "its messages. Name skill directories as <root>/<name> or by an absolute path inside a skill "
					+ "root, or upload SKILL.md texts, or send one SKILL.md as a text/markdown body. With "
					+ "Accept: text/plain, what the script prints: the message "
					+ "for one skill; for several, a PASS|FAIL<tab><path><tab><message> line each and a Summary line. "
					+ "The answer is 200 whatever the verdicts.")
	@ApiResponse(responseCode = "200", description = "The verdicts, in the order asked",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ValidationReport.class)),
					@Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
							schema = @Schema(type = "string", example = VALIDATE_TEXT_EXAMPLE)) })
	@ApiResponse(responseCode = "400", description = "No skill named, or a path outside the skill roots")
	@ApiResponse(responseCode = "403",
			description = "A path is in the project root of a repository the caller may not read")
	ResponseEntity<Object> validate(@Valid @RequestBody ValidateRequest request,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		ValidationReport report = this.skills.validate(request);
		return ProofLines.answer(ResponseEntity.ok(), report, report.text(), accept);
	}

	/**
	 * One {@code SKILL.md} as the body: the same operation as {@link #validate} for the
	 * OpenAPI description, which lists this body under its request content types.
	 */
	@PostMapping(path = "/validate", consumes = MARKDOWN,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(mediaType = MARKDOWN, schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "200", description = "The verdicts, in the order asked",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ValidationReport.class)),
					@Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
							schema = @Schema(type = "string", example = VALIDATE_TEXT_EXAMPLE)) })
	ResponseEntity<Object> validateMarkdown(@RequestBody byte[] skillMd, @RequestHeader(name = HttpHeaders.ACCEPT,
			required = false) @Parameter(hidden = true) @Nullable String accept) {
		ValidationReport report = this.skills.validate(skillMd);
		return ProofLines.answer(ResponseEntity.ok(), report, report.text(), accept);
	}

}

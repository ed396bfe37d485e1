package io.teamlearnings.learnings.insights;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.system.ProofLines;
import io.teamlearnings.system.UnknownRepositoryResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Codify candidates ({@link CodifyCandidates}): JSON, or with {@code Accept: text/plain}
 * the table the {@code learnings codify-candidates} command prints ({@link CodifyTable}).
 */
@RestController
@Tag(name = "Recall")
class CodifyController {

	private final CodifyCandidates candidates;

	CodifyController(CodifyCandidates candidates) {
		this.candidates = candidates;
	}

	@GetMapping(path = "/api/repos/{repo}/learnings/codify-candidates",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "listCodifyCandidates", summary = "Codify candidates",
			description = "Rules to promote into something that acts on every session, as the learnings tool's "
					+ "codify-candidates finds them: active rows grouped by the tool's theme (the first six stems of "
					+ "the learning and application, alphabetically), each group with at least min_count rows or a "
					+ "codify_now row, best score first. Each comes with its rows and a suggested target: check_or_test "
					+ "(a failure shield), skill (a procedure that travels) or agents_md_rule, and why. With "
					+ "Accept: text/plain, the tool's table.")
	@ApiResponse(responseCode = "200", description = "The candidates, best first", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = CodifyCandidates.Result.class)),
			@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string",
					example = "score              count  last_seen             status   theme                             learning                                                    \n"
							+ "-----------------  -----  --------------------  -------  --------------------------------  ------------------------------------------------------------\n"
							+ "6.735758882342885  3      2026-09-24T12:00:00Z  do_more  build node nvmrc pin use version  When a build uses node, pin the version in nvmrc, with yarn.\n")) })
	@ApiResponse(responseCode = "400", description = "min_count or limit is not a whole number in range")
	@UnknownRepositoryResponse
	ResponseEntity<Object> codifyCandidates(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Fewest rows that make a theme a candidate without a codify_now row (at least 1; "
					+ "the tool's --min-count)") @RequestParam(name = "min_count",
							defaultValue = "" + CodifyCandidates.DEFAULT_MIN_COUNT) @Min(1) int minCount,
			@Parameter(description = "Most candidates, 1 to 200 (the tool's --limit)") @RequestParam(
					defaultValue = "" + CodifyCandidates.DEFAULT_LIMIT) @Min(1) @Max(200) int limit,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		CodifyCandidates.Result result = this.candidates.find(repo, minCount, limit);
		return ProofLines.answer(ResponseEntity.ok(), result, CodifyTable.of(result), accept);
	}

}

package io.teamlearnings.learnings.browse;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.learnings.index.LearningView;
import io.teamlearnings.system.UnknownLearningResponse;
import io.teamlearnings.system.UnknownRepositoryResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pages, the newest rows and single rows of a repository, from the index.
 */
@RestController
@RequestMapping("/api/repos/{repo}/learnings")
@Tag(name = "Learnings")
class BrowseController {

	private final LearningQueries queries;

	BrowseController(LearningQueries queries) {
		this.queries = queries;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "browseLearnings", summary = "Browse learnings",
			description = "Pages through a repository's rows, newest first.")
	@ApiResponse(responseCode = "200", description = "One page of rows")
	@ApiResponse(responseCode = "400", description = "A parameter is invalid")
	@UnknownRepositoryResponse
	PagedResult<LearningView> browse(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Only this status",
					example = "codify_now") @RequestParam(required = false) @Nullable String status,
			@Parameter(description = "Only rows with this tag",
					example = "testing") @RequestParam(required = false) @Nullable String tag,
			@Parameter(description = "Captured at or after (ISO-8601 instant)",
					example = "2026-03-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant since,
			@Parameter(description = "Captured before (ISO-8601 instant)",
					example = "2026-04-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant until,
			@Parameter(description = "Learning, application or evidence contains this text (any case)",
					example = "launchd") @RequestParam(name = "q", required = false) @Nullable String text,
			@Parameter(description = "List rows that another row supersedes") @RequestParam(name = "include_superseded",
					defaultValue = "false") boolean includeSuperseded,
			@Parameter(description = "0-based page, at most 10,000,000 (the row offset page x size must fit "
					+ "an int)") @RequestParam(defaultValue = "0") @Min(0) @Max(10_000_000) int page,
			@Parameter(description = "Rows per page, 1 to 200") @RequestParam(
					defaultValue = "20") @Min(1) @Max(200) int size) {
		return this.queries.browse(repo, new BrowseFilter(status, tag, since, until, text, includeSuperseded), page,
				size);
	}

	@GetMapping(path = "/recent", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listRecentLearnings", summary = "Most recent learnings",
			description = "The newest rows, superseded ones included.")
	@ApiResponse(responseCode = "200", description = "The newest rows, newest first")
	@ApiResponse(responseCode = "400", description = "limit is out of range")
	@UnknownRepositoryResponse
	List<LearningView> recent(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "How many rows, 1 to 200") @RequestParam(
					defaultValue = "10") @Min(1) @Max(200) int limit) {
		return this.queries.recent(repo, limit);
	}

	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getLearning", summary = "One learning",
			description = "The row with this id, exactly as written, with the ids of rows superseding it.")
	@ApiResponse(responseCode = "200", description = "The row")
	@UnknownLearningResponse
	LearningView get(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Row id", example = "lrn-20260528T170724Z-c468d2a9") @PathVariable String id) {
		return this.queries.get(repo, id);
	}

}

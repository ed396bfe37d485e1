package io.teamlearnings.learnings.insights;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.system.UnknownLearningResponse;
import io.teamlearnings.system.UnknownRepositoryResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Recall")
class InsightsController {

	private final LearningInsights insights;

	InsightsController(LearningInsights insights) {
		this.insights = insights;
	}

	@GetMapping(path = "/api/repos/{repo}/learnings/{id}/related", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listRelatedLearnings", summary = "Related learnings",
			description = "The rows most similar to this one (Jaccard similarity of the learnings' terms, as for near-duplicates).")
	@ApiResponse(responseCode = "200", description = "Related rows, most similar first")
	@UnknownLearningResponse
	List<LearningInsights.Related> related(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Row id", example = "lrn-20260528T170724Z-c468d2a9") @PathVariable String id,
			@Parameter(description = "How many, 1 to 50") @RequestParam(
					defaultValue = "5") @Min(1) @Max(50) int limit) {
		return this.insights.related(repo, id, limit);
	}

	@GetMapping(path = "/api/repos/{repo}/learnings/summary", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "summarizeLearnings", summary = "Summarise a repository's learnings",
			description = "Counts by status, active/superseded/withdrawn, top tags, rows per week, and recurring themes "
					+ "(groups of at least three similar active rows).")
	@ApiResponse(responseCode = "200", description = "The summary")
	@UnknownRepositoryResponse
	LearningSummary summary(@Parameter(description = "Repository name, as GET /api/repos lists it",
			example = "default") @PathVariable String repo) {
		return this.insights.summary(repo);
	}

}

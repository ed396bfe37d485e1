package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.system.UnknownRepositoryResponse;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Recall")
class RecallController {

	private final LearningRecall recall;

	private final RecallRequests requests;

	RecallController(LearningRecall recall, RecallRequests requests) {
		this.recall = recall;
		this.requests = requests;
	}

	@GetMapping(path = "/api/repos/{repo}/learnings/recall", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "recallLearnings", summary = "Recall learnings",
			description = "Ranks a repository's rows for the query (BM25F over learning, application, evidence, context "
					+ "and tags, with status, recency and path boosts; README gives the formula). Superseded rows give "
					+ "way to the current row of their chain and withdrawn rows are left out unless drop_superseded=false; "
					+ "'excluded' counts every matching row that is not a hit, with the reason.")
	@ApiResponse(responseCode = "200", description = "Hits, best first, each with its score and why it matched")
	@ApiResponse(responseCode = "400", description = "Empty query, limit out of range or a malformed parameter")
	@UnknownRepositoryResponse
	ResponseEntity<RecallResult> recall(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "What to recall: words, identifiers, flags or paths",
					example = "launchd automation runner") @RequestParam(defaultValue = "") String query,
			@Parameter(description = "Most hits (default learnings.recall.default-limit)") @RequestParam(
					required = false) @Nullable @Min(1) Integer limit,
			@Parameter(
					description = "Leave out superseded and withdrawn rows, ranking the head of each chain instead") @RequestParam(
							name = "drop_superseded", defaultValue = "true") boolean dropSuperseded,
			@Parameter(description = "Only these statuses") @RequestParam(name = "status",
					required = false) @Nullable List<String> statuses,
			@Parameter(description = "Only rows with one of these tags") @RequestParam(name = "tag",
					required = false) @Nullable List<String> tags,
			@Parameter(description = "Only rows captured at or after (ISO-8601 instant)") @RequestParam(
					required = false) @Nullable Instant since,
			@Parameter(description = "Answer as the store stood at this time (ISO-8601 instant)") @RequestParam(
					name = "as_of", required = false) @Nullable Instant asOf,
			@Parameter(
					description = "How to rank: lexical (BM25F), semantic (embeddings) or hybrid (both, fused by "
							+ "reciprocal rank); default hybrid while learnings.recall.semantic.enabled, else lexical",
					schema = @Schema(allowableValues = { "lexical", "semantic", "hybrid" })) @RequestParam(
							name = "mode", required = false) @Nullable String mode,
			@Parameter(description = "The caller's changed files; rows about them rank higher") @RequestParam(
					name = "paths", required = false) @Nullable List<String> paths) {
		RecallQuery recallQuery = this.requests.query(query, limit, dropSuperseded, orEmpty(statuses), orEmpty(tags),
				since, asOf, orEmpty(paths));
		RecallQuery.Mode ranking = RecallQuery.Mode.parse(mode);
		return timed(() -> this.recall.recall(repo, recallQuery, ranking));
	}

	@GetMapping(path = "/api/learnings/recall", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "recallAcrossRepositories", summary = "Recall across repositories",
			description = "The team-wide view: recall over every repository the caller may read (or those named), "
					+ "merged by score; each hit names its repository.")
	@ApiResponse(responseCode = "200", description = "Hits, best first")
	@ApiResponse(responseCode = "400", description = "Empty query, limit out of range or a malformed parameter")
	@ApiResponse(responseCode = "404", description = "A named repository is unknown")
	ResponseEntity<RecallResult> recallAcross(
			@Parameter(description = "What to recall",
					example = "flaky tests") @RequestParam(defaultValue = "") String query,
			@Parameter(description = "Only these repositories (default: all)") @RequestParam(name = "repo",
					required = false) @Nullable List<String> repos,
			@Parameter(description = "Most hits") @RequestParam(required = false) @Nullable @Min(1) Integer limit,
			@Parameter(description = "Leave out superseded and withdrawn rows") @RequestParam(name = "drop_superseded",
					defaultValue = "true") boolean dropSuperseded,
			@Parameter(description = "Only these statuses") @RequestParam(name = "status",
					required = false) @Nullable List<String> statuses,
			@Parameter(description = "Only rows with one of these tags") @RequestParam(name = "tag",
					required = false) @Nullable List<String> tags,
			@Parameter(description = "Only rows captured at or after") @RequestParam(
					required = false) @Nullable Instant since,
			@Parameter(description = "Answer as the stores stood at this time") @RequestParam(name = "as_of",
					required = false) @Nullable Instant asOf,
			@Parameter(
					description = "How to rank: lexical (BM25F), semantic (embeddings) or hybrid (both, fused by "
							+ "reciprocal rank); default hybrid while learnings.recall.semantic.enabled, else lexical",
					schema = @Schema(allowableValues = { "lexical", "semantic", "hybrid" })) @RequestParam(
							name = "mode", required = false) @Nullable String mode,
			@Parameter(description = "The caller's changed files") @RequestParam(name = "paths",
					required = false) @Nullable List<String> paths) {
		RecallQuery recallQuery = this.requests.query(query, limit, dropSuperseded, orEmpty(statuses), orEmpty(tags),
				since, asOf, orEmpty(paths));
		RecallQuery.Mode ranking = RecallQuery.Mode.parse(mode);
		return timed(() -> this.requests.recallReadable(orEmpty(repos), recallQuery, ranking));
	}

	/**
	 * Runs a recall and tells how long it took in a {@code Server-Timing} header
	 * ({@code recall;dur=<ms>}), so callers can tell the ranking's time from the
	 * network's.
	 */
	private static ResponseEntity<RecallResult> timed(Supplier<RecallResult> recall) {
		long start = System.nanoTime();
		RecallResult result = recall.get();
		double millis = (System.nanoTime() - start) / 1e6;
		return ResponseEntity.ok()
			.header("Server-Timing", String.format(Locale.ROOT, "recall;dur=%.3f", millis))
			.body(result);
	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

}

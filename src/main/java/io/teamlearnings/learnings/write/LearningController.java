package io.teamlearnings.learnings.write;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.learnings.browse.BrowseFilter;
import io.teamlearnings.learnings.browse.LearningQueries;
import io.teamlearnings.learnings.browse.PagedResult;
import io.teamlearnings.learnings.index.LearningView;
import io.teamlearnings.learnings.index.StoreProperties;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.security.Caller;
import io.teamlearnings.security.Callers;
import io.teamlearnings.security.Role;
import io.teamlearnings.system.UnknownRepositoryResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/repos/{repo}/learnings")
@Tag(name = "Learnings", description = "Append to and browse a repository's canonical .learnings.jsonl")
class LearningController {

	static final String NDJSON = "application/x-ndjson";

	private final LearningWriter writer;

	private final LearningQueries queries;

	private final LearningTransfer transfer;

	private final Repositories repositories;

	@Nullable
	private final String teamRepo;

	LearningController(LearningWriter writer, LearningQueries queries, LearningTransfer transfer,
			Repositories repositories, StoreProperties properties) {
		this.writer = writer;
		this.queries = queries;
		this.transfer = transfer;
		this.repositories = repositories;
		this.teamRepo = properties.teamRepo();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Append a learning",
			description = "Writes one row to <root>/.learnings.jsonl (forced to disk before the answer), then indexes it. "
					+ "A row with the same fingerprint, or a near-duplicate of a row with the same status, is not written: "
					+ "the answer is a duplicate-skip naming the existing row. With Accept: text/plain the body is the "
					+ "proof line alone.")
	@ApiResponse(responseCode = "201", description = "Appended; the proof line starts with 'appended:'", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AppendResult.class)),
			@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string",
					example = "appended: id=lrn-20260528T170724Z-c468d2a9 status=do_more path=/work/repo/.learnings.jsonl")) })
	@ApiResponse(responseCode = "200",
			description = "Nothing written: a duplicate or near-duplicate of an existing row",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = AppendResult.class)),
					@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string",
							example = "duplicate-skip: fingerprint=c468d2a9e1f0b7a3 existing_id=lrn-20260528T170724Z-c468d2a9 path=/work/repo/.learnings.jsonl")) })
	@ApiResponse(responseCode = "400", description = "A field is missing or invalid, or the JSON is malformed",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@UnknownRepositoryResponse
	@ApiResponse(responseCode = "413", description = "Body over the configured size limit",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "415", description = "Body is not application/json",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "The store could not be read or written; nothing was appended",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> append(@Parameter(
			description = "Repository name, as GET /api/repos lists it", example = "default") @PathVariable String repo,
			@Valid @RequestBody AppendRequest request,
			@Parameter(
					description = "Append even if a near-duplicate exists (an exact duplicate is never written)") @RequestParam(
							defaultValue = "false") boolean force,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		return answer(repo, this.writer.append(repo, request, force, attribution()), accept);
	}

	/** The caller's identity for the row's source; null for the trusted local caller. */
	@Nullable
	private static String attribution() {
		Caller caller = Callers.current();
		return caller.local() ? null : caller.attribution();
	}

	private static ResponseEntity<?> answer(String repo, AppendResult result, @Nullable String accept) {
		ResponseEntity.BodyBuilder response = result.appended()
				? ResponseEntity.created(URI.create("/api/repos/" + repo + "/learnings/" + result.id()))
				: ResponseEntity.status(HttpStatus.OK);
		if (prefersText(accept)) {
			return response.contentType(MediaType.TEXT_PLAIN).body(result.proofText());
		}
		return response.contentType(MediaType.APPLICATION_JSON).body(result);
	}

	private static boolean prefersText(@Nullable String accept) {
		if (accept == null) {
			return false;
		}
		List<MediaType> types = MediaType.parseMediaTypes(accept);
		types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.isCompatibleWith(MediaType.TEXT_PLAIN) && !type.isWildcardType()) {
				return true;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return false;
			}
		}
		return false;
	}

	@PostMapping(path = "/{id}/supersede", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Supersede a learning",
			description = "Appends the new rule as a row whose supersedes_id is this id; the old line is never edited. "
					+ "Only the head of a chain can be superseded: a row already superseded is refused, naming the head.")
	@ApiResponse(responseCode = "201", description = "Appended",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = AppendResult.class)),
					@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "200", description = "Nothing written: the new rule is a duplicate",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AppendResult.class)))
	@ApiResponse(responseCode = "400", description = "A field is missing or invalid",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Unknown repository or id",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409", description = "The row is already superseded; the problem names the head",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> supersede(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Row to supersede",
					example = "lrn-20260528T170724Z-c468d2a9") @PathVariable String id,
			@Valid @RequestBody AppendRequest request,
			@Parameter(description = "Append even if a near-duplicate exists") @RequestParam(
					defaultValue = "false") boolean force,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		return answer(repo, this.writer.supersede(repo, id, request, force, attribution()), accept);
	}

	@PostMapping(path = "/{id}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Withdraw a learning",
			description = "Appends a row with status 'withdrawn' that supersedes this one: it leaves recall and the digest; "
					+ "browse still lists it with include_superseded=true.")
	@ApiResponse(responseCode = "201", description = "Withdrawn",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = AppendResult.class)),
					@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "400", description = "No reason given",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Unknown repository or id",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "409",
			description = "The row is already superseded or withdrawn; the problem names the head",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> withdraw(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Row to withdraw",
					example = "lrn-20260528T170724Z-c468d2a9") @PathVariable String id,
			@Valid @RequestBody WithdrawRequest request, @RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		return answer(repo, this.writer.withdraw(repo, id, request, attribution()), accept);
	}

	@PostMapping(path = "/{id}/share", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Share a learning with the team",
			description = "Copies a project learning into the configured team repository (learnings.store.team-repo) "
					+ "as a new row whose related_ids name the original. Sharing the same rule twice is a duplicate-skip. "
					+ "Needs writer in both repositories.")
	@ApiResponse(responseCode = "201", description = "Shared",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AppendResult.class)))
	@ApiResponse(responseCode = "200", description = "Already shared",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AppendResult.class)))
	@ApiResponse(responseCode = "400", description = "No team repository is configured",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "403", description = "The caller may not write to the team repository",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "Unknown repository or id",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<?> share(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Row to share", example = "lrn-20260528T170724Z-c468d2a9") @PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		Caller caller = Callers.current();
		String team = this.teamRepo;
		if (team != null && !caller.can(Role.WRITER, team)) {
			throw new AccessDeniedException(
					"Token '" + caller.name() + "' needs role writer in the team repository '" + team + "'.");
		}
		return answer(repo, this.writer.share(repo, id, attribution()), accept);
	}

	@GetMapping(path = "/export", produces = NDJSON)
	@Operation(summary = "Export learnings",
			description = "Streams the canonical .learnings.jsonl as it is (complete lines), or only the rows captured "
					+ "at or after 'since'.")
	@ApiResponse(responseCode = "200", description = "JSON lines",
			content = @Content(mediaType = NDJSON, schema = @Schema(type = "string")))
	@UnknownRepositoryResponse
	ResponseEntity<StreamingResponseBody> export(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Only rows captured at or after (ISO-8601 instant)") @RequestParam(
					required = false) @Nullable Instant since) {
		this.repositories.require(repo);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(NDJSON))
			.body((out) -> this.transfer.export(repo, since, out));
	}

	@PostMapping(path = "/import",
			consumes = { NDJSON, "application/jsonl", MediaType.TEXT_PLAIN_VALUE,
					MediaType.APPLICATION_OCTET_STREAM_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Import learnings",
			description = "Takes a JSONL from another store (another service's export or the command-line tool's file), "
					+ "keeping each row's id, fingerprint and fields, and reports per line what was imported, skipped as "
					+ "a duplicate (same id or fingerprint) or rejected and why. on_conflict=fail rejects duplicates; "
					+ "atomic=true writes nothing if any line is rejected.")
	@ApiResponse(responseCode = "200", description = "The per-line report")
	@UnknownRepositoryResponse
	ImportReport importRows(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@RequestBody byte[] body,
			@Parameter(description = "skip or fail", example = "skip") @RequestParam(name = "on_conflict",
					defaultValue = "skip") @Pattern(regexp = "skip|fail",
							message = "must be skip or fail") String onConflict,
			@Parameter(description = "Write nothing if any line is rejected") @RequestParam(
					defaultValue = "false") boolean atomic) {
		return this.transfer.importRows(repo, body, onConflict.equals("fail"), atomic);
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Browse learnings", description = "Pages through a repository's rows, newest first.")
	@ApiResponse(responseCode = "200", description = "One page of rows")
	@ApiResponse(responseCode = "400", description = "A parameter is invalid",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
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
			@Parameter(description = "0-based page") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Rows per page, 1 to 200") @RequestParam(
					defaultValue = "20") @Min(1) @Max(200) int size) {
		return this.queries.browse(repo, new BrowseFilter(status, tag, since, until, text, includeSuperseded), page,
				size);
	}

	@GetMapping(path = "/recent", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Most recent learnings", description = "The newest rows, superseded ones included.")
	@ApiResponse(responseCode = "200", description = "The newest rows, newest first")
	@ApiResponse(responseCode = "400", description = "limit is out of range",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@UnknownRepositoryResponse
	List<LearningView> recent(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "How many rows, 1 to 200") @RequestParam(
					defaultValue = "10") @Min(1) @Max(200) int limit) {
		return this.queries.recent(repo, limit);
	}

	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One learning",
			description = "The row with this id, exactly as written, with the ids of rows superseding it.")
	@ApiResponse(responseCode = "200", description = "The row")
	@ApiResponse(responseCode = "404", description = "Unknown repository or id",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	LearningView get(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Row id", example = "lrn-20260528T170724Z-c468d2a9") @PathVariable String id) {
		return this.queries.get(repo, id);
	}

}

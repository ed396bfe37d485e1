package io.teamlearnings.learnings.write;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.learnings.index.StoreProperties;
import io.teamlearnings.learnings.quality.QualityMode;
import io.teamlearnings.security.AccessPolicy;
import io.teamlearnings.system.ProofLines;
import io.teamlearnings.system.UnknownLearningResponse;
import io.teamlearnings.system.UnknownRepositoryResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Appends, supersessions, withdrawals and shares; each answers JSON or, with
 * {@code Accept: text/plain}, the proof lines alone (see {@link ProofLines}).
 */
@RestController
@RequestMapping("/api/repos/{repo}/learnings")
@Tag(name = "Learnings")
class WriteController {

	/** The request parameter that chooses the quality mode of one append. */
	static final String QUALITY_MODE = "quality_mode";

	private static final String QUALITY_MODE_DESCRIPTION = "strict refuses a row the learnings tool's quality gate "
			+ "finds weak (422, nothing written); best_effort writes it unjudged, filling a missing evidence with "
			+ "none_provided and a missing application with capture_follow_up_later. Defaults to the server's "
			+ "learnings.store.quality-mode (strict unless configured).";

	private final LearningWriter writer;

	@Nullable
	private final String teamRepo;

	WriteController(LearningWriter writer, StoreProperties properties) {
		this.writer = writer;
		this.teamRepo = properties.teamRepo();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "appendLearning", summary = "Append a learning",
			description = "Writes one row to <root>/.learnings.jsonl (forced to disk before the answer), then indexes it. "
					+ "In strict quality mode the row first passes the learnings tool's quality gate: a refused row is a "
					+ "422 whose 'errors' are the tool's quality-error lines; its quality-warning lines come back in "
					+ "'warnings'. A row with the same fingerprint, or a near-duplicate of a row with the same status, is "
					+ "not written: the answer is a duplicate-skip naming the existing row. With Accept: text/plain the "
					+ "body is the quality-warning lines, then the proof line.")
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
	@ApiResponse(responseCode = "400",
			description = "A field is missing or invalid, the JSON is malformed, or quality_mode is neither strict nor "
					+ "best_effort")
	@UnknownRepositoryResponse
	@ApiResponse(responseCode = "413", description = "Body over the configured size limit")
	@ApiResponse(responseCode = "415", description = "Body is not application/json")
	@QualityRefusedResponse
	@ApiResponse(responseCode = "503", description = "The store could not be read or written; nothing was appended")
	ResponseEntity<?> append(@Parameter(
			description = "Repository name, as GET /api/repos lists it", example = "default") @PathVariable String repo,
			@Valid @RequestBody AppendRequest request,
			@Parameter(
					description = "Append even if a near-duplicate exists (an exact duplicate is never written)") @RequestParam(
							defaultValue = "false") boolean force,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept,
			@Parameter(description = QUALITY_MODE_DESCRIPTION,
					schema = @Schema(allowableValues = { "strict", "best_effort" })) @RequestParam(name = QUALITY_MODE,
							required = false) @Nullable String qualityMode) {
		return answer(repo,
				this.writer.append(repo, request, force, AccessPolicy.attribution(), qualityMode(qualityMode)), accept);
	}

	/**
	 * The mode a request asked for, spelt as the tool spells it, or null for the
	 * server's.
	 * @throws InvalidLearningException for any other value
	 */
	@Nullable
	static QualityMode qualityMode(@Nullable String value) {
		if (value == null) {
			return null;
		}
		QualityMode mode = QualityMode.fromValue(value);
		if (mode == null) {
			throw InvalidLearningException.unknownQualityMode(value);
		}
		return mode;
	}

	/**
	 * A row the quality gate refused: the problem detail, or with {@code Accept:
	 * text/plain} the tool's {@code quality-error:} lines alone.
	 */
	@ExceptionHandler
	ResponseEntity<Object> refused(QualityRefusedException ex, WebRequest request) {
		if (ProofLines.preferred(request.getHeader(HttpHeaders.ACCEPT))) {
			return ResponseEntity.status(ex.getStatusCode()).contentType(MediaType.TEXT_PLAIN).body(ex.lines());
		}
		return ResponseEntity.status(ex.getStatusCode())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ex.getBody());
	}

	private static ResponseEntity<Object> answer(String repo, AppendResult result, @Nullable String accept) {
		ResponseEntity.BodyBuilder response = result.appended()
				? ResponseEntity.created(URI.create("/api/repos/" + repo + "/learnings/" + result.id()))
				: ResponseEntity.status(HttpStatus.OK);
		return ProofLines.answer(response, result, result.proofText(), accept);
	}

	@PostMapping(path = "/{id}/supersede", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "supersedeLearning", summary = "Supersede a learning",
			description = "Appends the new rule as a row whose supersedes_id is this id; the old line is never edited. "
					+ "Only the head of a chain can be superseded: a row already superseded is refused, naming the head. "
					+ "The new row passes the same quality gate as an append.")
	@ApiResponse(responseCode = "201", description = "Appended",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = AppendResult.class)),
					@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "200", description = "Nothing written: the new rule is a duplicate",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AppendResult.class)))
	@ApiResponse(responseCode = "400",
			description = "A field is missing or invalid, or quality_mode is neither strict nor best_effort")
	@UnknownLearningResponse
	@ApiResponse(responseCode = "409", description = "The row is already superseded; the problem names the head")
	@QualityRefusedResponse
	ResponseEntity<?> supersede(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Row to supersede",
					example = "lrn-20260528T170724Z-c468d2a9") @PathVariable String id,
			@Valid @RequestBody AppendRequest request,
			@Parameter(description = "Append even if a near-duplicate exists") @RequestParam(
					defaultValue = "false") boolean force,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept,
			@Parameter(description = QUALITY_MODE_DESCRIPTION,
					schema = @Schema(allowableValues = { "strict", "best_effort" })) @RequestParam(name = QUALITY_MODE,
							required = false) @Nullable String qualityMode) {
		return answer(repo,
				this.writer.supersede(repo, id, request, force, AccessPolicy.attribution(), qualityMode(qualityMode)),
				accept);
	}

	@PostMapping(path = "/{id}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "withdrawLearning", summary = "Withdraw a learning",
			description = "Appends a row with status 'withdrawn' that supersedes this one: it leaves recall and the digest; "
					+ "browse still lists it with include_superseded=true.")
	@ApiResponse(responseCode = "201", description = "Withdrawn",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = AppendResult.class)),
					@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "400", description = "No reason given")
	@UnknownLearningResponse
	@ApiResponse(responseCode = "409",
			description = "The row is already superseded or withdrawn; the problem names the head")
	ResponseEntity<?> withdraw(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Row to withdraw",
					example = "lrn-20260528T170724Z-c468d2a9") @PathVariable String id,
			@Valid @RequestBody WithdrawRequest request, @RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		return answer(repo, this.writer.withdraw(repo, id, request, AccessPolicy.attribution()), accept);
	}

	@PostMapping(path = "/{id}/share", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "shareLearning", summary = "Share a learning with the team",
			description = "Copies a project learning into the configured team repository (learnings.store.team-repo) "
					+ "as a new row whose related_ids name the original. Sharing the same rule twice is a duplicate-skip. "
					+ "Needs writer in both repositories.")
	@ApiResponse(responseCode = "201", description = "Shared",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AppendResult.class)))
	@ApiResponse(responseCode = "200", description = "Already shared",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AppendResult.class)))
	@ApiResponse(responseCode = "400", description = "No team repository is configured")
	@ApiResponse(responseCode = "403", description = "The caller may not write to the team repository")
	@UnknownLearningResponse
	ResponseEntity<?> share(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Row to share", example = "lrn-20260528T170724Z-c468d2a9") @PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		AccessPolicy.requireTeamWriter(this.teamRepo);
		return answer(repo, this.writer.share(repo, id, AccessPolicy.attribution()), accept);
	}

}

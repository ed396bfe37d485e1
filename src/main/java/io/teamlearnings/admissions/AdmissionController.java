package io.teamlearnings.admissions;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.system.AcceptHeader;
import io.teamlearnings.system.ProofLines;
import io.teamlearnings.system.UnknownRepositoryResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/repos/{repo}/admissions")
@Tag(name = "Admissions")
class AdmissionController {

	static final String TEXT_MARKDOWN = "text/markdown";

	private final Admissions admissions;

	AdmissionController(Admissions admissions) {
		this.admissions = admissions;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "admitLearning", summary = "Admit a learning to memory",
			description = "Runs the Memory Admission Gate check by check. If every check passes, writes an immutable "
					+ "learning-admission note under <memories-root>/extensions/learnings/notes/, exactly as the "
					+ "memory-note tool writes it (one line of JSON, named <time>-<kind>-<slug>-<fingerprint>.md), "
					+ "holding the tool's lock file. The body is either an admission request, from which the service "
					+ "builds the note's input, or the learnings skill's memory-note input itself (an object with "
					+ "payload), whose bytes the note's fingerprint is over. The answer carries the proof lines "
					+ "(canonical row, then note), the verdict and the note's envelope; with Accept: text/plain, the "
					+ "proof lines alone. dry_run=true writes nothing.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(oneOf = { AdmissionRequest.class, AdmissionBody.MemoryNoteInput.class })))
	@ApiResponse(responseCode = "201", description = "Note created", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AdmissionResult.class)),
			@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string",
					example = "memory-note: id=MSN-20260528T170724Z-0123456789abcdef extension=learnings kind=learning-admission status=created")) })
	@ApiResponse(responseCode = "200",
			description = "Nothing written: the gate was not met (not-attempted, with the failed checks), the row was "
					+ "already admitted or a note has the same fingerprint (duplicate-skip), a dry run, or the note "
					+ "could not be written (failed)",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AdmissionResult.class)))
	@ApiResponse(responseCode = "400",
			description = "A field is missing or invalid, or the memory-note tool would refuse the input (the "
					+ "problem names the field)")
	@ApiResponse(responseCode = "503",
			description = "The memory-note lock stayed held for longer than learnings.memory.lock-wait; nothing "
					+ "was written (the problem names the lock file)")
	@UnknownRepositoryResponse
	ResponseEntity<Object> admit(@Parameter(
			description = "Repository name, as GET /api/repos lists it", example = "default") @PathVariable String repo,
			@Parameter(hidden = true) AdmissionBody body,
			@Parameter(description = "Reasons the caller claims, as the request's reasons (useful with the skill's "
					+ "input, which has none)", example = "user_requested") @RequestParam(name = "reasons",
							required = false) @Nullable List<AdmissionRequest.Reason> reasons,
			@Parameter(description = "Run the gate and build the note without writing it") @RequestParam(
					name = "dry_run", defaultValue = "false") boolean dryRun,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		AdmissionResult result = this.admissions.admit(repo, body, (reasons != null) ? reasons : List.of(), dryRun);
		ResponseEntity.BodyBuilder response = ResponseEntity
			.status(AdmissionResult.CREATED.equals(result.outcome()) ? HttpStatus.CREATED : HttpStatus.OK);
		return ProofLines.answer(response, result, result.proofText(), accept);
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listMemoryNotes", summary = "List memory notes",
			description = "The repository's notes, newest first.")
	@ApiResponse(responseCode = "200", description = "The notes (without envelopes)")
	@UnknownRepositoryResponse
	List<MemoryNote> list(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Only this kind",
					example = "learning-admission") @RequestParam(required = false) @Nullable String kind,
			@Parameter(description = "Only notes about this learning") @RequestParam(name = "learning_id",
					required = false) @Nullable String learningId) {
		return this.admissions.list(repo, kind, learningId);
	}

	@GetMapping(path = "/{noteId}", produces = { MediaType.APPLICATION_JSON_VALUE, TEXT_MARKDOWN })
	@Operation(operationId = "getMemoryNote", summary = "One memory note",
			description = "The note with its envelope, or the note as Markdown (Accept: text/markdown): a note in "
					+ "the memory-note tool's format rendered (title, its JSON line in a fenced block, its payload), "
					+ "an earlier fenced-markdown note as its file is.")
	@ApiResponse(responseCode = "200", description = "The note",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = MemoryNote.class)),
					@Content(mediaType = TEXT_MARKDOWN, schema = @Schema(type = "string")) })
	@ApiResponse(responseCode = "400", description = "Not a note id")
	@ApiResponse(responseCode = "404", description = "Unknown repository or note")
	ResponseEntity<?> get(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@Parameter(description = "Note id",
					example = "MSN-20260528T170724Z-0123456789abcdef") @PathVariable String noteId,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		if (AcceptHeader.choose(accept, MediaType.APPLICATION_JSON, MediaType.parseMediaType(TEXT_MARKDOWN))
			.isCompatibleWith(MediaType.parseMediaType(TEXT_MARKDOWN))) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(TEXT_MARKDOWN + ";charset=UTF-8"))
				.body(this.admissions.markdown(repo, noteId));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.admissions.get(repo, noteId));
	}

}

package io.teamlearnings.learnings.write;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.system.UnknownRepositoryResponse;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Export of the canonical file as JSON lines, and import of another store's rows.
 */
@RestController
@RequestMapping("/api/repos/{repo}/learnings")
@Tag(name = "Learnings")
class TransferController {

	static final String NDJSON = "application/x-ndjson";

	private final LearningTransfer transfer;

	private final Repositories repositories;

	TransferController(LearningTransfer transfer, Repositories repositories) {
		this.transfer = transfer;
		this.repositories = repositories;
	}

	@GetMapping(path = "/export", produces = NDJSON)
	@Operation(operationId = "exportLearnings", summary = "Export learnings",
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
	@Operation(operationId = "importLearnings", summary = "Import learnings",
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

}

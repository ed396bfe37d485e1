package io.teamlearnings.admissions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.system.ProofLines;
import io.teamlearnings.system.UnknownRepositoryResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writes memory digests ({@link MemoryDigests}): JSON, or with {@code Accept: text/plain}
 * the line the learnings tool prints ({@code memory-digest: wrote ...}).
 */
@RestController
@Tag(name = "Recall")
class DigestController {

	private final MemoryDigests digests;

	DigestController(MemoryDigests digests) {
		this.digests = digests;
	}

	@PostMapping(path = "/api/repos/{repo}/learnings/memory-digest",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "writeMemoryDigest", summary = "Write a memory digest",
			description = "Writes the learnings tool's memory digest of the active learnings (header with "
					+ "generated_at and canonical: false; promotion candidates: codify_now rows, and avoid_for_now "
					+ "and review_later rows with anchored evidence or, for review_later, a path; each with its "
					+ "priority, suggested target and supporting ids) to "
					+ "<memories-root>/extensions/learnings/resources/YYYY-MM-DDTHH-MM-SS-learnings-digest.md. "
					+ "Never overwrites a file. With Accept: text/plain, the tool's line alone.")
	@ApiResponse(responseCode = "201", description = "Written; its path, counts and content", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = MemoryDigest.class)),
			@Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
					schema = @Schema(type = "string",
							example = "memory-digest: wrote /home/me/.codex/memories/extensions/learnings/resources/"
									+ "2026-11-23T12-00-00-learnings-digest.md candidates=3 sources=1")) })
	@UnknownRepositoryResponse
	@ApiResponse(responseCode = "409", description = "A digest with that time stamp exists")
	ResponseEntity<Object> digest(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		MemoryDigest digest = this.digests.write(repo);
		return ProofLines.answer(ResponseEntity.status(HttpStatus.CREATED), digest, digest.proofLine(), accept);
	}

}

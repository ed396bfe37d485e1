package io.teamlearnings.admissions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.system.UnknownRepositoryResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Recall")
class DigestController {

	private final MemoryDigests digests;

	DigestController(MemoryDigests digests) {
		this.digests = digests;
	}

	@PostMapping(path = "/api/repos/{repo}/learnings/memory-digest", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "writeMemoryDigest", summary = "Write a memory digest",
			description = "Writes a Markdown digest of the active learnings, grouped by status, with recurring themes, to "
					+ "<memories-root>/extensions/learnings/resources/YYYY-MM-DDTHH-MM-SS-learnings-digest.md. "
					+ "Never overwrites a file.")
	@ApiResponse(responseCode = "201", description = "Written; its path and content")
	@UnknownRepositoryResponse
	@ApiResponse(responseCode = "409", description = "A digest with that time stamp exists")
	ResponseEntity<MemoryDigest> digest(@Parameter(description = "Repository name, as GET /api/repos lists it",
			example = "default") @PathVariable String repo) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.digests.write(repo));
	}

}

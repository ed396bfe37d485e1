package io.teamlearnings.learnings.index;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.security.AccessPolicy;
import io.teamlearnings.system.ProofLines;
import io.teamlearnings.system.UnknownRepositoryResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/repos", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Repositories")
class RepoController {

	private final RepoStatus status;

	RepoController(RepoStatus status) {
		this.status = status;
	}

	@GetMapping
	@Operation(operationId = "listRepositories", summary = "List repositories",
			description = "Every served repository with its row counts and index state.")
	@ApiResponse(responseCode = "200", description = "The repositories, in configuration order")
	List<RepoSummary> list() {
		List<RepoSummary> summaries = this.status.summaries();
		List<String> readable = AccessPolicy.readable(summaries.stream().map(RepoSummary::name).toList());
		return summaries.stream().filter((repo) -> readable.contains(repo.name())).toList();
	}

	@GetMapping("/{repo}/health")
	@Operation(operationId = "checkRepositoryHealth", summary = "Check a repository's store and index",
			description = "Catches the index up, reads the whole file and compares rows and digests with the index. "
					+ "Lists every malformed line and a torn last line; never changes the file.")
	@ApiResponse(responseCode = "200", description = "The check; 'healthy' is false if anything needs attention")
	@UnknownRepositoryResponse
	@ApiResponse(responseCode = "503", description = "The file could not be read")
	RepoHealth health(@Parameter(description = "Repository name, as GET /api/repos lists it",
			example = "default") @PathVariable String repo) {
		return this.status.health(repo);
	}

	@PostMapping("/{repo}/reindex")
	@Operation(operationId = "reindexRepository", summary = "Rebuild a repository's index",
			description = "Drops the repository's index and rebuilds it from .learnings.jsonl, then checks it as health does.")
	@ApiResponse(responseCode = "200", description = "The index was rebuilt; the check that follows")
	@UnknownRepositoryResponse
	@ApiResponse(responseCode = "503", description = "The file could not be read")
	RepoHealth reindex(@Parameter(description = "Repository name, as GET /api/repos lists it",
			example = "default") @PathVariable String repo) {
		return this.status.reindex(repo);
	}

	@PostMapping(path = "/{repo}/repair", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "repairRepository", summary = "Append lost acknowledged rows back",
			description = "Appends back, byte for byte and in the order they were acknowledged, every row this service "
					+ "acknowledged whose exact line is no longer in .learnings.jsonl (health's "
					+ "lost_acknowledged_rows; e.g. overwritten by a writer that appends without O_APPEND), under "
					+ "the same locks as any append, forced to disk; then indexes them. A row still in the file is "
					+ "never written again. Needs the admin role. With Accept: text/plain, one "
					+ "'restored: id=<id> path=<file>' line per row, or 'restored: none path=<file>'.")
	@ApiResponse(responseCode = "200", description = "What was restored (empty if nothing was lost)", content = {
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = RepairReport.class)),
			@Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
					schema = @Schema(type = "string",
							example = "restored: id=lrn-20261121T100000Z-aaaa0001 path=/repo/.learnings.jsonl")) })
	@UnknownRepositoryResponse
	@ApiResponse(responseCode = "503", description = "The file or the journal could not be read or written, "
			+ "or another process held the store's lock too long")
	ResponseEntity<Object> repair(
			@Parameter(description = "Repository name, as GET /api/repos lists it",
					example = "default") @PathVariable String repo,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		RepairReport report = this.status.repair(repo);
		return ProofLines.answer(ResponseEntity.ok(), report, report.proofLines(), accept);
	}

}

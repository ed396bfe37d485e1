package io.teamlearnings.learnings.index;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.security.AccessPolicy;
import io.teamlearnings.system.UnknownRepositoryResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

}

package io.teamlearnings.sync;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.repos.GitSyncState;
import io.teamlearnings.system.UnknownRepositoryResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/repos/{repo}/sync", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Git sync")
class SyncController {

	private final GitSyncService syncs;

	SyncController(GitSyncService syncs) {
		this.syncs = syncs;
	}

	@GetMapping
	@Operation(operationId = "getGitSync", summary = "Where a repository's checkout stands against its git remote",
			description = "Last fetch and push, commits ahead and behind, rows received and sent, the last error and "
					+ "the next attempt. 'warnings' is checked now: it names a missing '.learnings.jsonl merge=union' "
					+ "in .gitattributes even while sync is off.")
	@ApiResponse(responseCode = "200", description = "The state; 'state' is 'off' when sync is not enabled")
	@UnknownRepositoryResponse
	GitSyncState state(@Parameter(description = "Repository name, as GET /api/repos lists it",
			example = "default") @PathVariable String repo) {
		return this.syncs.stateNow(repo);
	}

	@PostMapping
	@Operation(operationId = "runGitSync", summary = "Sync a repository's checkout with its git remote now",
			description = "Fetches, commits the service's own rows (only .learnings.jsonl), merges the remote with "
					+ "the union driver and pushes, as the scheduled sync does; waits for a sync under way first. "
					+ "Needs the writer role.")
	@ApiResponse(responseCode = "200", description = "The sync succeeded; the state after it")
	@ApiResponse(responseCode = "409",
			description = "Sync is off for the repository, or the checkout is in a state sync does not handle "
					+ "(nothing was changed); the problem's 'sync' is the state")
	@ApiResponse(responseCode = "502",
			description = "The remote could not be fetched from or pushed to; retried " + "with backoff, appends go on")
	@ApiResponse(responseCode = "503", description = "Git could not be run or did not finish in time")
	@UnknownRepositoryResponse
	GitSyncState sync(@Parameter(description = "Repository name, as GET /api/repos lists it",
			example = "default") @PathVariable String repo) {
		return this.syncs.syncNow(repo);
	}

}

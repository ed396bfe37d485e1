package io.teamlearnings.repos;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * Where a repository's checkout stands against its git remote, as the last sync left it
 * ({@code GET /api/repos/{repo}/sync}, and {@code git_sync} in {@code GET /api/repos}).
 * Counts are since the service started.
 *
 * @param enabled whether sync is on for the repository
 * @param remote the remote, as the checkout names it
 * @param branch the branch kept in step; null until the first sync when the setting is
 * blank
 * @param state {@code off} (sync is not enabled), {@code pending} (no sync finished yet),
 * {@code ok} (the last sync succeeded), {@code failed} (the last sync could not reach or
 * update the remote; retried at {@code next_attempt}, appends go on and are pushed later)
 * or {@code stopped} (the checkout is in a state sync does not handle, such as a merge in
 * progress; nothing was changed, a person has to act; checked again at
 * {@code next_attempt})
 * @param lastRun when the last sync finished
 * @param lastFetch when the remote was last fetched
 * @param lastPush when the service's commits last reached the remote
 * @param ahead commits the checkout has that the remote-tracking branch has not, after
 * the last sync
 * @param behind commits the remote-tracking branch has that the checkout has not
 * @param rowsReceived rows the remote brought into {@code .learnings.jsonl}
 * @param rowsSent rows the service committed and pushed
 * @param lastError why the last sync failed or stopped; cleared by the next success
 * @param failures syncs failed in a row; the next attempt waits longer after each (5 s
 * doubling, at most 10 minutes)
 * @param nextAttempt when the next sync is due
 * @param warnings what the team should fix although sync works, e.g. a missing
 * {@code .learnings.jsonl merge=union} in {@code .gitattributes}
 */
@Schema(name = "GitSyncState")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GitSyncState(boolean enabled, @Schema(example = "origin") String remote,
		@Schema(example = "main") @Nullable String branch, @Schema(allowableValues = {
				"off", "pending", "ok", "failed", "stopped" }) String state,
		@JsonProperty("last_run") @Nullable Instant lastRun, @JsonProperty("last_fetch") @Nullable Instant lastFetch,
		@JsonProperty("last_push") @Nullable Instant lastPush, @Nullable Integer ahead, @Nullable Integer behind,
		@JsonProperty("rows_received") long rowsReceived, @JsonProperty("rows_sent") long rowsSent,
		@JsonProperty("last_error") @Nullable SyncError lastError, int failures,
		@JsonProperty("next_attempt") @Nullable Instant nextAttempt, List<String> warnings){

	/**
	 * Why a sync failed or stopped, without credentials (user information in remote URLs
	 * is removed).
	 *
	 * @param kind {@code remote} (fetch or push failed: network, authentication, a
	 * missing remote), {@code checkout} (the checkout's state stops sync), {@code merge}
	 * (git refused or failed the merge, which was aborted) or {@code git} (git itself
	 * failed or timed out)
	 * @param message what happened and what to do
	 * @param at when
	 */
	@Schema(name = "GitSyncError")
	public record SyncError(@Schema(allowableValues = {
			"remote", "checkout", "merge", "git" }) String kind, String message, Instant at){
	}

}

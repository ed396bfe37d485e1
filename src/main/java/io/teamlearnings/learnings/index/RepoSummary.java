package io.teamlearnings.learnings.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.repos.GitSyncState;

import org.springframework.lang.Nullable;

/**
 * A served repository with its row counts and the state of its index.
 *
 * @param name the repository's name in URLs
 * @param root its root directory
 * @param path its canonical {@code .learnings.jsonl}
 * @param fileExists whether the file exists yet (it is created by the first append)
 * @param rows rows in the index
 * @param malformedLines lines of the file that are not rows
 * @param indexState {@code current} (the file is unchanged since the last sync),
 * {@code behind} (the file changed; the next read or poll catches up) or {@code failed}
 * (the last sync failed: see {@code index_error})
 * @param indexError why the last sync failed
 * @param embeddedRows rows with an embedding for semantic recall (the background worker
 * embeds the rest, newest first); absent while semantic recall is off
 * @param gitSync where its checkout stands against its git remote; absent while git sync
 * is off for it (see {@code GET /api/repos/{repo}/sync})
 */
@Schema(name = "RepoSummary")
@JsonInclude(JsonInclude.Include.NON_NULL)
record RepoSummary(@Schema(example = "default") String name, String root, String path,
		@JsonProperty("file_exists") boolean fileExists, long rows,
		@JsonProperty("malformed_lines") long malformedLines, @JsonProperty("index_state") @Schema(allowableValues = {
				"current", "behind", "failed" }) String indexState,
		@JsonProperty("index_error") @Nullable String indexError,
		@JsonProperty("embedded_rows") @Nullable Long embeddedRows,
		@JsonProperty("git_sync") @Nullable GitSyncState gitSync){

	RepoSummary(String name, String root, String path, boolean fileExists, long rows, long malformedLines,
			String indexState, @Nullable String indexError) {
		this(name, root, path, fileExists, rows, malformedLines, indexState, indexError, null, null);
	}

}

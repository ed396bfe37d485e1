package io.teamlearnings.learnings.index;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * Proof that a repository's index matches its file, and every line of the file that is
 * not a row.
 *
 * @param repo the repository
 * @param path the canonical file
 * @param healthy rows agree, digests agree, no malformed line, no torn tail, no bad link
 * and no lost acknowledged row
 * @param inSync the index holds exactly the file's rows: same count, same digest
 * @param fileBytes size of the file
 * @param linesInFile complete lines in the file
 * @param rowsInFile lines that are rows
 * @param rowsInIndex rows in the index
 * @param fileDigest SHA-256 over the file's rows as {@code <line>:<text>\n}
 * @param indexDigest the same over the index's rows
 * @param repaired whether the index disagreed and was rebuilt by this check
 * @param malformed lines that are not rows, with the reason
 * @param tornTail a last line without its newline, if any
 * @param badLinks {@code supersedes_id} values that chains ignore ({@code self},
 * {@code loop}) or that name no row ({@code dangling}), in line order (see
 * SupersessionChains)
 * @param lostAcknowledgedRows rows this service acknowledged (see {@link AckJournal})
 * whose exact line is no longer in the file, in the order they were acknowledged;
 * {@code POST /api/repos/{repo}/repair} appends them back
 * @param lockWait an append of this service waiting for another process's store lock, if
 * one is; the check is then made without waiting for the lock (see {@link StoreLock})
 * @param crossCloneDuplicates rows with the exact-duplicate key of an earlier row (status
 * and learning, NFC-normalised, whitespace-collapsed, case-folded) that supersede
 * nothing: the same rule captured in two clones, both lines kept when git merged them
 * (see {@code CrossCloneDuplicates}); recall shows the rule once. They do not make the
 * repository unhealthy: the file is canonical and both lines are real
 */
@Schema(name = "RepoHealth")
@JsonInclude(JsonInclude.Include.NON_NULL)
record RepoHealth(String repo, String path, boolean healthy, @JsonProperty("in_sync") boolean inSync,
		@JsonProperty("file_bytes") long fileBytes, @JsonProperty("lines_in_file") long linesInFile,
		@JsonProperty("rows_in_file") long rowsInFile, @JsonProperty("rows_in_index") long rowsInIndex,
		@JsonProperty("file_digest") String fileDigest, @JsonProperty("index_digest") String indexDigest,
		boolean repaired, List<MalformedLine> malformed, @JsonProperty("torn_tail") @Nullable TornTail tornTail,
		@JsonProperty("bad_links") List<BadLink> badLinks,
		@JsonProperty("lost_acknowledged_rows") List<LostRow> lostAcknowledgedRows,
		@JsonProperty("lock_wait") @Nullable LockWait lockWait,
		@JsonProperty("cross_clone_duplicates") List<Duplicate> crossCloneDuplicates) {

	/**
	 * This check, made while an append waits for another process's lock: not healthy.
	 * @param wait the wait
	 * @return the check with {@code lock_wait} set
	 */
	RepoHealth waitingFor(LockWait wait) {
		return new RepoHealth(this.repo, this.path, false, this.inSync, this.fileBytes, this.linesInFile,
				this.rowsInFile, this.rowsInIndex, this.fileDigest, this.indexDigest, this.repaired, this.malformed,
				this.tornTail, this.badLinks, this.lostAcknowledgedRows, wait, this.crossCloneDuplicates);
	}

	/**
	 * A cross-clone duplicate: a row with the exact-duplicate key of an earlier row.
	 *
	 * @param line its line number
	 * @param id its id
	 * @param fingerprint its own fingerprint (the earlier row's may differ: the same rule
	 * written in NFC and in NFD has two)
	 */
	@Schema(name = "CrossCloneDuplicate")
	record Duplicate(@Schema(example = "31") long line, @Schema(example = "lrn-20261121T100500Z-89ccd4c6") String id,
			@Schema(example = "89ccd4c6a81eeb1d") String fingerprint) {
	}

	/**
	 * An append waiting for the store's lock, held by another process.
	 *
	 * @param lockFile the lock file
	 * @param waitingSince when the append began to wait
	 * @param holder what the holder wrote into the lock file when it took it ({@code pid
	 * <pid> on <host> since <time>}), or {@code unknown}
	 */
	record LockWait(@JsonProperty("lock_file") String lockFile, @JsonProperty("waiting_since") Instant waitingSince,
			String holder) {
	}

	/**
	 * A row the service acknowledged (wrote, forced to disk and answered 201 for) whose
	 * exact line is no longer in the file: typically overwritten by a writer that appends
	 * without {@code O_APPEND} at an offset it took before the service's append (the
	 * {@code learnings} tool).
	 *
	 * @param id the row's id
	 * @param acknowledgedAt when the service acknowledged it
	 * @param line the row's exact line, without newline, as repair appends it back
	 */
	@Schema(name = "LostRow")
	record LostRow(@Schema(example = "lrn-20261121T100000Z-aaaa0001") String id,
			@JsonProperty("acknowledged_at") Instant acknowledgedAt, String line) {
	}

	/**
	 * A row's {@code supersedes_id} that chains ignore or that names no row. The row is
	 * served; only the link is left out of chains (a dangling link still counts).
	 *
	 * @param line the line of the row carrying it
	 * @param id that row's id
	 * @param supersedesId the id it names
	 * @param kind {@code self} (its own id), {@code loop} (would close a loop with the
	 * links before it) or {@code dangling} (no row carries that id)
	 */
	@Schema(name = "BadLink")
	record BadLink(@Schema(example = "12") long line, @Schema(example = "lrn-20261121T100000Z-aaaa0001") String id,
			@JsonProperty("supersedes_id") @Schema(example = "lrn-20261122T100000Z-aaaa0002") String supersedesId,
			@Schema(allowableValues = {
					"self", "loop", "dangling" }) String kind){
	}

	/**
	 * A line that is not a row. It stays in the file as it is.
	 *
	 * @param line its line number
	 * @param offset byte offset of its first byte
	 * @param reason why it is not a row
	 */
	@Schema(name = "MalformedLine")
	record MalformedLine(@Schema(example = "214") long line, long offset,
			@Schema(example = "invalid JSON at column 25: Unexpected end-of-input") String reason) {
	}

	/**
	 * Bytes after the file's last newline: a write that was torn, or is still going on.
	 * The next append starts on a new line; the bytes are left as they are.
	 *
	 * @param line the line number they would have
	 * @param offset byte offset where they start
	 * @param bytes how many there are
	 */
	@Schema(name = "TornTail")
	record TornTail(long line, long offset, long bytes) {
	}

}

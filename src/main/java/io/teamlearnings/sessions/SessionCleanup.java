package io.teamlearnings.sessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.sessions.rollout.RolloutReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Deletes old session files as the seed's extractor does after reading: in the sessions
 * directory, files whose start (first-line {@code session_meta}) is older than the
 * retention (files without a readable start stay); in the archive, every file, plain or
 * compressed ({@code .jsonl.zst}), except one that resolves inside the sessions
 * directory.
 * <p>
 * Unlike the seed, it never deletes a file with activity inside the retention window: one
 * whose newest record or modification time is within it (Codex resumes a session into its
 * old file, so an old start says nothing of the last turns); such files are listed as
 * {@code kept_recently_active}. It never follows a symbolic link, never deletes outside
 * those directories, never deletes a file it could not read, and never touches a file
 * modified after the request began.
 */
@Component
class SessionCleanup {

	private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

	private final SessionFiles files;

	private final SessionIndex index;

	private final RolloutReader reader;

	private final SessionsProperties properties;

	private final Clock clock;

	SessionCleanup(SessionFiles files, SessionIndex index, RolloutReader reader, SessionsProperties properties,
			Clock clock) {
		this.files = files;
		this.index = index;
		this.reader = reader;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * What a cleanup removed, or would remove.
	 *
	 * @param dryRun whether nothing was deleted
	 * @param retentionDays the retention applied
	 * @param removedOldSessions session files past the retention
	 * @param removedArchivedSessions archived session files ({@code .jsonl})
	 * @param removedArchivedCompressed compressed archived session files
	 * ({@code .jsonl.zst})
	 * @param keptRecentlyActive files past the retention by their start that were active
	 * within it, kept
	 * @param kept files that matched but were left for another reason, with the reason
	 */
	@Schema(name = "CleanupReport")
	record Report(@JsonProperty("dry_run") boolean dryRun, @JsonProperty("retention_days") int retentionDays,
			@JsonProperty("removed_old_sessions") List<String> removedOldSessions,
			@JsonProperty("removed_archived_sessions") List<String> removedArchivedSessions,
			@JsonProperty("removed_archived_compressed") List<String> removedArchivedCompressed,
			@JsonProperty("kept_recently_active") List<String> keptRecentlyActive, List<Kept> kept) {
	}

	/**
	 * A file cleanup left in place.
	 *
	 * @param file the file
	 * @param reason why it stayed
	 */
	@Schema(name = "CleanupKept")
	record Kept(String file, String reason) {
	}

	/**
	 * Cleans up.
	 * @param dryRun list what would go without deleting
	 * @param requestStart files modified at or after this are left alone
	 */
	Report clean(boolean dryRun, Instant requestStart) {
		Instant cutoff = this.clock.instant().minus(Duration.ofDays(this.properties.retentionDays()));
		Path sessionsRoot = this.properties.sessions();
		Path archiveRoot = this.properties.archive();
		List<String> old = new ArrayList<>();
		List<String> archived = new ArrayList<>();
		List<String> compressed = new ArrayList<>();
		List<String> active = new ArrayList<>();
		List<Kept> kept = new ArrayList<>();
		for (SessionFiles.Located file : this.files.all(true)) {
			boolean archive = file.source().equals(SessionFiles.ARCHIVE);
			if (file.source().equals(SessionFiles.UPLOAD)
					|| (archive && SessionFiles.inside(file.path(), sessionsRoot))) {
				continue;
			}
			Instant start;
			try {
				start = archive ? null : this.reader.metaStart(file.path());
			}
			catch (IOException ex) {
				kept.add(new Kept(file.path().toString(), "could not be read: " + SessionFiles.describe(ex)));
				continue;
			}
			if (!archive && (start == null || !start.isBefore(cutoff))) {
				continue;
			}
			Activity activity = activity(file, cutoff);
			if (activity.unreadable() != null) {
				kept.add(new Kept(file.path().toString(), activity.unreadable()));
			}
			else if (activity.recent()) {
				active.add(file.path().toString());
			}
			else if (remove(file.path(), archive ? archiveRoot : sessionsRoot, dryRun, requestStart, kept)) {
				List<String> removed = !archive ? old : file.compressed() ? compressed : archived;
				removed.add(file.path().toString());
			}
		}
		return new Report(dryRun, this.properties.retentionDays(), old, archived, compressed, active, kept);
	}

	/**
	 * Whether a file was active within the window.
	 *
	 * @param recent modified in it, or holding a record dated in it
	 * @param unreadable why the file could not be read, if it could not
	 */
	private record Activity(boolean recent, @Nullable String unreadable) {
	}

	/**
	 * A file's activity: its modification time first (no read), then its newest record
	 * time from the index (read once per version of the file).
	 */
	private Activity activity(SessionFiles.Located file, Instant cutoff) {
		try {
			if (!Files.getLastModifiedTime(file.path(), LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)) {
				return new Activity(true, null);
			}
		}
		catch (IOException ex) {
			return new Activity(false, "could not be read: " + SessionFiles.describe(ex));
		}
		SessionIndex.Entry entry = this.index.entry(file);
		if (!entry.readable()) {
			return new Activity(false, String.valueOf(entry.summary().error()));
		}
		return new Activity(!entry.newestActivity().isBefore(cutoff), null);
	}

	private boolean remove(Path file, Path root, boolean dryRun, Instant requestStart, List<Kept> kept) {
		try {
			if (Files.isSymbolicLink(file) || !SessionFiles.inside(file, root)) {
				kept.add(new Kept(file.toString(), "not a regular file inside " + root));
				return false;
			}
			if (!Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(requestStart)) {
				kept.add(new Kept(file.toString(), "modified after the cleanup began"));
				return false;
			}
			if (!dryRun) {
				Files.delete(file);
			}
			return true;
		}
		catch (IOException ex) {
			log.warn("Could not delete session file {}", file, ex);
			kept.add(new Kept(file.toString(), "could not be deleted: " + SessionFiles.describe(ex)));
			return false;
		}
	}

}

package io.teamlearnings.sessions;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Deletes old session files as the seed's extractor does after reading: in the sessions
 * directory, files whose start (first-line {@code session_meta}) is older than the
 * retention (files without a readable start stay); in the archive, every file, except one
 * that resolves inside the sessions directory. It never follows a symbolic link, never
 * deletes outside those directories, never deletes a file it could not read, and never
 * touches a file modified after the request began.
 */
@Component
class SessionCleanup {

	private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

	private final SessionFiles files;

	private final RolloutReader reader;

	private final SessionsProperties properties;

	private final Clock clock;

	SessionCleanup(SessionFiles files, RolloutReader reader, SessionsProperties properties, Clock clock) {
		this.files = files;
		this.reader = reader;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * What a cleanup removed, or would remove.
	 *
	 * @param dryRun whether nothing was deleted
	 * @param retentionDays the retention applied to the sessions directory
	 * @param removedOldSessions session files past the retention
	 * @param removedArchivedSessions archived session files
	 * @param kept files that matched but were left, with the reason
	 */
	@Schema(name = "CleanupReport")
	record Report(@JsonProperty("dry_run") boolean dryRun, @JsonProperty("retention_days") int retentionDays,
			@JsonProperty("removed_old_sessions") List<String> removedOldSessions,
			@JsonProperty("removed_archived_sessions") List<String> removedArchivedSessions, List<Kept> kept) {
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
		List<String> old = new ArrayList<>();
		List<String> archived = new ArrayList<>();
		List<Kept> kept = new ArrayList<>();
		for (SessionFiles.Located file : this.files.of(SessionFiles.SESSIONS)) {
			Instant start;
			try {
				start = this.reader.metaStart(file.path());
			}
			catch (IOException ex) {
				kept.add(new Kept(file.path().toString(), "could not be read"));
				continue;
			}
			if (start != null && start.isBefore(cutoff)
					&& remove(file.path(), sessionsRoot, dryRun, requestStart, kept)) {
				old.add(file.path().toString());
			}
		}
		Path archiveRoot = this.properties.archive();
		for (SessionFiles.Located file : this.files.of(SessionFiles.ARCHIVE)) {
			if (SessionFiles.inside(file.path(), sessionsRoot)) {
				continue;
			}
			if (!readable(file.path())) {
				kept.add(new Kept(file.path().toString(), "could not be read"));
				continue;
			}
			if (remove(file.path(), archiveRoot, dryRun, requestStart, kept)) {
				archived.add(file.path().toString());
			}
		}
		return new Report(dryRun, this.properties.retentionDays(), old, archived, kept);
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
			kept.add(new Kept(file.toString(), "could not be deleted: " + ex.getClass().getSimpleName()));
			return false;
		}
	}

	private static boolean readable(Path file) {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			reader.readLine();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}

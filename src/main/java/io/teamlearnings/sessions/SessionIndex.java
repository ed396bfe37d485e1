package io.teamlearnings.sessions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.teamlearnings.sessions.rollout.Rollout;
import io.teamlearnings.sessions.rollout.RolloutReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * What each session file holds, derived once per version of the file: a file is read
 * again only when its size, modification time or identity (inode) changed, so listings,
 * {@code GET /api/sessions/{id}} and the extract's headers do not parse every file on
 * every call. Held in memory and rebuilt from the files as they are asked for (after a
 * restart, the first listing reads every file once); entries of files that are gone are
 * dropped at each listing. A file that cannot be read is answered with the reason (and
 * logged once per version), so it never fails the answer for the others, and tried again
 * at the next call (a permission may be fixed without the file changing).
 */
@Component
class SessionIndex {

	private static final Logger log = LoggerFactory.getLogger(SessionIndex.class);

	private final SessionFiles files;

	private final RolloutReader reader;

	private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

	/** The version of each unreadable file last logged, so each is logged once. */
	private final Map<Path, Version> failures = new ConcurrentHashMap<>();

	SessionIndex(SessionFiles files, RolloutReader reader) {
		this.files = files;
		this.reader = reader;
	}

	/**
	 * One file, as indexed.
	 *
	 * @param file the file and where it was found
	 * @param summary what it holds (or why it could not be read)
	 * @param metaStart its start as the seed's extractor reads it (a first-line
	 * {@code session_meta}), null if none
	 * @param newestActivity the newer of its newest record time and its modification
	 * time: what the cleanup guard compares with the retention window
	 */
	record Entry(SessionFiles.Located file, SessionSummary summary, @Nullable Instant metaStart, Instant newestActivity,
			Version version) {

		boolean readable() {
			return this.summary.error() == null;
		}

	}

	/** What identifies one version of a file: size, modification time and file key. */
	record Version(long size, Instant modifiedAt, @Nullable Object fileKey) {

		static Version of(BasicFileAttributes attributes) {
			return new Version(attributes.size(), attributes.lastModifiedTime().toInstant(), attributes.fileKey());
		}

	}

	/** Every session file, in {@link SessionFiles#all()} order, indexed. */
	List<Entry> all() {
		List<SessionFiles.Located> located = this.files.all();
		Set<Path> present = new HashSet<>();
		List<Entry> all = located.stream().map((file) -> {
			present.add(file.path());
			return entry(file);
		}).toList();
		this.entries.keySet().retainAll(present);
		this.failures.keySet().retainAll(present);
		return all;
	}

	/** One file, indexed: from the index when the file did not change, else read now. */
	Entry entry(SessionFiles.Located file) {
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			return unreadable(file, null, ex);
		}
		Version version = Version.of(attributes);
		Entry cached = this.entries.get(file.path());
		if (cached != null && cached.version().equals(version) && cached.file().equals(file)) {
			return cached;
		}
		try {
			Rollout rollout = this.reader.read(file.path(), file.source());
			Entry entry = new Entry(file, SessionSummary.of(rollout), rollout.metaStart(), rollout.newestActivity(),
					version);
			this.entries.put(file.path(), entry);
			this.failures.remove(file.path());
			return entry;
		}
		catch (IOException ex) {
			// not kept: a permission may be fixed without the file's size or time
			// changing
			this.entries.remove(file.path());
			return unreadable(file, version, ex);
		}
	}

	/**
	 * Replaces what the index holds for {@code rollout}'s file by what was just read, so
	 * a caller that read the file whole anyway spares the next listing a read.
	 */
	void update(SessionFiles.Located file, Rollout rollout) {
		Version version = new Version(rollout.bytes(), rollout.modifiedAt(), fileKey(file.path()));
		this.entries.put(file.path(),
				new Entry(file, SessionSummary.of(rollout), rollout.metaStart(), rollout.newestActivity(), version));
	}

	private Entry unreadable(SessionFiles.Located file, @Nullable Version version, IOException ex) {
		String reason = "could not be read: " + SessionFiles.describe(ex);
		Version logged = (version != null) ? this.failures.put(file.path(), version) : null;
		if (version == null || !version.equals(logged)) {
			log.warn("Session file {} {}", file.path(), reason, (ex instanceof NoSuchFileException) ? null : ex);
		}
		Instant modified = (version != null) ? version.modifiedAt() : null;
		return new Entry(file,
				SessionSummary.unreadable(file, (version != null) ? version.size() : 0, modified, reason), null,
				(modified != null) ? modified : Instant.EPOCH,
				(version != null) ? version : new Version(-1, Instant.EPOCH, null));
	}

	@Nullable
	private static Object fileKey(Path path) {
		try {
			return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
		}
		catch (IOException ex) {
			return null;
		}
	}

}

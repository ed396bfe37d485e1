package io.teamlearnings.admissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.teamlearnings.admissions.notes.SourceNote;
import io.teamlearnings.learnings.LearningLookup;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The notes directory indexed in H2 for listing and for the "already admitted" and
 * duplicate checks. The directory is the record: each look first adds the files the index
 * lacks and drops rows whose file is gone, so a lost index is rebuilt from the files.
 * Every file that reads as a note counts, whoever wrote it (see {@link SourceNote}).
 * <p>
 * A note is about a repository when its {@code payload.source_path} is that repository's
 * canonical file, or, when it names no served file (the skill writes
 * {@code .learnings.jsonl}), when that repository has a row with its
 * {@code payload.learning_id}.
 */
@Component
class NoteIndex {

	private static final Logger log = LoggerFactory.getLogger(NoteIndex.class);

	private static final RowMapper<MemoryNote> NOTE = (rs, i) -> new MemoryNote(rs.getString("id"),
			rs.getString("kind"), rs.getString("repo"), rs.getString("learning_id"), rs.getString("supersedes_note_id"),
			rs.getString("fingerprint"), rs.getString("captured_at"), rs.getString("summary"), rs.getString("path"),
			rs.getString("format"), null);

	private final JdbcTemplate jdbc;

	private final NoteFiles files;

	private final Repositories repositories;

	private final LearningLookup lookup;

	/**
	 * Files found not to be notes, with the size and time they had then: read again only
	 * when those change.
	 */
	private final Map<String, String> others = new ConcurrentHashMap<>();

	NoteIndex(JdbcTemplate jdbc, NoteFiles files, Repositories repositories, LearningLookup lookup) {
		this.jdbc = jdbc;
		this.files = files;
		this.repositories = repositories;
		this.lookup = lookup;
	}

	/** Brings the index in line with the notes directory. */
	synchronized void sync() {
		List<Path> onDisk = this.files.files();
		Set<String> paths = new HashSet<>();
		onDisk.forEach((file) -> paths.add(file.toString()));
		Set<String> indexed = new HashSet<>(this.jdbc.queryForList("SELECT path FROM memory_note", String.class));
		for (String path : indexed) {
			if (!paths.contains(path)) {
				this.jdbc.update("DELETE FROM memory_note WHERE path = ?", path);
			}
		}
		this.others.keySet().retainAll(paths);
		for (Path file : onDisk) {
			if (!indexed.contains(file.toString())) {
				add(file);
			}
		}
	}

	private void add(Path file) {
		String path = file.toString();
		String stamp = stamp(file);
		if (stamp == null || stamp.equals(this.others.get(path))) {
			return;
		}
		Optional<SourceNote> note;
		try {
			note = this.files.read(file);
		}
		catch (UncheckedIOException ex) {
			log.warn("Could not read {}; it is not indexed", file, ex);
			this.others.put(path, stamp);
			return;
		}
		if (note.isEmpty()) {
			log.debug("{} is not a memory-source note; it is not indexed", file);
			this.others.put(path, stamp);
			return;
		}
		SourceNote found = note.get();
		try {
			this.jdbc.update(
					"INSERT INTO memory_note (path, id, kind, format, repo, learning_id, supersedes_note_id,"
							+ " fingerprint, captured_at, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					path, found.id(), found.kind(), found.format().label(), repoOf(found.sourcePath()),
					found.learningId(), found.supersedesId(), found.fingerprint(), found.capturedAt(), found.summary());
		}
		catch (DataAccessException ex) {
			log.warn("Could not index the note {}", file, ex);
			this.others.put(path, stamp);
		}
	}

	@Nullable
	private static String stamp(Path file) {
		try {
			return Files.size(file) + "@" + Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
		}
		catch (IOException ex) {
			return null;
		}
	}

	@Nullable
	private String repoOf(@Nullable String sourcePath) {
		if (sourcePath == null) {
			return null;
		}
		Path source;
		try {
			source = Path.of(sourcePath);
		}
		catch (InvalidPathException ex) {
			return null;
		}
		for (Repo repo : this.repositories.all()) {
			if (repo.storeFile().equals(source)) {
				return repo.name();
			}
		}
		return null;
	}

	/**
	 * {@code note} if it is about a learning of {@code repo}, with that repository;
	 * otherwise empty.
	 */
	private Stream<MemoryNote> about(MemoryNote note, String repo) {
		if (note.repo() != null) {
			return note.repo().equals(repo) ? Stream.of(note) : Stream.empty();
		}
		return (note.learningId() != null && this.lookup.contains(repo, note.learningId()))
				? Stream.of(note.about(repo)) : Stream.empty();
	}

	/**
	 * The newest note about {@code learningId} of {@code repo} of one of {@code kinds}.
	 */
	Optional<MemoryNote> latest(String repo, String learningId, List<String> kinds) {
		sync();
		List<Object> arguments = new ArrayList<>(List.of(learningId, repo));
		arguments.addAll(kinds);
		return this.jdbc
			.query("SELECT * FROM memory_note WHERE learning_id = ? AND (repo = ? OR repo IS NULL) AND kind IN ("
					+ String.join(", ", kinds.stream().map((kind) -> "?").toList())
					+ ") ORDER BY captured_at DESC, id DESC", NOTE, arguments.toArray())
			.stream()
			.flatMap((note) -> about(note, repo))
			.findFirst();
	}

	/**
	 * A note with this fingerprint, in any repository, as of the last sync (callers have
	 * just synced, holding the lock).
	 */
	Optional<MemoryNote> byFingerprint(String fingerprint) {
		return this.jdbc.query("SELECT * FROM memory_note WHERE fingerprint = ? ORDER BY path", NOTE, fingerprint)
			.stream()
			.findFirst();
	}

	/** The notes about learnings of {@code repo}, newest first. */
	List<MemoryNote> list(String repo, @Nullable String kind, @Nullable String learningId) {
		sync();
		StringBuilder sql = new StringBuilder("SELECT * FROM memory_note WHERE (repo = ? OR repo IS NULL)");
		List<Object> arguments = new ArrayList<>(List.of(repo));
		if (kind != null) {
			sql.append(" AND kind = ?");
			arguments.add(kind);
		}
		if (learningId != null) {
			sql.append(" AND learning_id = ?");
			arguments.add(learningId);
		}
		sql.append(" ORDER BY captured_at DESC, id DESC");
		return this.jdbc.query(sql.toString(), NOTE, arguments.toArray())
			.stream()
			.flatMap((note) -> about(note, repo))
			.toList();
	}

	/** The note with this id about a learning of {@code repo}. */
	Optional<MemoryNote> get(String repo, String id) {
		sync();
		return this.jdbc
			.query("SELECT * FROM memory_note WHERE id = ? AND (repo = ? OR repo IS NULL) ORDER BY path", NOTE, id,
					repo)
			.stream()
			.flatMap((note) -> about(note, repo))
			.findFirst();
	}

}

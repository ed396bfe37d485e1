package io.teamlearnings.admissions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The notes directory indexed in H2 for listing and for the gate's "already admitted"
 * check. The directory is the record: each look first adds notes the index lacks and
 * drops rows whose file is gone, so a lost index is rebuilt from the files.
 */
@Component
class NoteIndex {

	private static final Logger log = LoggerFactory.getLogger(NoteIndex.class);

	private static final RowMapper<MemoryNote> NOTE = (rs, i) -> new MemoryNote(rs.getString("id"),
			rs.getString("kind"), rs.getString("repo"), rs.getString("learning_id"), rs.getString("supersedes_note_id"),
			rs.getString("fingerprint"), rs.getString("captured_at"), rs.getString("summary"), rs.getString("path"),
			null);

	private final JdbcTemplate jdbc;

	private final NoteFiles files;

	private final Repositories repositories;

	NoteIndex(JdbcTemplate jdbc, NoteFiles files, Repositories repositories) {
		this.jdbc = jdbc;
		this.files = files;
		this.repositories = repositories;
	}

	/** Brings the index in line with the notes directory. */
	synchronized void sync() {
		Set<String> onDisk = new HashSet<>(this.files.ids());
		Set<String> indexed = new HashSet<>(this.jdbc.queryForList("SELECT id FROM memory_note", String.class));
		for (String id : indexed) {
			if (!onDisk.contains(id)) {
				this.jdbc.update("DELETE FROM memory_note WHERE id = ?", id);
			}
		}
		for (String id : onDisk) {
			if (!indexed.contains(id)) {
				add(id);
			}
		}
	}

	private void add(String id) {
		Optional<Map<String, Object>> envelope = this.files.read(id).flatMap(this.files::envelope);
		if (envelope.isEmpty()) {
			log.warn("Note {} has no readable envelope; it is not indexed", this.files.file(id));
			return;
		}
		Map<String, Object> note = envelope.get();
		Map<?, ?> payload = (note.get("payload") instanceof Map<?, ?> map) ? map : Map.of();
		this.jdbc.update(
				"INSERT INTO memory_note (id, kind, repo, learning_id, supersedes_note_id, fingerprint, captured_at,"
						+ " summary, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				id, text(note.get("kind")), repoOf(text(payload.get("source_path"))), text(payload.get("learning_id")),
				text(note.get("supersedes_id")), text(note.get("fingerprint")), text(note.get("captured_at")),
				text(note.get("summary")), this.files.file(id).toString());
	}

	@Nullable
	private String repoOf(@Nullable String sourcePath) {
		if (sourcePath == null) {
			return null;
		}
		for (Repo repo : this.repositories.all()) {
			if (repo.storeFile().equals(Path.of(sourcePath))) {
				return repo.name();
			}
		}
		return null;
	}

	@Nullable
	private static String text(@Nullable Object value) {
		return (value == null) ? null : String.valueOf(value);
	}

	/** The newest note about {@code learningId} of one of {@code kinds}. */
	Optional<MemoryNote> latest(String repo, String learningId, List<String> kinds) {
		sync();
		List<Object> arguments = new ArrayList<>(List.of(repo, learningId));
		arguments.addAll(kinds);
		return this.jdbc
			.query("SELECT * FROM memory_note WHERE repo = ? AND learning_id = ? AND kind IN ("
					+ String.join(", ", kinds.stream().map((kind) -> "?").toList())
					+ ") ORDER BY captured_at DESC, id DESC LIMIT 1", NOTE, arguments.toArray())
			.stream()
			.findFirst();
	}

	/** The note with this fingerprint, as of the last sync (callers have just synced). */
	Optional<MemoryNote> byFingerprint(String fingerprint) {
		return this.jdbc.query("SELECT * FROM memory_note WHERE fingerprint = ? LIMIT 1", NOTE, fingerprint)
			.stream()
			.findFirst();
	}

	List<MemoryNote> list(String repo, @Nullable String kind, @Nullable String learningId) {
		sync();
		StringBuilder sql = new StringBuilder("SELECT * FROM memory_note WHERE repo = ?");
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
		return this.jdbc.query(sql.toString(), NOTE, arguments.toArray());
	}

	Optional<MemoryNote> get(String id) {
		sync();
		return this.jdbc.query("SELECT * FROM memory_note WHERE id = ?", NOTE, id).stream().findFirst();
	}

}

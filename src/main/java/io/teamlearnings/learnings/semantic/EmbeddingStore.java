package io.teamlearnings.learnings.semantic;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The embeddings in H2 ({@code line_embedding}), beside the index's rows: which rows of a
 * repository's live generation have none yet (newest first), and the vectors of those
 * that have. Reads the index's tables by SQL only, so the index's package never depends
 * on this one's (the index shows this package's progress).
 */
@Repository
class EmbeddingStore {

	private final JdbcTemplate jdbc;

	EmbeddingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A row to embed.
	 *
	 * @param sha256 its line's SHA-256
	 * @param text what is embedded: the learning, the application and the tags
	 */
	record Pending(byte[] sha256, String text) {
	}

	/**
	 * An embedded row of a repository.
	 *
	 * @param line its line number
	 * @param vector its quantized vector
	 */
	record Embedded(long line, byte[] vector) {
	}

	/** The repository's live generation, or null before its first index. */
	@Nullable Long generation(String repo) {
		List<Long> found = this.jdbc.queryForList("SELECT generation FROM index_state WHERE repo = ?", Long.class,
				repo);
		return found.isEmpty() ? null : found.get(0);
	}

	/** The newest rows of {@code generation} without an embedding by {@code model}. */
	List<Pending> pending(long generation, String model, int limit) {
		return this.jdbc.query("""
				SELECT r.line_sha256, r.learning, r.application, r.tags FROM indexed_row r
				WHERE r.generation = ? AND NOT EXISTS (SELECT 1 FROM line_embedding e
				  WHERE e.model = ? AND e.line_sha256 = r.line_sha256)
				ORDER BY r.line_no DESC LIMIT ?""",
				(rs, n) -> new Pending(rs.getBytes(1), text(rs.getString(2), rs.getString(3), rs.getString(4))),
				generation, model, limit);
	}

	/** How many rows of {@code generation} have no embedding by {@code model}. */
	long pendingCount(long generation, String model) {
		Long count = this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM indexed_row r WHERE r.generation = ? AND NOT EXISTS (
				  SELECT 1 FROM line_embedding e WHERE e.model = ? AND e.line_sha256 = r.line_sha256)""", Long.class,
				generation, model);
		return (count != null) ? count : 0;
	}

	/** How many rows of {@code generation} have an embedding by {@code model}. */
	long embeddedCount(long generation, String model) {
		Long count = this.jdbc.queryForObject("""
				SELECT COUNT(*) FROM indexed_row r JOIN line_embedding e
				  ON e.model = ? AND e.line_sha256 = r.line_sha256 WHERE r.generation = ?""", Long.class, model,
				generation);
		return (count != null) ? count : 0;
	}

	/**
	 * Stores vectors; a line another repository already had embedded is left as it is.
	 */
	void save(String model, List<Pending> rows, List<byte[]> vectors) {
		for (int i = 0; i < rows.size(); i++) {
			this.jdbc.update("MERGE INTO line_embedding (model, line_sha256, vector) KEY (model, line_sha256) "
					+ "VALUES (?, ?, ?)", model, rows.get(i).sha256(), vectors.get(i));
		}
	}

	/** Every embedded row of {@code generation}, by line. */
	List<Embedded> embedded(long generation, String model) {
		return this.jdbc.query("""
				SELECT r.line_no, e.vector FROM indexed_row r JOIN line_embedding e
				  ON e.model = ? AND e.line_sha256 = r.line_sha256
				WHERE r.generation = ? ORDER BY r.line_no""", (rs, n) -> new Embedded(rs.getLong(1), rs.getBytes(2)),
				model, generation);
	}

	/**
	 * The text of a row that is embedded: learning, application and tags (stored
	 * comma-joined in the index), one sentence each.
	 */
	static String text(String learning, String application, String tags) {
		StringBuilder text = new StringBuilder(learning);
		if (!application.isBlank()) {
			text.append(' ').append(application);
		}
		if (!tags.isBlank()) {
			text.append(" Tags: ").append(tags.replace(',', ' ').strip()).append('.');
		}
		return text.toString();
	}

}

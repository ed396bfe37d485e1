package io.teamlearnings.learnings.semantic;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The embeddings in H2 ({@code line_embedding}), beside the index's rows: a generation's
 * rows a range of lines at a time with their vector where one is stored. Reads the
 * index's tables by SQL only, so the index's package never depends on this one's (the
 * index shows this package's progress). Every query is a range of the index's
 * {@code (generation, line_no)} key, so walking 100,000 rows costs one pass over them,
 * not one pass a batch.
 */
@Repository
class EmbeddingStore {

	private final JdbcTemplate jdbc;

	EmbeddingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A row of a generation.
	 *
	 * @param line its line number
	 * @param sha256 its line's SHA-256, the key of its embedding
	 * @param text what is embedded: the learning, the application and the tags
	 * @param vector its stored vector, or null when it has none yet
	 */
	record Row(long line, byte[] sha256, String text, byte @Nullable [] vector) {
	}

	/** The repository's live generation, or null before its first index. */
	@Nullable Long generation(String repo) {
		List<Long> found = this.jdbc.queryForList("SELECT generation FROM index_state WHERE repo = ?", Long.class,
				repo);
		return found.isEmpty() ? null : found.get(0);
	}

	/** The generation's highest line number, 0 when it has no row. */
	long lastLine(long generation) {
		Long last = this.jdbc.queryForObject("SELECT COALESCE(MAX(line_no), 0) FROM indexed_row WHERE generation = ?",
				Long.class, generation);
		return (last != null) ? last : 0;
	}

	/** How many rows the generation has. */
	long rowCount(long generation) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM indexed_row WHERE generation = ?", Long.class,
				generation);
		return (count != null) ? count : 0;
	}

	/**
	 * The rows of {@code generation} on lines {@code low < line <= high}, highest first,
	 * each with its vector by {@code model} if stored.
	 */
	List<Row> rows(long generation, String model, long low, long high) {
		return this.jdbc.query("""
				SELECT r.line_no, r.line_sha256, e.vector,
				  CASE WHEN e.vector IS NULL THEN r.learning END,
				  CASE WHEN e.vector IS NULL THEN r.application END,
				  CASE WHEN e.vector IS NULL THEN r.tags END
				FROM indexed_row r LEFT JOIN line_embedding e ON e.model = ? AND e.line_sha256 = r.line_sha256
				WHERE r.generation = ? AND r.line_no > ? AND r.line_no <= ?
				ORDER BY r.line_no DESC""", (rs, n) -> {
			byte[] vector = rs.getBytes(3);
			return new Row(rs.getLong(1), rs.getBytes(2),
					(vector != null) ? "" : text(rs.getString(4), rs.getString(5), rs.getString(6)), vector);
		}, model, generation, low, high);
	}

	/**
	 * Stores vectors; a line another repository already had embedded is left as it is.
	 */
	void save(String model, List<Row> rows, List<byte[]> vectors) {
		List<Object[]> arguments = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			arguments.add(new Object[] { model, rows.get(i).sha256(), vectors.get(i) });
		}
		this.jdbc.batchUpdate(
				"MERGE INTO line_embedding (model, line_sha256, vector) KEY (model, line_sha256) VALUES (?, ?, ?)",
				arguments);
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

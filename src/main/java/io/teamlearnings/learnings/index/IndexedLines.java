package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.teamlearnings.repos.Repo;
import io.teamlearnings.system.Sha256;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where the indexed rows' lines lie in the file, and the lines themselves: what views are
 * built from. Rows are found in plain JDBC, reading only the columns a view needs; lines
 * are read at their offsets from the file the index was synced with and served only if
 * their SHA-256 is still the one indexed.
 */
@Component
class IndexedLines {

	/** Most ids or lines one statement looks up. */
	private static final int PER_STATEMENT = 100;

	/** The columns {@link #located} reads, in its order. */
	private static final String COLUMNS = "SELECT id, line_no, byte_offset, byte_length, line_sha256, superseded_by"
			+ " FROM indexed_row WHERE ";

	private final JdbcTemplate jdbc;

	private final LearningIndex index;

	IndexedLines(JdbcTemplate jdbc, LearningIndex index) {
		this.jdbc = jdbc;
		this.index = index;
	}

	/**
	 * Where a row's line lies, and the ids of the rows that supersede it.
	 *
	 * @param lineNo the row's line number, from 1
	 * @param byteOffset where its line starts in the file, in bytes
	 * @param byteLength the line's length in bytes, without its newline
	 * @param lineSha256 SHA-256 of the line as indexed (32 bytes)
	 * @param id the row's id
	 * @param supersededBy ids of the rows that supersede it, in file order
	 */
	record LocatedRow(long lineNo, long byteOffset, int byteLength, byte[] lineSha256, String id,
			List<String> supersededBy) {

		/** The ids of a comma-separated {@code superseded_by} column. */
		static List<String> supersededBy(String column) {
			return column.isEmpty() ? List.of() : List.of(column.split(","));
		}

	}

	/**
	 * The newest row of each of {@code ids} in the live generation of {@code repo}: one
	 * statement per {@value #PER_STATEMENT} ids (H2 seeks each id of the {@code IN} list
	 * on {@code ix_indexed_row_id}). Ids with no row are left out.
	 * @param repo the repository
	 * @param ids the ids
	 * @return the rows found, in the order of {@code ids}, each id once
	 */
	List<LocatedRow> newest(String repo, Collection<String> ids) {
		List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
		Map<String, LocatedRow> newest = new HashMap<>();
		for (int from = 0; from < distinct.size(); from += PER_STATEMENT) {
			List<String> some = distinct.subList(from, Math.min(distinct.size(), from + PER_STATEMENT));
			List<Object> arguments = new ArrayList<>(some);
			arguments.add(repo);
			this.jdbc.query(COLUMNS + "id IN (" + String.join(", ", Collections.nCopies(some.size(), "?")) + ") AND "
					+ LearningIndex.LIVE, (rs) -> {
						LocatedRow row = located(rs);
						newest.merge(row.id(), row, (one, other) -> (one.lineNo() > other.lineNo()) ? one : other);
					}, arguments.toArray());
		}
		return distinct.stream().map(newest::get).filter((row) -> row != null).toList();
	}

	/**
	 * The rows at these line numbers in the live generation of {@code repo}: one
	 * statement per {@value #PER_STATEMENT} lines, a seek on the line index for each (a
	 * {@code UNION ALL} of equalities: H2 would not seek a {@code line_no IN} list after
	 * the generation, and would read the whole generation). Lines that hold no row
	 * (malformed, or past the index) are left out.
	 * @param repo the repository
	 * @param lines line numbers, from 1
	 * @return the rows found, in no particular order
	 */
	List<LocatedRow> atLines(String repo, Collection<Long> lines) {
		List<Long> distinct = List.copyOf(new LinkedHashSet<>(lines));
		List<LocatedRow> found = new ArrayList<>(distinct.size());
		for (int from = 0; from < distinct.size(); from += PER_STATEMENT) {
			List<Long> some = distinct.subList(from, Math.min(distinct.size(), from + PER_STATEMENT));
			List<Object> arguments = new ArrayList<>(2 * some.size());
			some.forEach((line) -> {
				arguments.add(repo);
				arguments.add(line);
			});
			this.jdbc.query(
					String.join(" UNION ALL ",
							Collections.nCopies(some.size(), COLUMNS + LearningIndex.LIVE + " AND line_no = ?")),
					(rs) -> {
						found.add(located(rs));
					}, arguments.toArray());
		}
		return found;
	}

	private static LocatedRow located(ResultSet rs) throws SQLException {
		return new LocatedRow(rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getBytes(5), rs.getString(1),
				LocatedRow.supersededBy(rs.getString(6)));
	}

	/**
	 * The lines of {@code rows}, rows of the live generation of {@code repo}, in order:
	 * read at their offsets from the file the index was last synced with (from its path
	 * if none is open), each served only if its SHA-256 is the one indexed.
	 * @param repo the repository
	 * @param rows its rows
	 * @return their lines, without newlines
	 * @throws StoreUnavailableException if the file cannot be read, or a line is no
	 * longer the one indexed: the file was rewritten in place since the last sync, even
	 * with its size and modification time kept. The index then forgets the file's stamp
	 * ({@link LearningIndex#forgetStamp}), so the next read or write compares the whole
	 * file with the index and rebuilds it.
	 */
	List<String> lines(Repo repo, List<LocatedRow> rows) {
		FileChannel synced = this.index.syncedChannel(repo.name());
		List<String> lines = null;
		try {
			if (synced != null) {
				try {
					lines = read(synced, rows);
				}
				catch (ClosedChannelException ex) {
					// a sync replaced the file meanwhile: read the path as it is now
					synced = null;
				}
			}
			if (synced == null) {
				try (FileChannel file = FileChannel.open(repo.storeFile(), StandardOpenOption.READ)) {
					lines = read(file, rows);
				}
			}
		}
		catch (IOException ex) {
			throw StoreUnavailableException.serving(repo.name(), ex);
		}
		if (lines == null) {
			this.index.forgetStamp(repo.name());
			throw StoreUnavailableException.changedWhileRead(repo.name());
		}
		return lines;
	}

	/**
	 * The lines of {@code rows} as {@code file} has them; null if one is not the indexed
	 * one.
	 */
	@Nullable
	private static List<String> read(FileChannel file, List<LocatedRow> rows) throws IOException {
		List<String> lines = new ArrayList<>(rows.size());
		MessageDigest sha = Sha256.digest();
		for (LocatedRow row : rows) {
			ByteBuffer line = ByteBuffer.allocate(row.byteLength());
			int read = 0;
			while (line.hasRemaining() && read >= 0) {
				read = file.read(line, row.byteOffset() + line.position());
			}
			if (line.hasRemaining() || !MessageDigest.isEqual(sha.digest(line.array()), row.lineSha256())) {
				return null;
			}
			lines.add(new String(line.array(), StandardCharsets.UTF_8));
		}
		return lines;
	}

}

package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.system.Sha256;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How much of each canonical file the index covers ({@code index_state}): the bytes and
 * lines indexed, and SHA-256 digests of the first and last {@value #HASH_WINDOW} bytes
 * covered, by which a sync tells an append (both still match) from a rewrite.
 */
@Component
class IndexCoverage {

	static final int HASH_WINDOW = 4096;

	private final JdbcTemplate jdbc;

	IndexCoverage(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Where the index of a repository stands.
	 *
	 * @param indexedBytes bytes of the file the index covers (whole lines)
	 * @param nextLine number of the next line to index
	 * @param headSha256 digest of the first indexed bytes
	 * @param tailSha256 digest of the last indexed bytes
	 * @param analysisVersion the text analysis that produced the stored terms
	 */
	record State(long indexedBytes, long nextLine, String headSha256, String tailSha256, int analysisVersion) {

		static final State EMPTY = new State(0, 1, "", "", TextAnalysis.VERSION);

	}

	State of(String repo) {
		List<State> states = this.jdbc.query(
				"SELECT indexed_bytes, next_line, head_sha256, tail_sha256, analysis_version FROM index_state"
						+ " WHERE repo = ?",
				(rs, i) -> new State(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
				repo);
		return states.isEmpty() ? State.EMPTY : states.get(0);
	}

	/** Records that the index of {@code repo} covers {@code file} up to {@code end}. */
	void save(String repo, Path file, long end, long nextLine) throws IOException {
		this.jdbc.update("""
				MERGE INTO index_state (repo, indexed_bytes, next_line, head_sha256, tail_sha256, analysis_version,
				    updated_at)
				KEY (repo) VALUES (?, ?, ?, ?, ?, ?, ?)""", repo, end, nextLine, digest(file, 0, end),
				digest(file, Math.max(0, end - HASH_WINDOW), end), TextAnalysis.VERSION,
				OffsetDateTime.now(ZoneOffset.UTC));
	}

	/** Whether the bytes {@code state} covers are still the file's first bytes. */
	static boolean matches(Path file, State state) throws IOException {
		if (state.indexedBytes() == 0) {
			return true;
		}
		long end = state.indexedBytes();
		return state.headSha256().equals(digest(file, 0, end))
				&& state.tailSha256().equals(digest(file, Math.max(0, end - HASH_WINDOW), end));
	}

	/**
	 * SHA-256 of at most {@value #HASH_WINDOW} bytes of {@code file} from {@code from},
	 * before {@code end}.
	 */
	private static String digest(Path file, long from, long end) throws IOException {
		long length = Math.min(HASH_WINDOW, end - from);
		if (length <= 0 || !Files.exists(file)) {
			return "";
		}
		ByteBuffer buffer = ByteBuffer.allocate((int) length);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			int read = 0;
			while (buffer.hasRemaining() && read >= 0) {
				read = channel.read(buffer, from + buffer.position());
			}
		}
		return Sha256.hex(buffer.array(), 0, buffer.position());
	}

}

package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.system.Sha256;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How much of each canonical file the index covers ({@code index_state}): the bytes and
 * lines indexed, SHA-256 digests of the first and last {@value #HASH_WINDOW} bytes
 * covered, by which a sync tells an append (both still match) from a rewrite, and the
 * SHA-256 of every byte covered, for a change that is not a pure append (a rewrite that
 * keeps both ends, as a {@code git checkout} of another version does). The whole digest
 * is kept up to date as rows are appended, reading only the new bytes.
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
	 * @param generation the live generation of its rows (see {@link IndexGenerations}); 0
	 * when it has none yet
	 * @param indexedBytes bytes of the file the index covers (whole lines)
	 * @param nextLine number of the next line to index
	 * @param headSha256 digest of the first indexed bytes
	 * @param tailSha256 digest of the last indexed bytes
	 * @param analysisVersion the text analysis that produced the stored terms
	 * @param coveredSha256 digest of all the indexed bytes; empty when not known
	 */
	record State(long generation, long indexedBytes, long nextLine, String headSha256, String tailSha256,
			int analysisVersion, String coveredSha256) {

		static final State EMPTY = new State(0, 0, 1, "", "", TextAnalysis.VERSION, "");

	}

	/**
	 * A running digest of a file's first {@code end} bytes, carried from one sync to the
	 * next so that an append costs only the bytes appended.
	 */
	private record Prefix(long end, MessageDigest digest) {
	}

	private final Map<String, Prefix> prefixes = new ConcurrentHashMap<>();

	State of(String repo) {
		List<State> states = this.jdbc.query(
				"SELECT generation, indexed_bytes, next_line, head_sha256, tail_sha256, analysis_version,"
						+ " covered_sha256 FROM index_state WHERE repo = ?",
				(rs, i) -> new State(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
						rs.getInt(6), rs.getString(7)),
				repo);
		return states.isEmpty() ? State.EMPTY : states.get(0);
	}

	/**
	 * Records, in the caller's transaction, that generation {@code generation} of the
	 * index of {@code repo} covers {@code file} up to {@code end}.
	 * @param covered the SHA-256 of the file's first {@code end} bytes, as a sync
	 * computed it while reading them; carried on from here by the next sync
	 */
	void save(String repo, long generation, Path file, long end, long nextLine, MessageDigest covered)
			throws IOException {
		this.prefixes.put(repo, new Prefix(end, clone(covered)));
		this.jdbc.update("""
				MERGE INTO index_state (repo, generation, indexed_bytes, next_line, head_sha256, tail_sha256,
				    analysis_version, covered_sha256, updated_at)
				KEY (repo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", repo, generation, end, nextLine, digest(file, 0, end),
				digest(file, Math.max(0, end - HASH_WINDOW), end), TextAnalysis.VERSION,
				HexFormat.of().formatHex(clone(covered).digest()), OffsetDateTime.now(ZoneOffset.UTC));
	}

	/**
	 * A running SHA-256 of the first {@code end} bytes of {@code file}, to carry on
	 * through the bytes a sync reads next: the one the last sync of {@code repo} left
	 * when it ended there, else computed by reading them.
	 */
	MessageDigest digestUpTo(String repo, Path file, long end) throws IOException {
		Prefix prefix = this.prefixes.get(repo);
		if (prefix != null && prefix.end() == end) {
			return clone(prefix.digest());
		}
		MessageDigest digest = Sha256.digest();
		update(digest, file, 0, end);
		return digest;
	}

	/** Forgets the running digest of a repository whose sync did not commit. */
	void forget(String repo) {
		this.prefixes.remove(repo);
	}

	/**
	 * Whether every byte {@code state} covers is still the file's: the whole comparison a
	 * sync makes when the file was not simply appended to. When they are, the running
	 * digest carries on from there, so the sync that follows reads only new bytes.
	 */
	boolean matchesWhole(String repo, Path file, State state) throws IOException {
		if (state.indexedBytes() == 0) {
			return true;
		}
		if (state.coveredSha256().isEmpty()) {
			return false;
		}
		MessageDigest digest = Sha256.digest();
		update(digest, file, 0, state.indexedBytes());
		MessageDigest carried = clone(digest);
		boolean matches = state.coveredSha256().equals(HexFormat.of().formatHex(digest.digest()));
		if (matches) {
			this.prefixes.put(repo, new Prefix(state.indexedBytes(), carried));
		}
		return matches;
	}

	private static void update(MessageDigest digest, Path file, long from, long end) throws IOException {
		if (end <= from) {
			return;
		}
		ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long position = from;
			while (position < end) {
				buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
				int read = channel.read(buffer, position);
				if (read < 0) {
					throw new IOException(file + " ended at byte " + position + ", before byte " + end);
				}
				digest.update(buffer.array(), 0, read);
				position += read;
			}
		}
	}

	private static MessageDigest clone(MessageDigest digest) {
		try {
			return (MessageDigest) digest.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("SHA-256 cannot be carried on", ex);
		}
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

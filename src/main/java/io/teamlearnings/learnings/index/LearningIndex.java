package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.FileDigest;
import io.teamlearnings.learnings.jsonl.FileStamp;
import io.teamlearnings.learnings.jsonl.JsonlScanner;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.system.Sha256;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mirrors a repository's {@code .learnings.jsonl} into H2. Lines appended since the last
 * sync are indexed incrementally into the live generation of its rows, a chunk of lines
 * per transaction with the coverage they reach, so the index is always a prefix of the
 * file. A file that was truncated or rewritten (its first or last indexed bytes differ,
 * see {@link IndexCoverage}), a repository never indexed, a rebuild asked for and one a
 * crash interrupted are indexed whole into a new generation, committed chunk by chunk
 * while the old one stays live, then switched to in one transaction (see
 * {@link IndexGenerations}): readers see the old index or the new one, never half of it,
 * and neither the heap nor any transaction grows with the file. Callers hold the
 * repository's lock ({@link IndexSync}).
 */
@Component
public class LearningIndex {

	private static final Logger log = LoggerFactory.getLogger(LearningIndex.class);

	/**
	 * The condition that picks a repository's live generation, its name the parameter; in
	 * one statement with the rest of a query, so that a switch is seen whole or not at
	 * all.
	 */
	static final String LIVE = "generation = (SELECT s.generation FROM index_state s WHERE s.repo = ?)";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final IndexCoverage coverage;

	private final IndexGenerations generationRows;

	private final LineIndexer lines;

	private final Map<String, FileStamp> synced = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> syncCounts = new ConcurrentHashMap<>();

	/**
	 * The file each repository's index was last synced with, kept open: rows' lines are
	 * read from it at their offsets, so that they come from the very file (inode) the
	 * index was built from, even once its path names another file or none (the index then
	 * goes on serving, as it is, until a sync can read the path again).
	 */
	private final Map<String, SyncedFile> files = new ConcurrentHashMap<>();

	/** A file as it was synced, open for reading. */
	private record SyncedFile(Object key, FileChannel channel) {
	}

	/**
	 * Each repository's chains as indexed; read and changed under the repository's lock.
	 */
	private final Map<String, SupersessionChains> chains = new ConcurrentHashMap<>();

	LearningIndex(JdbcTemplate jdbc, TransactionTemplate transactions, IndexCoverage coverage,
			IndexGenerations generationRows, LineIndexer lines) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.coverage = coverage;
		this.generationRows = generationRows;
		this.lines = lines;
	}

	/**
	 * What one sync did.
	 *
	 * @param rebuilt whether the whole file was indexed anew
	 * @param rowsAdded rows indexed
	 * @param malformedAdded malformed lines recorded
	 * @param tornBytes bytes after the last newline, left for a later sync
	 */
	public record SyncReport(boolean rebuilt, long rowsAdded, long malformedAdded, long tornBytes) {
	}

	/**
	 * Whether the file looks unchanged since the last sync (one {@code stat}).
	 * @param repo the repository
	 * @return true if its file's size, time and key are as last synced
	 * @throws IOException if the file cannot be read
	 */
	public boolean isCurrent(Repo repo) throws IOException {
		return FileStamp.of(repo.storeFile()).equals(this.synced.get(repo.name()));
	}

	/**
	 * Changes each time a repository's index is rebuilt, so caches derived from it know
	 * to reload.
	 * @param repo the repository
	 * @return its rebuild count since start
	 */
	public long generation(Repo repo) {
		return this.generations.computeIfAbsent(repo.name(), (name) -> new AtomicLong()).get();
	}

	/**
	 * Changes each time a sync of a repository commits, so readers of the index can tell
	 * cheaply that nothing was added since they last looked.
	 * @param repo the repository
	 * @return its sync count since start
	 */
	public long syncs(Repo repo) {
		return this.syncCounts.computeIfAbsent(repo.name(), (name) -> new AtomicLong()).get();
	}

	/**
	 * The line number the next row appended to {@code repo} gets: the index, caught up
	 * with every complete line, knows the next one; a torn last line, which an append
	 * ends with a newline first, takes one more.
	 * @param repo the repository, its index caught up
	 * @return the next line number
	 * @throws IOException if the file cannot be read
	 */
	public long nextLine(Repo repo) throws IOException {
		IndexCoverage.State state = this.coverage.of(repo.name());
		long size = Files.exists(repo.storeFile()) ? Files.size(repo.storeFile()) : 0;
		return state.nextLine() + ((size > state.indexedBytes()) ? 1 : 0);
	}

	/** Brings the index of {@code repo} up to date with its file. */
	SyncReport sync(Repo repo) throws IOException {
		return sync(repo, false);
	}

	/**
	 * Drops the index of {@code repo} and indexes its whole file again. Callers hold the
	 * repository's lock (see {@link IndexSync#locked}).
	 * @param repo the repository
	 * @return what the sync did
	 * @throws IOException if the file cannot be read
	 */
	public SyncReport rebuild(Repo repo) throws IOException {
		return sync(repo, true);
	}

	private SyncReport sync(Repo repo, boolean forceRebuild) throws IOException {
		Path file = repo.storeFile();
		FileStamp stamp = FileStamp.of(file);
		IndexCoverage.State state = this.coverage.of(repo.name());
		List<Long> abandoned = this.generationRows.abandoned(repo.name());
		boolean rebuild = forceRebuild || state.generation() == 0 || !abandoned.isEmpty()
				|| state.indexedBytes() > stamp.size() || state.analysisVersion() != TextAnalysis.VERSION
				|| !IndexCoverage.matches(file, state) || (!appendedTo(this.synced.get(repo.name()), stamp)
						&& !this.coverage.matchesWhole(repo.name(), file, state));
		SyncReport report;
		try {
			if (rebuild) {
				if (!abandoned.isEmpty()) {
					log.info("Rebuilding the index of {}: a rebuild was interrupted", repo.name());
					abandoned.forEach(this.generationRows::retire);
				}
				report = rebuildWhole(repo.name(), file);
			}
			else {
				report = append(repo.name(), file, state);
			}
		}
		catch (IOException | RuntimeException ex) {
			this.chains.remove(repo.name());
			this.coverage.forget(repo.name());
			throw ex;
		}
		finally {
			if (rebuild) {
				this.generationRows.deleteRetiredLater();
			}
		}
		this.syncCounts.computeIfAbsent(repo.name(), (name) -> new AtomicLong()).incrementAndGet();
		if (rebuild) {
			this.generations.computeIfAbsent(repo.name(), (name) -> new AtomicLong()).incrementAndGet();
			if (state.indexedBytes() > 0 && !forceRebuild) {
				log.info("Re-indexed {} whole: the file was rewritten or truncated since the last sync", file);
			}
		}
		this.synced.put(repo.name(), stamp);
		keepOpen(repo.name(), file, stamp);
		return report;
	}

	/** Keeps the file just synced open, unless it already is (the same inode). */
	private void keepOpen(String repo, Path file, FileStamp stamp) {
		SyncedFile open = this.files.get(repo);
		if (open != null && !"".equals(stamp.fileKey()) && open.key().equals(stamp.fileKey())) {
			return;
		}
		SyncedFile opened = null;
		if (stamp.exists()) {
			try {
				opened = new SyncedFile(stamp.fileKey(), FileChannel.open(file, StandardOpenOption.READ));
			}
			catch (IOException ex) {
				log.debug("Could not keep {} open; rows are read from its path", file, ex);
			}
		}
		SyncedFile replaced = (opened != null) ? this.files.put(repo, opened) : this.files.remove(repo);
		if (replaced != null) {
			close(replaced);
		}
	}

	private static void close(SyncedFile file) {
		try {
			file.channel().close();
		}
		catch (IOException ex) {
			log.debug("Could not close a synced file", ex);
		}
	}

	@PreDestroy
	void closeFiles() {
		this.files.values().forEach(LearningIndex::close);
		this.files.clear();
	}

	/**
	 * The file the index of {@code repo} was last synced with, kept open; null if none
	 * is. It may be closed at any time by a sync that replaces it
	 * ({@link ClosedChannelException} then).
	 */
	@Nullable
	FileChannel syncedChannel(String repo) {
		SyncedFile synced = this.files.get(repo);
		return (synced != null) ? synced.channel() : null;
	}

	/**
	 * Forgets the stamp of the file {@code repo} was last synced with, so that the next
	 * sync compares the whole file with the index ({@link IndexCoverage#matchesWhole})
	 * instead of trusting an unchanged size and modification time.
	 */
	void forgetStamp(String repo) {
		this.synced.remove(repo);
	}

	/**
	 * Indexes the lines appended since the last sync into the live generation, recording
	 * with each chunk the coverage it reaches.
	 */
	private SyncReport append(String repo, Path file, IndexCoverage.State state) throws IOException {
		long generation = state.generation();
		LineIndexer.Indexed indexed = this.lines.index(repo, generation, file, state.indexedBytes(), state.nextLine(),
				this.coverage.digestUpTo(repo, file, state.indexedBytes()), chainsOf(repo),
				(end, nextLine, covered) -> this.coverage.save(repo, generation, file, end, nextLine, covered));
		return new SyncReport(false, indexed.rows(), indexed.malformed(), indexed.end().tornBytes());
	}

	/**
	 * Indexes the whole file into a new generation, then switches the repository over to
	 * it in one transaction with the coverage it reached. A generation that does not
	 * become live is retired, so that its rows are deleted.
	 */
	private SyncReport rebuildWhole(String repo, Path file) throws IOException {
		long generation = this.generationRows.create(repo);
		try {
			SupersessionChains rebuilt = new SupersessionChains();
			LineIndexer.Indexed indexed = this.lines.index(repo, generation, file, 0, 1, Sha256.digest(), rebuilt,
					(end, nextLine, covered) -> {
					});
			JsonlScanner.ScanEnd end = indexed.end();
			this.transactions.executeWithoutResult((status) -> {
				try {
					this.coverage.save(repo, generation, file, end.endOffset(), end.nextLineNumber(),
							indexed.covered());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				this.generationRows.makeLive(repo, generation);
			});
			this.chains.put(repo, rebuilt);
			return new SyncReport(true, indexed.rows(), indexed.malformed(), end.tornBytes());
		}
		catch (UncheckedIOException ex) {
			retire(generation);
			throw ex.getCause();
		}
		catch (IOException | RuntimeException ex) {
			retire(generation);
			throw ex;
		}
	}

	/** Retires a generation whose rebuild failed, if the database still can. */
	private void retire(long generation) {
		try {
			this.generationRows.retire(generation);
		}
		catch (RuntimeException ex) {
			log.warn("Could not retire index generation {}; the next sync does", generation, ex);
		}
	}

	/**
	 * Whether the file only grew since the last sync: the same file (inode) and more
	 * bytes. Anything else (the first sync since start, a new inode as a rename by
	 * {@code git checkout} or an editor leaves, a shrink, a new modification time at the
	 * same size) makes the sync compare every indexed byte with the file.
	 */
	private static boolean appendedTo(@Nullable FileStamp previous, FileStamp now) {
		return previous != null && previous.exists() && now.exists() && previous.fileKey().equals(now.fileKey())
				&& now.size() > previous.size();
	}

	/** Rows and malformed lines the index holds for a repository. */
	record Counts(long rows, long malformed) {
	}

	Counts counts(String repo) {
		Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM indexed_row WHERE " + LIVE, Long.class, repo);
		Long malformed = this.jdbc.queryForObject("SELECT COUNT(*) FROM indexed_malformed WHERE " + LIVE, Long.class,
				repo);
		return new Counts((rows != null) ? rows : 0, (malformed != null) ? malformed : 0);
	}

	/**
	 * Lines that are rows in the file but could not be analysed for the index (see
	 * {@link LineIndexer}), with the reason recorded for each.
	 */
	Map<Long, String> unanalysableRows(String repo) {
		Map<Long, String> lines = new HashMap<>();
		this.jdbc.query(
				"SELECT line_no, reason FROM indexed_malformed WHERE " + LIVE
						+ " AND reason LIKE 'row could not be analysed%'",
				(RowCallbackHandler) (rs) -> lines.put(rs.getLong(1), rs.getString(2)), repo);
		return lines;
	}

	/**
	 * The id of the first indexed row (in file order) with this duplicate key: the same
	 * status and the same learning once normalised
	 * ({@link CanonicalFormat#duplicateKey}).
	 * @param repo the repository
	 * @param duplicateKey the key
	 * @return the row's id, or null if none
	 */
	@Nullable
	public String idByDuplicateKey(String repo, String duplicateKey) {
		// the index keeps the key's hash; the key itself is recomputed for the candidates
		List<String> ids = this.jdbc.query(
				"SELECT id, status, learning FROM indexed_row WHERE " + LIVE
						+ " AND duplicate_hash = ? ORDER BY line_no",
				(rs, i) -> duplicateKey.equals(CanonicalFormat.duplicateKey(rs.getString(2), rs.getString(3)))
						? rs.getString(1) : null,
				repo, duplicateKey.hashCode());
		return ids.stream().filter(Objects::nonNull).findFirst().orElse(null);
	}

	/** The id of an indexed row with this fingerprint, if any. */
	@Nullable
	public String idByFingerprint(String repo, String fingerprint) {
		List<String> ids = this.jdbc.queryForList(
				"SELECT id FROM indexed_row WHERE " + LIVE + " AND fingerprint = ? ORDER BY line_no LIMIT 1",
				String.class, repo, fingerprint);
		return ids.isEmpty() ? null : ids.get(0);
	}

	/**
	 * The current head of the supersession chain that row {@code id} is in, as
	 * {@link SupersessionChains} defines it. Callers hold the repository's lock.
	 */
	public String headOf(String repo, String id) {
		return chainsOf(repo).standing(id, false).head();
	}

	/**
	 * The chains of a repository as indexed, loaded from the index the first time.
	 * Callers hold the repository's lock.
	 */
	private SupersessionChains chainsOf(String repo) {
		return this.chains.computeIfAbsent(repo, (name) -> {
			SupersessionChains loaded = new SupersessionChains();
			this.jdbc.query(
					"SELECT line_no, id, supersedes_id, status FROM indexed_row USE INDEX (ix_indexed_row_line) WHERE "
							+ LIVE + " ORDER BY generation, line_no",
					(RowCallbackHandler) (rs) -> loaded.add(rs.getLong(1), rs.getString(2), rs.getString(3),
							CanonicalFormat.WITHDRAWN.equals(rs.getString(4))),
					name);
			return loaded;
		});
	}

	/**
	 * Whether row {@code id} of {@code repo} is a withdrawal: the last indexed row with
	 * that id has status {@code withdrawn}.
	 */
	public boolean isWithdrawal(String repo, String id) {
		List<String> statuses = this.jdbc.queryForList("SELECT status FROM indexed_row WHERE " + LIVE
				+ " AND id = ? ORDER BY generation DESC, line_no DESC LIMIT 1", String.class, repo, id);
		return !statuses.isEmpty() && CanonicalFormat.WITHDRAWN.equals(statuses.get(0));
	}

	/** Whether any live row of {@code repo} has {@code id}. */
	public boolean containsId(String repo, String id) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM indexed_row WHERE " + LIVE + " AND id = ?",
				Long.class, repo, id);
		return count != null && count > 0;
	}

	/**
	 * Digest over the indexed rows' line numbers and the SHA-256 of their lines, in line
	 * order; see {@link FileDigest}.
	 */
	String rowsDigest(String repo) {
		FileDigest digest = new FileDigest();
		this.jdbc.query(
				"SELECT line_no, line_sha256 FROM indexed_row USE INDEX (ix_indexed_row_line) WHERE " + LIVE
						+ " ORDER BY generation, line_no",
				(RowCallbackHandler) (rs) -> digest.add(rs.getLong(1), HexFormat.of().formatHex(rs.getBytes(2))), repo);
		return digest.hex();
	}

}

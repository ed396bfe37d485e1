package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.FileDigest;
import io.teamlearnings.learnings.jsonl.FileStamp;
import io.teamlearnings.repos.Repo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mirrors a repository's {@code .learnings.jsonl} into H2. Lines appended since the last
 * sync are indexed incrementally; a file that was truncated or rewritten (its first or
 * last indexed bytes differ, see {@link IndexCoverage}) is re-indexed whole. Each sync is
 * one transaction, so readers see the index before or after it, never half-way. Callers
 * hold the repository's lock ({@link IndexSync}).
 */
@Component
public class LearningIndex {

	private static final Logger log = LoggerFactory.getLogger(LearningIndex.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final IndexCoverage coverage;

	private final LineIndexer lines;

	private final Map<String, FileStamp> synced = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> syncCounts = new ConcurrentHashMap<>();

	/**
	 * Each repository's chains as indexed; read and changed under the repository's lock.
	 */
	private final Map<String, SupersessionChains> chains = new ConcurrentHashMap<>();

	LearningIndex(JdbcTemplate jdbc, TransactionTemplate transactions, IndexCoverage coverage, LineIndexer lines) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.coverage = coverage;
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
		boolean rebuild = forceRebuild || state.indexedBytes() > stamp.size()
				|| state.analysisVersion() != TextAnalysis.VERSION || !IndexCoverage.matches(file, state)
				|| (!appendedTo(this.synced.get(repo.name()), stamp)
						&& !this.coverage.matchesWhole(repo.name(), file, state));
		IndexCoverage.State from = rebuild ? IndexCoverage.State.EMPTY : state;
		SyncReport report;
		try {
			report = this.transactions.execute((status) -> {
				try {
					return index(repo, file, from, rebuild);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			this.chains.remove(repo.name());
			this.coverage.forget(repo.name());
			throw ex.getCause();
		}
		catch (RuntimeException ex) {
			this.chains.remove(repo.name());
			this.coverage.forget(repo.name());
			throw ex;
		}
		this.syncCounts.computeIfAbsent(repo.name(), (name) -> new AtomicLong()).incrementAndGet();
		if (rebuild) {
			this.generations.computeIfAbsent(repo.name(), (name) -> new AtomicLong()).incrementAndGet();
			if (state.indexedBytes() > 0) {
				log.info("Re-indexed {} whole: the file was rewritten or truncated since the last sync", file);
			}
		}
		this.synced.put(repo.name(), stamp);
		return report;
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

	private SyncReport index(Repo repo, Path file, IndexCoverage.State from, boolean rebuild) throws IOException {
		String name = repo.name();
		if (rebuild) {
			this.jdbc.update("DELETE FROM learning_row WHERE repo = ?", name);
			this.jdbc.update("DELETE FROM malformed_line WHERE repo = ?", name);
			this.chains.put(name, new SupersessionChains());
		}
		SupersessionChains repoChains = chainsOf(name);
		LineIndexer.Indexed indexed = this.lines.index(name, file, from.indexedBytes(), from.nextLine(), repoChains);
		updateSupersededBy(name, repoChains, indexed.supersessionsChanged());
		this.coverage.save(name, file, from.indexedBytes(), indexed.end().endOffset(), indexed.end().nextLineNumber());
		return new SyncReport(rebuild, indexed.rows(), indexed.malformed(), indexed.end().tornBytes());
	}

	/** Rows and malformed lines the index holds for a repository. */
	record Counts(long rows, long malformed) {
	}

	Counts counts(String repo) {
		Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM learning_row WHERE repo = ?", Long.class, repo);
		Long malformed = this.jdbc.queryForObject("SELECT COUNT(*) FROM malformed_line WHERE repo = ?", Long.class,
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
				"SELECT line_no, reason FROM malformed_line WHERE repo = ? AND reason LIKE 'row could not be analysed%'",
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
		List<String> ids = this.jdbc.queryForList(
				"SELECT id FROM learning_row WHERE repo = ? AND duplicate_key = ? ORDER BY line_no LIMIT 1",
				String.class, repo, duplicateKey);
		return ids.isEmpty() ? null : ids.get(0);
	}

	/** The id of an indexed row with this fingerprint, if any. */
	@Nullable
	public String idByFingerprint(String repo, String fingerprint) {
		List<String> ids = this.jdbc.queryForList(
				"SELECT id FROM learning_row WHERE repo = ? AND fingerprint = ? ORDER BY line_no LIMIT 1", String.class,
				repo, fingerprint);
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
					"SELECT line_no, id, supersedes_id, status FROM learning_row WHERE repo = ? ORDER BY line_no",
					(RowCallbackHandler) (rs) -> loaded.add(rs.getLong(1), rs.getString(2), rs.getString(3),
							CanonicalFormat.WITHDRAWN.equals(rs.getString(4))),
					name);
			return loaded;
		});
	}

	/**
	 * Writes the {@code superseded_by} column (ids of superseding rows, comma-separated,
	 * in file order) of every row whose id is in {@code ids}.
	 */
	private void updateSupersededBy(String repo, SupersessionChains chains, Set<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		List<Object[]> updates = new ArrayList<>(ids.size());
		for (String id : ids) {
			String supersededBy = String.join(",",
					chains.superseders(id).stream().map(SupersessionChains.Link::id).toList());
			updates.add(new Object[] { supersededBy, repo, id });
		}
		this.jdbc.batchUpdate("UPDATE learning_row SET superseded_by = ? WHERE repo = ? AND id = ?", updates);
	}

	public boolean containsId(String repo, String id) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM learning_row WHERE repo = ? AND id = ?", Long.class,
				repo, id);
		return count != null && count > 0;
	}

	/**
	 * Digest over the indexed rows' line numbers and text, in line order; see
	 * {@link FileDigest}.
	 */
	String rowsDigest(String repo) {
		FileDigest digest = new FileDigest();
		this.jdbc.query("SELECT line_no, raw FROM learning_row WHERE repo = ? ORDER BY line_no",
				(RowCallbackHandler) (rs) -> digest.add(rs.getLong(1), rs.getString(2)), repo);
		return digest.hex();
	}

}

package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.teamlearnings.learnings.analysis.TermVector;
import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.FileDigest;
import io.teamlearnings.learnings.jsonl.FileStamp;
import io.teamlearnings.learnings.jsonl.JsonlScanner;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.jsonl.LineParser;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.system.Sha256;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mirrors a repository's {@code .learnings.jsonl} into H2. Lines appended since the last
 * sync are indexed incrementally; a file that was truncated or rewritten (its first or
 * last indexed bytes differ) is re-indexed whole. Each sync is one transaction, so
 * readers see the index before or after it, never half-way. Callers hold the repository's
 * lock.
 */
@Component
public class LearningIndex {

	private static final Logger log = LoggerFactory.getLogger(LearningIndex.class);

	private static final int HASH_WINDOW = 4096;

	private static final int BATCH_SIZE = 500;

	/** Threads that parse and analyse lines while a sync inserts them. */
	private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

	private static final String INSERT_ROW = """
			INSERT INTO learning_row (repo, line_no, byte_offset, id, captured_at, captured_ts, status, learning,
			    application, evidence, source, fingerprint, tags, context_repo, branch, paths, related_ids,
			    supersedes_id, raw, terms, field_lengths)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String INSERT_MALFORMED = "INSERT INTO malformed_line (repo, line_no, byte_offset, reason) VALUES (?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final LineParser parser;

	private final TextAnalysis analysis;

	private final Map<String, FileStamp> synced = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> syncCounts = new ConcurrentHashMap<>();

	/**
	 * Each repository's chains as indexed; read and changed under the repository's lock.
	 */
	private final Map<String, SupersessionChains> chains = new ConcurrentHashMap<>();

	private final ThreadPoolTaskExecutor workers;

	LearningIndex(JdbcTemplate jdbc, TransactionTemplate transactions, LineParser parser, TextAnalysis analysis,
			ThreadPoolTaskExecutorBuilder executors) {
		this.workers = executors.corePoolSize(WORKERS).maxPoolSize(WORKERS).threadNamePrefix("index-analysis-").build();
		this.workers.initialize();
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.parser = parser;
		this.analysis = analysis;
	}

	/**
	 * Where the index of a repository stands.
	 *
	 * @param indexedBytes bytes of the file the index covers (whole lines)
	 * @param nextLine number of the next line to index
	 * @param headSha256 digest of the first indexed bytes
	 * @param tailSha256 digest of the last indexed bytes
	 */
	public record State(long indexedBytes, long nextLine, String headSha256, String tailSha256, int analysisVersion) {

		static final State EMPTY = new State(0, 1, "", "", TextAnalysis.VERSION);

	}

	/**
	 * What one sync did.
	 *
	 * @param rebuilt whether the whole file was indexed anew
	 * @param rowsAdded rows indexed
	 * @param malformedAdded malformed lines recorded
	 * @param tornBytes bytes after the last newline, left for a later sync
	 */
	record SyncReport(boolean rebuilt, long rowsAdded, long malformedAdded, long tornBytes) {
	}

	/** Whether the file looks unchanged since the last sync (one {@code stat}). */
	public boolean isCurrent(Repo repo) throws IOException {
		return FileStamp.of(repo.storeFile()).equals(this.synced.get(repo.name()));
	}

	/**
	 * Changes each time a repository's index is rebuilt, so caches derived from it know
	 * to reload.
	 */
	public long generation(Repo repo) {
		return this.generations.computeIfAbsent(repo.name(), (name) -> new AtomicLong()).get();
	}

	/**
	 * Changes each time a sync of a repository commits, so readers of the index can tell
	 * cheaply that nothing was added since they last looked.
	 */
	public long syncs(Repo repo) {
		return this.syncCounts.computeIfAbsent(repo.name(), (name) -> new AtomicLong()).get();
	}

	/** Brings the index of {@code repo} up to date with its file. */
	public SyncReport sync(Repo repo) throws IOException {
		return sync(repo, false);
	}

	/** Drops the index of {@code repo} and indexes its whole file again. */
	public SyncReport rebuild(Repo repo) throws IOException {
		return sync(repo, true);
	}

	private SyncReport sync(Repo repo, boolean forceRebuild) throws IOException {
		Path file = repo.storeFile();
		FileStamp stamp = FileStamp.of(file);
		State state = state(repo.name());
		boolean rebuild = forceRebuild || state.indexedBytes() > stamp.size()
				|| state.analysisVersion() != TextAnalysis.VERSION || !matches(file, state);
		State from = rebuild ? State.EMPTY : state;
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
			throw ex.getCause();
		}
		catch (RuntimeException ex) {
			this.chains.remove(repo.name());
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

	private SyncReport index(Repo repo, Path file, State from, boolean rebuild) throws IOException {
		String name = repo.name();
		if (rebuild) {
			this.jdbc.update("DELETE FROM learning_row WHERE repo = ?", name);
			this.jdbc.update("DELETE FROM malformed_line WHERE repo = ?", name);
			this.chains.put(name, new SupersessionChains());
		}
		Analysed analysed = new Analysed(name, chainsOf(name));
		List<JsonlScanner.RawLine> chunk = new ArrayList<>(BATCH_SIZE);
		JsonlScanner.ScanEnd end = JsonlScanner.scan(file, from.indexedBytes(), from.nextLine(), (line) -> {
			chunk.add(line);
			if (chunk.size() == BATCH_SIZE) {
				List<JsonlScanner.RawLine> full = List.copyOf(chunk);
				chunk.clear();
				analysed.submit(this.workers.submit(() -> prepare(name, file, full)));
			}
		});
		if (!chunk.isEmpty()) {
			analysed.submit(CompletableFuture.completedFuture(prepare(name, file, chunk)));
		}
		analysed.drain(0);
		updateSupersededBy(name, analysed.chains, analysed.supersessionsChanged);
		long[] counts = { analysed.rows, analysed.malformed.size() };
		if (!analysed.malformed.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_MALFORMED, analysed.malformed);
		}
		saveState(name, new State(end.endOffset(), end.nextLineNumber(), digest(file, 0, end.endOffset()),
				digest(file, Math.max(0, end.endOffset() - HASH_WINDOW), end.endOffset()), TextAnalysis.VERSION));
		return new SyncReport(rebuild, counts[0], counts[1], end.tornBytes());
	}

	/**
	 * Chunks of lines parsed and analysed on worker threads while this thread inserts the
	 * chunks before them, in file order; at most a few chunks are in flight, so memory
	 * does not grow with the file.
	 */
	private final class Analysed {

		private final String repo;

		private final Deque<Future<Prepared>> inFlight = new ArrayDeque<>();

		private final List<Object[]> malformed = new ArrayList<>();

		private final SupersessionChains chains;

		/** Ids whose superseding rows changed in this sync. */
		private final Set<String> supersessionsChanged = new HashSet<>();

		private long rows;

		Analysed(String repo, SupersessionChains chains) {
			this.repo = repo;
			this.chains = chains;
		}

		void submit(Future<Prepared> chunk) {
			this.inFlight.add(chunk);
			drain(2 * WORKERS);
		}

		/**
		 * Inserts finished chunks, in order, until at most {@code left} are in flight.
		 */
		void drain(int left) {
			while (this.inFlight.size() > left) {
				Prepared prepared;
				try {
					prepared = this.inFlight.poll().get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					this.inFlight.forEach((future) -> future.cancel(true));
					throw new IllegalStateException("Interrupted while indexing " + this.repo, ex);
				}
				catch (ExecutionException ex) {
					this.inFlight.forEach((future) -> future.cancel(true));
					if (ex.getCause() instanceof RuntimeException cause) {
						throw cause;
					}
					throw new IllegalStateException("Could not analyse rows of " + this.repo, ex.getCause());
				}
				if (!prepared.rows().isEmpty()) {
					LearningIndex.this.jdbc.batchUpdate(INSERT_ROW, prepared.rows());
				}
				for (Object[] row : prepared.rows()) {
					String id = (String) row[3];
					String target = this.chains.add((Long) row[1], id, (String) row[17],
							CanonicalFormat.WITHDRAWN.equals(row[6]));
					if (target != null) {
						this.supersessionsChanged.add(target);
					}
					if (this.chains.isSuperseded(id)) {
						this.supersessionsChanged.add(id);
					}
				}
				this.rows += prepared.rows().size();
				this.malformed.addAll(prepared.malformed());
			}
		}

	}

	/** One chunk of lines, parsed and analysed, ready to insert. */
	private record Prepared(List<Object[]> rows, List<Object[]> malformed) {
	}

	private Prepared prepare(String repo, Path file, List<JsonlScanner.RawLine> lines) {
		List<Object[]> rows = new ArrayList<>(lines.size());
		List<Object[]> malformed = new ArrayList<>();
		for (JsonlScanner.RawLine line : lines) {
			LineParser.ParsedLine parsed = this.parser.parse(line.bytes());
			if (parsed instanceof LineParser.Row row) {
				rows.add(rowParameters(repo, line, row.row()));
			}
			else if (parsed instanceof LineParser.Malformed bad) {
				log.warn("{} line {} is malformed and is not indexed: {}", file, line.number(), bad.reason());
				malformed.add(new Object[] { repo, line.number(), line.offset(), bad.reason() });
			}
		}
		return new Prepared(rows, malformed);
	}

	@PreDestroy
	void stopWorkers() {
		this.workers.shutdown();
	}

	private Object[] rowParameters(String repo, JsonlScanner.RawLine line, LearningRow row) {
		Instant captured = row.capturedInstant();
		TermVector.Encoded terms = TermVector.encode(row, this.analysis);
		return new Object[] { repo, line.number(), line.offset(), row.id(), row.capturedAt(),
				(captured != null) ? OffsetDateTime.ofInstant(captured, ZoneOffset.UTC) : null, row.status(),
				row.learning(), row.application(), String.join("\n", row.evidence()), row.source(), row.fingerprint(),
				tagColumn(row.tags()), row.contextRepo(), row.branch(), String.join("\n", row.paths()),
				String.join(",", row.relatedIds()), row.supersedesId(), row.raw(), terms.entries(), terms.lengths() };
	}

	/**
	 * Tags as {@code ,a,b,}, normalised, so one tag is found with {@code LIKE '%,a,%'}.
	 */
	static String tagColumn(List<String> tags) {
		List<String> normalized = CanonicalFormat.normalizeTags(tags);
		return normalized.isEmpty() ? "" : "," + String.join(",", normalized) + ",";
	}

	public State state(String repo) {
		List<State> states = this.jdbc.query(
				"SELECT indexed_bytes, next_line, head_sha256, tail_sha256, analysis_version FROM index_state"
						+ " WHERE repo = ?",
				(rs, i) -> new State(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
				repo);
		return states.isEmpty() ? State.EMPTY : states.get(0);
	}

	private void saveState(String repo, State state) {
		this.jdbc.update("""
				MERGE INTO index_state (repo, indexed_bytes, next_line, head_sha256, tail_sha256, analysis_version,
				    updated_at)
				KEY (repo) VALUES (?, ?, ?, ?, ?, ?, ?)""", repo, state.indexedBytes(), state.nextLine(),
				state.headSha256(), state.tailSha256(), state.analysisVersion(), OffsetDateTime.now(ZoneOffset.UTC));
	}

	private static boolean matches(Path file, State state) throws IOException {
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

	/** Rows and malformed lines the index holds for a repository. */
	record Counts(long rows, long malformed) {
	}

	Counts counts(String repo) {
		Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM learning_row WHERE repo = ?", Long.class, repo);
		Long malformed = this.jdbc.queryForObject("SELECT COUNT(*) FROM malformed_line WHERE repo = ?", Long.class,
				repo);
		return new Counts((rows != null) ? rows : 0, (malformed != null) ? malformed : 0);
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

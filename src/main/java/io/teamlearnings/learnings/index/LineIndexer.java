package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.teamlearnings.learnings.analysis.TermVector;
import io.teamlearnings.learnings.analysis.TermsAhead;
import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.JsonlScanner;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.jsonl.LineParser;
import io.teamlearnings.system.Sha256;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes the lines of a canonical file from an offset on, into one generation of the
 * index: chunks of lines are parsed and analysed on worker threads (one per core) while
 * the calling thread inserts the chunks before them, in file order, each chunk in a
 * transaction of its own. At most a few chunks are in flight, so memory does not grow
 * with the file, and no transaction does either. Malformed lines are recorded with their
 * reason.
 * <p>
 * No value of a row can stop the indexing of the others (field report case A): columns
 * have no length limit (migration V7), a capture time outside what the index can hold is
 * kept as text only, and a row whose values cannot be analysed is recorded as malformed
 * with a reason that names no SQL, while every other row is indexed. A failure of the
 * database itself fails the sync (see IndexSync), never a row.
 */
@Component
class LineIndexer {

	private static final Logger log = LoggerFactory.getLogger(LineIndexer.class);

	/** Most lines in a chunk: the unit of work of a worker and of a transaction. */
	static final int CHUNK_LINES = 500;

	/** A chunk ends early once its lines hold this many bytes. */
	private static final int CHUNK_BYTES = 1 << 20;

	/** Threads that parse and analyse lines while a sync inserts them. */
	private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

	private static final String INSERT_ROW = """
			INSERT INTO indexed_row (generation, repo, line_no, byte_offset, byte_length, line_sha256, id,
			    captured_ts, status, learning, application, evidence, fingerprint, tags, paths, related_ids,
			    supersedes_id, duplicate_hash, terms, field_lengths)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String INSERT_MALFORMED = "INSERT INTO indexed_malformed (generation, repo, line_no, byte_offset, reason) VALUES (?, ?, ?, ?, ?)";

	private static final String UPDATE_SUPERSEDED_BY = "UPDATE indexed_row SET superseded_by = ? WHERE generation = ? AND id = ?";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final LineParser parser;

	private final ThreadPoolTaskExecutor workers;

	private final TermsAhead ahead;

	LineIndexer(JdbcTemplate jdbc, TransactionTemplate transactions, LineParser parser,
			ThreadPoolTaskExecutorBuilder executors, TermsAhead ahead) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.parser = parser;
		this.ahead = ahead;
		this.workers = executors.corePoolSize(WORKERS).maxPoolSize(WORKERS).threadNamePrefix("index-analysis-").build();
		this.workers.initialize();
	}

	/**
	 * What indexing some lines did.
	 *
	 * @param rows rows inserted
	 * @param malformed malformed lines recorded
	 * @param end where the scan ended (the last complete line)
	 * @param covered the digest the sync started with, carried on over every line indexed
	 */
	record Indexed(long rows, long malformed, JsonlScanner.ScanEnd end, MessageDigest covered) {
	}

	/** What a sync records in the transaction of each chunk, after its rows. */
	@FunctionalInterface
	interface Progress {

		/**
		 * @param end offset just past the chunk's last line
		 * @param nextLine number of the line after it
		 * @param covered SHA-256 of the file's bytes before {@code end}
		 * @throws IOException if the file cannot be read
		 */
		void committed(long end, long nextLine, MessageDigest covered) throws IOException;

	}

	/**
	 * Indexes every complete line of {@code file} from {@code offset} (line number
	 * {@code line}) into {@code generation}, and adds the rows to {@code chains}. Each
	 * chunk's rows, malformed lines, changed {@code superseded_by} columns and
	 * {@code progress} commit together.
	 * @param covered SHA-256 of the file's bytes before {@code offset}, carried on over
	 * each line as it is indexed
	 */
	Indexed index(String repo, long generation, Path file, long offset, long line, MessageDigest covered,
			SupersessionChains chains, Progress progress) throws IOException {
		long[] counts = new long[2];
		JsonlScanner.ScanEnd end;
		try (RepeatedTexts analysis = new RepeatedTexts(this.ahead)) {
			end = inOrder(file, offset, line, (lines) -> prepare(file, lines, analysis), (lines, prepared) -> {
				commit(repo, generation, lines, prepared, covered, chains, progress);
				counts[0] += prepared.rows().size();
				counts[1] += prepared.malformed().size();
			});
		}
		return new Indexed(counts[0], counts[1], end, covered);
	}

	/**
	 * Carries {@code covered} on over a chunk's lines, then commits its rows, malformed
	 * lines, changed {@code superseded_by} columns and {@code progress} in one
	 * transaction.
	 */
	private void commit(String repo, long generation, List<JsonlScanner.RawLine> lines, Prepared prepared,
			MessageDigest covered, SupersessionChains chains, Progress progress) {
		for (JsonlScanner.RawLine raw : lines) {
			covered.update(raw.bytes());
			covered.update((byte) '\n');
		}
		JsonlScanner.RawLine last = lines.get(lines.size() - 1);
		this.transactions.executeWithoutResult((status) -> {
			insertRows(repo, generation, prepared.rows());
			insertMalformed(repo, generation, prepared.malformed());
			updateSupersededBy(generation, chains, prepared.rows());
			try {
				progress.committed(last.offset() + last.bytes().length + 1, last.number() + 1, covered);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		log.debug("Indexed lines {} to {} of {} into generation {}", lines.get(0).number(), last.number(), repo,
				generation);
	}

	/**
	 * What is done with each chunk of lines, in file order, on the calling thread.
	 *
	 * @param <T> what the chunk was prepared into
	 */
	@FunctionalInterface
	interface ChunkConsumer<T> {

		/**
		 * @param lines the chunk's lines
		 * @param prepared what the workers made of them
		 * @throws IOException if the file cannot be read
		 */
		void accept(List<JsonlScanner.RawLine> lines, T prepared) throws IOException;

	}

	/**
	 * Reads the complete lines of {@code file} from {@code offset} in chunks, has each
	 * chunk prepared on the worker threads, and hands the chunks to {@code consume} on
	 * the calling thread in file order, with at most a few in flight.
	 * @param <T> what a chunk is prepared into
	 * @param prepare what a worker makes of a chunk's lines; must not touch the database
	 * @param consume what is done with each prepared chunk, in order
	 * @return where the scan ended
	 * @throws IOException if the file cannot be read
	 */
	<T> JsonlScanner.ScanEnd inOrder(Path file, long offset, long line, Function<List<JsonlScanner.RawLine>, T> prepare,
			ChunkConsumer<T> consume) throws IOException {
		Pipeline<T> pipeline = new Pipeline<>(prepare, consume);
		try {
			JsonlScanner.ScanEnd end = JsonlScanner.scan(file, offset, line, pipeline::add);
			pipeline.finish();
			return end;
		}
		catch (UncheckedIOException ex) {
			pipeline.cancel();
			throw ex.getCause();
		}
		catch (RuntimeException ex) {
			pipeline.cancel();
			throw ex;
		}
	}

	/** Chunks in flight, consumed in file order as they finish. */
	private final class Pipeline<T> {

		private final Function<List<JsonlScanner.RawLine>, T> prepare;

		private final ChunkConsumer<T> consume;

		private final Deque<InFlight<T>> inFlight = new ArrayDeque<>();

		private List<JsonlScanner.RawLine> chunk = new ArrayList<>();

		private long chunkBytes;

		Pipeline(Function<List<JsonlScanner.RawLine>, T> prepare, ChunkConsumer<T> consume) {
			this.prepare = prepare;
			this.consume = consume;
		}

		void add(JsonlScanner.RawLine line) {
			this.chunk.add(line);
			this.chunkBytes += line.bytes().length;
			if (this.chunk.size() == CHUNK_LINES || this.chunkBytes >= CHUNK_BYTES) {
				List<JsonlScanner.RawLine> full = this.chunk;
				this.chunk = new ArrayList<>();
				this.chunkBytes = 0;
				this.inFlight
					.add(new InFlight<>(full, LineIndexer.this.workers.submit(() -> this.prepare.apply(full))));
				drain(2 * WORKERS);
			}
		}

		void finish() {
			if (!this.chunk.isEmpty()) {
				List<JsonlScanner.RawLine> last = this.chunk;
				this.chunk = new ArrayList<>();
				this.inFlight.add(new InFlight<>(last, CompletableFuture.completedFuture(this.prepare.apply(last))));
			}
			drain(0);
		}

		/**
		 * Consumes finished chunks, in order, until at most {@code left} are in flight.
		 */
		private void drain(int left) {
			while (this.inFlight.size() > left) {
				InFlight<T> next = this.inFlight.poll();
				T prepared;
				try {
					prepared = next.result().get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while reading lines", ex);
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof RuntimeException cause) {
						throw cause;
					}
					throw new IllegalStateException("Could not prepare lines", ex.getCause());
				}
				try {
					this.consume.accept(next.lines(), prepared);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		void cancel() {
			this.inFlight.forEach((chunk) -> chunk.result().cancel(true));
			this.inFlight.clear();
		}

	}

	/** A chunk of lines and what a worker is making of it. */
	private record InFlight<T>(List<JsonlScanner.RawLine> lines, Future<T> result) {
	}

	/** One chunk of lines, parsed and analysed, ready to insert. */
	private record Prepared(List<RowValues> rows, List<MalformedLine> malformed) {
	}

	/** A line that is not a row, and why. */
	private record MalformedLine(long line, long offset, String reason) {
	}

	/** The columns of one row as inserted. */
	private record RowValues(long line, long offset, int length, byte[] sha256, String id,
			@Nullable OffsetDateTime captured, String status, String learning, String application, String evidence,
			String fingerprint, String tags, String paths, String relatedIds, @Nullable String supersedesId,
			int duplicateHash, String terms, String fieldLengths) {

		boolean withdrawal() {
			return CanonicalFormat.WITHDRAWN.equals(this.status);
		}

	}

	private Prepared prepare(Path file, List<JsonlScanner.RawLine> lines, TextAnalysis analysis) {
		List<RowValues> rows = new ArrayList<>(lines.size());
		List<MalformedLine> malformed = new ArrayList<>();
		for (JsonlScanner.RawLine line : lines) {
			LineParser.ParsedLine parsed = this.parser.parse(line.bytes());
			if (parsed instanceof LineParser.Row row) {
				try {
					rows.add(rowValues(line, row.row(), analysis));
				}
				catch (RuntimeException ex) {
					log.warn("{} line {} could not be analysed and is not indexed", file, line.number(), ex);
					malformed.add(new MalformedLine(line.number(), line.offset(),
							"row could not be analysed (" + ex.getClass().getSimpleName() + ")"));
				}
			}
			else if (parsed instanceof LineParser.Malformed bad) {
				log.warn("{} line {} is malformed and is not indexed: {}", file, line.number(), bad.reason());
				malformed.add(new MalformedLine(line.number(), line.offset(), bad.reason()));
			}
		}
		return new Prepared(rows, malformed);
	}

	private static RowValues rowValues(JsonlScanner.RawLine line, LearningRow row, TextAnalysis analysis) {
		Instant captured = row.capturedInstant();
		TermVector.Encoded terms = TermVector.encode(row, analysis);
		RowValues values = new RowValues(line.number(), line.offset(), line.bytes().length,
				Sha256.digest().digest(line.bytes()), row.id(),
				(captured != null) ? OffsetDateTime.ofInstant(captured, ZoneOffset.UTC) : null, row.status(),
				row.learning(), row.application(), String.join("\n", row.evidence()), row.fingerprint(),
				tagColumn(row.tags()), String.join("\n", row.paths()), String.join(",", row.relatedIds()),
				row.supersedesId(), CanonicalFormat.duplicateKey(row.status(), row.learning()).hashCode(),
				terms.entries(), terms.lengths());
		hashStrings(values);
		return values;
	}

	/**
	 * The text analysis of one sync, remembering the terms of texts that come back: a
	 * row's context (repository, branch and paths) and its tags mostly repeat those of
	 * rows before it, and took a third of the analysis of a generated corpus. A text is
	 * remembered the second time it is analysed, so that the texts of one row alone
	 * (learning, application, evidence) are not, up to {@value #REMEMBERED} texts: memory
	 * does not grow with the file. The terms are those {@link TextAnalysis} gives, so the
	 * stored terms are the same (TermVector asks for each field's terms through
	 * {@link #terms}). A text a writer analysed ahead ({@link TermsAhead}) is not
	 * analysed again.
	 */
	static final class RepeatedTexts extends TextAnalysis {

		static final int REMEMBERED = 4096;

		/**
		 * Hashes of texts analysed once, by the low bits of the hash; written by several
		 * workers without a lock, which at worst remembers a text one sighting late.
		 */
		private final int[] seen = new int[2 * REMEMBERED];

		private final Map<String, List<String>> remembered = new ConcurrentHashMap<>();

		private final TermsAhead ahead;

		RepeatedTexts(TermsAhead ahead) {
			this.ahead = ahead;
		}

		@Override
		public List<String> terms(String text) {
			List<String> known = this.remembered.get(text);
			if (known != null) {
				return known;
			}
			List<String> analysed = this.ahead.take(text);
			List<String> terms = (analysed != null) ? analysed : super.terms(text);
			int hash = text.hashCode();
			int slot = hash & (this.seen.length - 1);
			if (this.seen[slot] != hash) {
				this.seen[slot] = hash;
			}
			else if (this.remembered.size() < REMEMBERED) {
				this.remembered.put(text, List.copyOf(terms));
			}
			return terms;
		}

	}

	/**
	 * Computes the hash of every string value here, on the worker: H2 hashes each string
	 * it is given (for its value cache), and a string keeps its hash once computed, so
	 * the inserting thread, which all workers wait for, does not.
	 */
	private static void hashStrings(RowValues values) {
		for (String value : new String[] { values.id(), values.status(), values.learning(), values.application(),
				values.evidence(), values.fingerprint(), values.tags(), values.paths(), values.relatedIds(),
				values.terms(), values.fieldLengths() }) {
			value.hashCode();
		}
	}

	/**
	 * Tags as {@code ,a,b,}, normalised, so one tag is found with {@code LIKE '%,a,%'}.
	 */
	static String tagColumn(List<String> tags) {
		List<String> normalized = CanonicalFormat.normalizeTags(tags);
		return normalized.isEmpty() ? "" : "," + String.join(",", normalized) + ",";
	}

	private void insertRows(String repo, long generation, List<RowValues> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(INSERT_ROW, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement statement, int i) throws SQLException {
				RowValues row = rows.get(i);
				statement.setLong(1, generation);
				statement.setString(2, repo);
				statement.setLong(3, row.line());
				statement.setLong(4, row.offset());
				statement.setInt(5, row.length());
				statement.setBytes(6, row.sha256());
				statement.setString(7, row.id());
				statement.setObject(8, row.captured(), Types.TIMESTAMP_WITH_TIMEZONE);
				statement.setString(9, row.status());
				statement.setString(10, row.learning());
				statement.setString(11, row.application());
				statement.setString(12, row.evidence());
				statement.setString(13, row.fingerprint());
				statement.setString(14, row.tags());
				statement.setString(15, row.paths());
				statement.setString(16, row.relatedIds());
				statement.setString(17, row.supersedesId());
				statement.setInt(18, row.duplicateHash());
				statement.setString(19, row.terms());
				statement.setString(20, row.fieldLengths());
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}

		});
	}

	private void insertMalformed(String repo, long generation, List<MalformedLine> malformed) {
		if (!malformed.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_MALFORMED,
					malformed.stream()
						.map((bad) -> new Object[] { generation, repo, bad.line(), bad.offset(), bad.reason() })
						.toList());
		}
	}

	/**
	 * Adds a chunk's rows to the chains, in order, then writes the {@code superseded_by}
	 * column (ids of the superseding rows, comma-separated, in file order) of every row
	 * whose superseding rows changed.
	 */
	private void updateSupersededBy(long generation, SupersessionChains chains, List<RowValues> rows) {
		Set<String> changed = new LinkedHashSet<>();
		for (RowValues row : rows) {
			String target = chains.add(row.line(), row.id(), row.supersedesId(), row.withdrawal());
			if (target != null) {
				changed.add(target);
			}
			if (chains.isSuperseded(row.id())) {
				changed.add(row.id());
			}
		}
		if (changed.isEmpty()) {
			return;
		}
		List<Object[]> updates = new ArrayList<>(changed.size());
		for (String id : changed) {
			String supersededBy = String.join(",",
					chains.superseders(id).stream().map(SupersessionChains.Link::id).toList());
			updates.add(new Object[] { supersededBy, generation, id });
		}
		this.jdbc.batchUpdate(UPDATE_SUPERSEDED_BY, updates);
	}

	@PreDestroy
	void stopWorkers() {
		this.workers.shutdown();
	}

}

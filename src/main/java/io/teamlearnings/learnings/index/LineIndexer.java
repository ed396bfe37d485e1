package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.teamlearnings.learnings.analysis.TermVector;
import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.JsonlScanner;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.jsonl.LineParser;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Indexes the lines of a canonical file from an offset on: chunks of lines are parsed and
 * analysed on worker threads while the calling thread inserts the chunks before them, in
 * file order, into the caller's transaction. At most a few chunks are in flight, so
 * memory does not grow with the file. Malformed lines are recorded with their reason.
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

	private static final int CHUNK_SIZE = 500;

	/** Threads that parse and analyse lines while a sync inserts them. */
	private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

	private static final String INSERT_ROW = """
			INSERT INTO learning_row (repo, line_no, byte_offset, id, captured_at, captured_ts, status, learning,
			    application, evidence, source, fingerprint, tags, context_repo, branch, paths, related_ids,
			    supersedes_id, raw, terms, field_lengths, duplicate_key)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String INSERT_MALFORMED = "INSERT INTO malformed_line (repo, line_no, byte_offset, reason) VALUES (?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final LineParser parser;

	private final TextAnalysis analysis;

	private final ThreadPoolTaskExecutor workers;

	LineIndexer(JdbcTemplate jdbc, LineParser parser, TextAnalysis analysis, ThreadPoolTaskExecutorBuilder executors) {
		this.jdbc = jdbc;
		this.parser = parser;
		this.analysis = analysis;
		this.workers = executors.corePoolSize(WORKERS).maxPoolSize(WORKERS).threadNamePrefix("index-analysis-").build();
		this.workers.initialize();
	}

	/**
	 * What indexing some lines did.
	 *
	 * @param rows rows inserted
	 * @param malformed malformed lines recorded
	 * @param end where the scan ended (the last complete line)
	 * @param supersessionsChanged ids whose superseding rows changed
	 */
	record Indexed(long rows, long malformed, JsonlScanner.ScanEnd end, Set<String> supersessionsChanged) {
	}

	/**
	 * Indexes every complete line of {@code file} from {@code offset} (line number
	 * {@code line}) and adds the rows to {@code chains}.
	 */
	Indexed index(String repo, Path file, long offset, long line, SupersessionChains chains) throws IOException {
		InOrder inOrder = new InOrder(repo, chains);
		List<JsonlScanner.RawLine> chunk = new ArrayList<>(CHUNK_SIZE);
		JsonlScanner.ScanEnd end = JsonlScanner.scan(file, offset, line, (raw) -> {
			chunk.add(raw);
			if (chunk.size() == CHUNK_SIZE) {
				List<JsonlScanner.RawLine> full = List.copyOf(chunk);
				chunk.clear();
				inOrder.submit(this.workers.submit(() -> prepare(repo, file, full)));
			}
		});
		if (!chunk.isEmpty()) {
			inOrder.submit(CompletableFuture.completedFuture(prepare(repo, file, chunk)));
		}
		inOrder.drain(0);
		if (!inOrder.malformed.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_MALFORMED, inOrder.malformed);
		}
		return new Indexed(inOrder.rows, inOrder.malformed.size(), end, inOrder.supersessionsChanged);
	}

	/** Chunks in flight, inserted in file order as they finish. */
	private final class InOrder {

		private final String repo;

		private final SupersessionChains chains;

		private final Deque<Future<Prepared>> inFlight = new ArrayDeque<>();

		private final List<Object[]> malformed = new ArrayList<>();

		private final Set<String> supersessionsChanged = new HashSet<>();

		private long rows;

		InOrder(String repo, SupersessionChains chains) {
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
				this.malformed.addAll(prepared.malformed());
				List<Object[]> inserted = insert(prepared.rows());
				for (Object[] row : inserted) {
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
				this.rows += inserted.size();
			}
		}

		/** Inserts a chunk's rows in one batch. */
		private List<Object[]> insert(List<Object[]> rows) {
			if (!rows.isEmpty()) {
				LineIndexer.this.jdbc.batchUpdate(INSERT_ROW, rows);
			}
			return rows;
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
				try {
					rows.add(rowParameters(repo, line, row.row()));
				}
				catch (RuntimeException ex) {
					log.warn("{} line {} could not be analysed and is not indexed", file, line.number(), ex);
					malformed.add(new Object[] { repo, line.number(), line.offset(),
							"row could not be analysed (" + ex.getClass().getSimpleName() + ")" });
				}
			}
			else if (parsed instanceof LineParser.Malformed bad) {
				log.warn("{} line {} is malformed and is not indexed: {}", file, line.number(), bad.reason());
				malformed.add(new Object[] { repo, line.number(), line.offset(), bad.reason() });
			}
		}
		return new Prepared(rows, malformed);
	}

	private Object[] rowParameters(String repo, JsonlScanner.RawLine line, LearningRow row) {
		Instant captured = row.capturedInstant();
		TermVector.Encoded terms = TermVector.encode(row, this.analysis);
		return new Object[] { repo, line.number(), line.offset(), row.id(), row.capturedAt(),
				(captured != null) ? OffsetDateTime.ofInstant(captured, ZoneOffset.UTC) : null, row.status(),
				row.learning(), row.application(), String.join("\n", row.evidence()), row.source(), row.fingerprint(),
				tagColumn(row.tags()), row.contextRepo(), row.branch(), String.join("\n", row.paths()),
				String.join(",", row.relatedIds()), row.supersedesId(), row.raw(), terms.entries(), terms.lengths(),
				CanonicalFormat.duplicateKey(row.status(), row.learning()) };
	}

	/**
	 * Tags as {@code ,a,b,}, normalised, so one tag is found with {@code LIKE '%,a,%'}.
	 */
	static String tagColumn(List<String> tags) {
		List<String> normalized = CanonicalFormat.normalizeTags(tags);
		return normalized.isEmpty() ? "" : "," + String.join(",", normalized) + ",";
	}

	@PreDestroy
	void stopWorkers() {
		this.workers.shutdown();
	}

}

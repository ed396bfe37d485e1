package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.teamlearnings.learnings.analysis.TermVector;
import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.learnings.index.SupersessionChains;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.CrossCloneDuplicates;
import io.teamlearnings.repos.Repo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The index's rows of each repository as an in-memory inverted index, for ranked recall,
 * similarity and themes. It is loaded from H2 (the analysed terms stored with each row),
 * a page of rows at a time, never from the JSONL, and follows the index: rows indexed
 * since the last look are added, and a rebuilt index is loaded anew. A cross-clone
 * duplicate ({@link CrossCloneDuplicates}: a later row with an earlier row's
 * exact-duplicate key, from two clones merged by git) is a row of the corpus (found by
 * its id) without postings, so recall, similarity and themes show the rule once, as its
 * first row.
 */
@Component
public class RecallCorpus {

	private static final Logger log = LoggerFactory.getLogger(RecallCorpus.class);

	private static final int FIELDS = TermVector.Field.ALL.length;

	/** Rows added at once after which a corpus trims its postings. */
	static final int TRIM_AFTER = 1000;

	/**
	 * Estimated heap of one row beside its postings: its {@link Doc} (id, status, paths,
	 * tags, lengths, signature) and its entries in the per-row arrays and maps. From a
	 * class histogram of the service with a 100,000-row corpus loaded: 135 MB of postings
	 * arrays and about 90 MB of row objects (1.2 million strings, the Doc records, their
	 * lists and map entries). Since each distinct path and tag is kept once, the
	 * benchmark's rows (ten paths and four tags a row, drawn from a few hundred) take
	 * about 54 MB less; the estimate still holds for rows whose paths are all new.
	 */
	static final int ROW_BYTES = 900;

	/**
	 * Rows read from the index per query while catching up; the heap budget is checked
	 * after each page.
	 */
	private static final int PAGE_ROWS = 2000;

	private final JdbcTemplate jdbc;

	private final LearningIndex index;

	private final Map<String, Corpus> corpora = new ConcurrentHashMap<>();

	/**
	 * Repositories whose corpus was over the budget, by the index generation it was
	 * refused at: not loaded again until the index is rebuilt (or the service restarted
	 * with more heap).
	 */
	private final Map<String, Refusal> refused = new ConcurrentHashMap<>();

	/** A corpus not loaded: the index generation, and what it had reached. */
	private record Refusal(long generation, long rows, long estimatedBytes) {
	}

	private final double heapFraction;

	private final long budgetBytes;

	RecallCorpus(JdbcTemplate jdbc, LearningIndex index, RecallProperties properties) {
		this.jdbc = jdbc;
		this.index = index;
		this.heapFraction = properties.corpusHeapFraction();
		this.budgetBytes = (long) (Runtime.getRuntime().maxMemory() * properties.corpusHeapFraction());
	}

	/**
	 * One indexed row as recall sees it.
	 *
	 * @param number position in the corpus
	 * @param line line number in the file
	 * @param id row id
	 * @param status row status
	 * @param captured capture time, if the row has a valid one
	 * @param supersedesId the row it supersedes, if any
	 * @param paths its context paths
	 * @param tags its normalised tags
	 * @param lengths terms per recall field
	 * @param signature sorted distinct hashes of the learning's terms, for similarity
	 */
	public record Doc(int number, long line, String id, String status, @Nullable Instant captured,
			@Nullable String supersedesId, List<String> paths, List<String> tags, int[] lengths, int[] signature) {

		/** Whether the row is a withdrawal (status {@code withdrawn}). */
		public boolean isWithdrawal() {
			return CanonicalFormat.WITHDRAWN.equals(this.status);
		}

		boolean capturedBy(@Nullable Instant time) {
			return time == null || (this.captured != null && !this.captured.isAfter(time));
		}

	}

	/** A repository's rows and their inverted index. Read under {@link #read}. */
	public static final class Corpus {

		private final long generation;

		private long lastLine;

		/** Rows in the corpus when its postings were last trimmed. */
		private int trimmedAt;

		/** The index's sync count when this corpus last caught up; -1 before. */
		private volatile long seenSyncs = -1;

		private final List<Doc> docs = new ArrayList<>();

		private final Map<String, Postings> postings = new HashMap<>();

		/**
		 * Postings the arrays of every term have room for, for the heap estimate (kept
		 * exactly: a load holds up to a quarter of slack until it trims).
		 */
		private long postingCapacity;

		private final Map<String, Integer> latestById = new HashMap<>();

		private final SupersessionChains chains = new SupersessionChains();

		/** Rules seen, to tell cross-clone duplicates. */
		private final CrossCloneDuplicates copies = new CrossCloneDuplicates();

		private final long[] lengthTotals = new long[FIELDS];

		/**
		 * Each distinct path, tag and status of the rows, kept once: a repository's rows
		 * name the same files and tags again and again, and a copy for each row was most
		 * of the strings a large corpus held.
		 */
		private final Map<String, String> sharedStrings = new HashMap<>();

		/** Ids that more than one row carries, with all their rows (rare). */
		private final Map<String, List<Integer>> repeatedIds = new HashMap<>();

		// Per row, by number, in flat arrays so that scoring many rows reads memory in
		// order: field lengths, line, capture second (Long.MIN_VALUE if none), status as
		// an index into statuses, and whether the row is withdrawn or superseded.

		private int[] lengths = new int[1024 * FIELDS];

		private long[] lines = new long[1024];

		private long[] capturedSeconds = new long[1024];

		private long latestCapturedSecond = Long.MIN_VALUE;

		private int[] statusIndexes = new int[1024];

		private final List<String> statuses = new ArrayList<>();

		private final BitSet withdrawals = new BitSet();

		private final BitSet supersededRows = new BitSet();

		/** Cross-clone duplicates: rows without postings, never ranked. */
		private final BitSet crossCloneCopies = new BitSet();

		/**
		 * Each superseded row's tail counting every link, by number; null until asked for
		 * after the last add.
		 */
		@Nullable
		private volatile Map<Integer, SupersessionChains.Tail> currentTails;

		/**
		 * The rows semantic and hybrid recall may rank for a query without filters or
		 * {@code as_of} ({@link MatchedRows#ofEveryRow}), keeping superseded rows (0) or
		 * dropping them (1); null until asked for after the last add.
		 */
		private final AtomicReferenceArray<MatchedRows> unfilteredRows = new AtomicReferenceArray<>(2);

		private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

		Corpus(long generation) {
			this.generation = generation;
		}

		/**
		 * Every row read so far, by number (file order); read under
		 * {@link RecallCorpus#read}.
		 */
		public List<Doc> docs() {
			return this.docs;
		}

		@Nullable
		Postings postings(String term) {
			return this.postings.get(term);
		}

		/** The last row carrying {@code id}, or null. */
		@Nullable
		public Doc byId(String id) {
			Integer number = this.latestById.get(id);
			return (number != null) ? this.docs.get(number) : null;
		}

		/** Whether any row names row {@code number}'s id as the row it supersedes. */
		boolean isSuperseded(int number) {
			return this.supersededRows.get(number);
		}

		boolean isWithdrawal(int number) {
			return this.withdrawals.get(number);
		}

		/**
		 * Whether row {@code number} repeats an earlier row's rule: recall shows the rule
		 * once, as the earlier row, whichever ranking found it.
		 */
		boolean isCrossCloneCopy(int number) {
			return this.crossCloneCopies.get(number);
		}

		/**
		 * The rows of {@code rows} that are withdrawals and, if {@code superseded}, those
		 * that any row supersedes: a new set.
		 */
		BitSet withdrawalsOrSuperseded(BitSet rows, boolean superseded) {
			BitSet special = (BitSet) this.withdrawals.clone();
			if (superseded) {
				special.or(this.supersededRows);
			}
			special.and(rows);
			return special;
		}

		/**
		 * The rest of row {@code number}'s chain as the store stood at {@code asOf}
		 * (every row when null), from {@code chains}, the view {@link #chainsAt} gave for
		 * {@code asOf}; null when the row is the head. The tails of every superseded row
		 * counting every link are worked out once until the next row is added.
		 */
		@Nullable
		SupersessionChains.Tail tail(int number, @Nullable Instant asOf, SupersessionChains.View chains) {
			if (asOf != null) {
				return chains.tail(this.docs.get(number).id());
			}
			Map<Integer, SupersessionChains.Tail> tails = this.currentTails;
			if (tails == null) {
				SupersessionChains.View every = chainsAt(null);
				Map<Integer, SupersessionChains.Tail> worked = new HashMap<>();
				for (int row = this.supersededRows.nextSetBit(0); row >= 0; row = this.supersededRows
					.nextSetBit(row + 1)) {
					SupersessionChains.Tail tail = every.tail(this.docs.get(row).id());
					if (tail != null) {
						worked.put(row, tail);
					}
				}
				tails = Map.copyOf(worked);
				this.currentTails = tails;
			}
			return tails.get(number);
		}

		/**
		 * {@code work}'s rows for a query without filters or {@code as_of}, worked out
		 * once until the next row is added.
		 */
		MatchedRows unfilteredRows(boolean dropSuperseded, Supplier<MatchedRows> work) {
			int slot = dropSuperseded ? 1 : 0;
			MatchedRows rows = this.unfilteredRows.get(slot);
			if (rows == null) {
				rows = work.get();
				this.unfilteredRows.set(slot, rows);
			}
			return rows;
		}

		/** Terms of row {@code number} in {@code field}. */
		int length(int number, TermVector.Field field) {
			return this.lengths[number * FIELDS + field.ordinal()];
		}

		/** Terms of row {@code number} in the field of ordinal {@code field}. */
		int length(int number, int field) {
			return this.lengths[number * FIELDS + field];
		}

		/** The line of row {@code number} in the file, as {@link Doc#line()}. */
		long line(int number) {
			return this.lines[number];
		}

		/**
		 * Whether row {@code number} passes {@code query}'s status, tag and since
		 * filters, as {@link RowRanking#admits} tells, from the flat arrays where they
		 * can tell.
		 */
		boolean admits(int number, RecallQuery query) {
			if (!query.statuses().isEmpty()
					&& !query.statuses().contains(this.statuses.get(this.statusIndexes[number]))) {
				return false;
			}
			if (query.since() != null) {
				long second = this.capturedSeconds[number];
				if (second == Long.MIN_VALUE || second < query.since().getEpochSecond()) {
					return false;
				}
				if (second == query.since().getEpochSecond() || !query.tags().isEmpty()) {
					return RowRanking.admits(this.docs.get(number), query);
				}
				return true;
			}
			return query.tags().isEmpty() || RowRanking.admits(this.docs.get(number), query);
		}

		/**
		 * Capture time of row {@code number} in epoch seconds, Long.MIN_VALUE if none.
		 */
		long capturedSecond(int number) {
			return this.capturedSeconds[number];
		}

		/**
		 * The latest capture time of any row in epoch seconds, Long.MIN_VALUE if no row
		 * has one.
		 */
		long latestCapturedSecond() {
			return this.latestCapturedSecond;
		}

		/**
		 * Whether row {@code number} was captured by {@code time}, as
		 * {@link Doc#capturedBy} tells, from the flat array unless the row was captured
		 * in the second of {@code time}.
		 */
		boolean capturedBy(int number, Instant time) {
			long second = this.capturedSeconds[number];
			if (second != time.getEpochSecond()) {
				return second != Long.MIN_VALUE && second < time.getEpochSecond();
			}
			return this.docs.get(number).capturedBy(time);
		}

		/** The distinct statuses of the rows, in the order first seen. */
		List<String> statuses() {
			return this.statuses;
		}

		/** Row {@code number}'s status, as an index into {@link #statuses()}. */
		int statusIndex(int number) {
			return this.statusIndexes[number];
		}

		/**
		 * Where {@code doc} stands in its chain as the store stood at {@code asOf} (rows
		 * captured by then; every row when null), by the one definition of chains.
		 */
		public SupersessionChains.Standing standing(Doc doc, @Nullable Instant asOf) {
			return (asOf == null) ? this.chains.standing(doc.id(), doc.isWithdrawal())
					: this.chains.standing(doc.id(), doc.isWithdrawal(), visibleAt(asOf));
		}

		/**
		 * The chains as the store stood at {@code asOf} (every row when null), each row's
		 * tail computed once however many rows are asked for.
		 */
		public SupersessionChains.View chainsAt(@Nullable Instant asOf) {
			return (asOf == null) ? this.chains.view((link) -> true) : this.chains.view(visibleAt(asOf));
		}

		/** The row a chain link names. */
		public Doc doc(SupersessionChains.Link link) {
			return this.docs.get((int) link.ref());
		}

		/** Whether {@code doc} is active: the head of its chain and not a withdrawal. */
		public boolean isActive(Doc doc) {
			return standing(doc, null).active();
		}

		private Predicate<SupersessionChains.Link> visibleAt(@Nullable Instant asOf) {
			return (asOf == null) ? (link) -> true : (link) -> this.docs.get((int) link.ref()).capturedBy(asOf);
		}

		double averageLength(TermVector.Field field) {
			return this.docs.isEmpty() ? 0 : (double) this.lengthTotals[field.ordinal()] / this.docs.size();
		}

		private void add(long line, String id, String status, @Nullable OffsetDateTime captured,
				@Nullable String supersedesId, String paths, String tags, String terms, String lengths,
				String learning) {
			int number = this.docs.size();
			List<TermVector.Entry> entries = TermVector.decode(terms);
			int[] signature = entries.stream()
				.filter((entry) -> entry.field() == TermVector.Field.LEARNING)
				.mapToInt((entry) -> entry.term().hashCode())
				.sorted()
				.distinct()
				.toArray();
			int[] fieldLengths = TermVector.decodeLengths(lengths);
			Doc doc = new Doc(number, line, id, shared(status), (captured != null) ? captured.toInstant() : null,
					supersedesId, sharedList(paths.isEmpty() ? new String[0] : paths.split("\n")),
					sharedList(tags.isEmpty() ? new String[0] : tags.substring(1, tags.length() - 1).split(",")),
					fieldLengths, signature);
			this.docs.add(doc);
			boolean copy = this.copies.next(status, learning, supersedesId);
			this.crossCloneCopies.set(number, copy);
			for (TermVector.Entry entry : copy ? List.<TermVector.Entry>of() : entries) {
				Postings postings = this.postings.computeIfAbsent(entry.term(), (term) -> new Postings());
				int before = postings.capacity();
				postings.add(number, entry.field(), entry.frequency(), fieldLengths[entry.field().ordinal()]);
				this.postingCapacity += postings.capacity() - before;
			}
			for (int f = 0; f < FIELDS; f++) {
				this.lengthTotals[f] += fieldLengths[f];
			}
			Integer earlier = this.latestById.put(id, number);
			if (earlier != null) {
				this.repeatedIds.computeIfAbsent(id, (key) -> new ArrayList<>(List.of(earlier))).add(number);
			}
			String superseded = this.chains.add(number, id, supersedesId, doc.isWithdrawal());
			if (superseded != null) {
				Integer target = this.latestById.get(superseded);
				if (target != null) {
					this.supersededRows.set(target);
				}
				this.repeatedIds.getOrDefault(superseded, List.of()).forEach(this.supersededRows::set);
			}
			if (this.chains.isSuperseded(id)) {
				this.supersededRows.set(number);
			}
			remember(number, doc);
			this.currentTails = null;
			this.unfilteredRows.set(0, null);
			this.unfilteredRows.set(1, null);
			this.lastLine = line;
		}

		private void remember(int number, Doc doc) {
			if (number == this.capturedSeconds.length) {
				this.capturedSeconds = Arrays.copyOf(this.capturedSeconds, number * 2);
				this.lines = Arrays.copyOf(this.lines, number * 2);
				this.statusIndexes = Arrays.copyOf(this.statusIndexes, number * 2);
				this.lengths = Arrays.copyOf(this.lengths, number * 2 * FIELDS);
			}
			System.arraycopy(doc.lengths(), 0, this.lengths, number * FIELDS, FIELDS);
			this.lines[number] = doc.line();
			this.capturedSeconds[number] = (doc.captured() != null) ? doc.captured().getEpochSecond() : Long.MIN_VALUE;
			this.latestCapturedSecond = Math.max(this.latestCapturedSecond, this.capturedSeconds[number]);
			int status = this.statuses.indexOf(doc.status());
			if (status < 0) {
				status = this.statuses.size();
				this.statuses.add(doc.status());
			}
			this.statusIndexes[number] = status;
			if (doc.isWithdrawal()) {
				this.withdrawals.set(number);
			}
		}

		/**
		 * Trims every term's postings when at least {@value RecallCorpus#TRIM_AFTER} rows
		 * were added since the last trim (the first load, a rebuild): a loaded corpus
		 * keeps no room for more postings, while rows appended one by one still grow the
		 * arrays by doubling.
		 */
		private void trimIfGrown() {
			if (this.docs.size() - this.trimmedAt >= TRIM_AFTER) {
				this.postingCapacity = 0;
				for (Postings postings : this.postings.values()) {
					postings.trim();
					this.postingCapacity += postings.capacity();
				}
				this.trimmedAt = this.docs.size();
			}
		}

		/**
		 * The heap this corpus takes by estimate: its postings' arrays exactly, and
		 * {@value RecallCorpus#ROW_BYTES} bytes a row.
		 */
		long estimatedBytes() {
			return (long) this.docs.size() * ROW_BYTES + this.postingCapacity * Postings.BYTES;
		}

		/** {@code values}, each replaced by the equal string kept before, if any. */
		private List<String> sharedList(String[] values) {
			for (int i = 0; i < values.length; i++) {
				values[i] = shared(values[i]);
			}
			return List.of(values);
		}

		/**
		 * The string equal to {@code value} kept before; {@code value}, kept, if none.
		 */
		private String shared(String value) {
			String known = this.sharedStrings.putIfAbsent(value, value);
			return (known != null) ? known : value;
		}

	}

	/** Applies {@code reader} to the corpus of {@code repo}, caught up with its index. */
	public <T> T read(Repo repo, Function<Corpus, T> reader) {
		Corpus corpus = catchUp(repo);
		corpus.lock.readLock().lock();
		try {
			return reader.apply(corpus);
		}
		finally {
			corpus.lock.readLock().unlock();
		}
	}

	private Corpus catchUp(Repo repo) {
		long generation = this.index.generation(repo);
		Refusal refusal = this.refused.get(repo.name());
		if (refusal != null && refusal.generation() == generation) {
			throw new RecallCorpusTooLargeException(repo.name(), refusal.rows(), refusal.estimatedBytes(),
					this.budgetBytes, this.heapFraction);
		}
		Corpus corpus = this.corpora.compute(repo.name(), (name,
				current) -> (current == null || current.generation != generation) ? new Corpus(generation) : current);
		long syncs = this.index.syncs(repo);
		if (corpus.seenSyncs == syncs) {
			return corpus;
		}
		corpus.lock.writeLock().lock();
		try {
			long others = othersBytes(repo.name());
			List<Long> live = this.jdbc.queryForList("SELECT generation FROM index_state WHERE repo = ?", Long.class,
					repo.name());
			int[] page = { 0 };
			do {
				page[0] = 0;
				// a page at a time, in the order of the line index (H2 sorts nothing
				// when the ORDER BY starts with the index's columns): H2 keeps a whole
				// result in memory, which for a million rows' terms is more than the heap
				this.jdbc.query("SELECT line_no, id, status, captured_ts, supersedes_id, paths, tags, terms,"
						+ " field_lengths, learning FROM indexed_row USE INDEX (ix_indexed_row_line)"
						+ " WHERE generation = ? AND line_no > ? ORDER BY generation, line_no FETCH FIRST " + PAGE_ROWS
						+ " ROWS ONLY", (RowCallbackHandler) (rs) -> {
							corpus.add(rs.getLong(1), rs.getString(2), rs.getString(3),
									rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6),
									rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
							page[0]++;
						}, live.isEmpty() ? -1L : live.get(0), corpus.lastLine);
				checkBudget(repo.name(), generation, corpus, others);
			}
			while (page[0] == PAGE_ROWS);
			corpus.trimIfGrown();
			corpus.seenSyncs = syncs;
		}
		finally {
			corpus.lock.writeLock().unlock();
		}
		return corpus;
	}

	/** The estimated heap of every other repository's corpus. */
	private long othersBytes(String repo) {
		return this.corpora.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals(repo))
			.mapToLong((entry) -> entry.getValue().estimatedBytes())
			.sum();
	}

	/**
	 * Drops the corpus and refuses it, until the index is rebuilt, when it and the other
	 * repositories' corpora would take more than the budget.
	 */
	private void checkBudget(String repo, long generation, Corpus corpus, long others) {
		long estimate = corpus.estimatedBytes();
		if (others + estimate > this.budgetBytes) {
			this.corpora.remove(repo, corpus);
			this.refused.put(repo, new Refusal(generation, corpus.docs.size(), estimate));
			log.warn(
					"Not loading the recall corpus of {}: {} MiB by estimate after {} rows, over the budget of {} MiB"
							+ " (learnings.recall.corpus-heap-fraction={})",
					repo, estimate >> 20, corpus.docs.size(), this.budgetBytes >> 20, this.heapFraction);
			throw new RecallCorpusTooLargeException(repo, corpus.docs.size(), estimate, this.budgetBytes,
					this.heapFraction);
		}
	}

}

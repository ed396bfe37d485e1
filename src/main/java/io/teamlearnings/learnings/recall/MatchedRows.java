package io.teamlearnings.learnings.recall;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.teamlearnings.learnings.index.SupersessionChains;
import org.jspecify.annotations.Nullable;

/**
 * Every row of one corpus that matches a query, and what becomes of it before any score
 * is worked out: withdrawn, superseded (its score then goes to the head of its chain),
 * filtered out, or a candidate that scores for itself or for its head. The exclusions are
 * counted and listed as {@link ExhaustiveRanking} counts them, in row order.
 */
final class MatchedRows {

	private final BitSet candidates;

	/**
	 * The candidates whose score goes to another row (the head of their chain), in row
	 * order, and those heads.
	 */
	private final int[] redirected;

	private final int[] heads;

	/** The rows of {@link #redirected}, to tell them cheaply. */
	private final BitSet redirections;

	/** The rows of {@link #heads}, to tell them cheaply. */
	private final BitSet headRows;

	private final int superseded;

	private final int withdrawn;

	private final int filtered;

	private final List<RecallResult.SupersededRow> supersededRows;

	private final List<String> withdrawnIds;

	/**
	 * {@link #selfScoringLines}, once worked out (the rows of one corpus, never changed).
	 */
	private volatile @Nullable BitSet selfScoringLines;

	private MatchedRows(BitSet candidates, int[] redirected, int[] heads, int superseded, int withdrawn, int filtered,
			List<RecallResult.SupersededRow> supersededRows, List<String> withdrawnIds) {
		this.candidates = candidates;
		this.redirected = redirected;
		this.heads = heads;
		this.redirections = new BitSet();
		for (int number : redirected) {
			this.redirections.set(number);
		}
		this.headRows = new BitSet();
		for (int head : heads) {
			this.headRows.set(head);
		}
		this.superseded = superseded;
		this.withdrawn = withdrawn;
		this.filtered = filtered;
		this.supersededRows = supersededRows;
		this.withdrawnIds = withdrawnIds;
	}

	/**
	 * The rows of {@code corpus} (repository {@code repo}) that have a term of
	 * {@code scorer}'s query, and were captured by {@code query.asOf()} if it is given.
	 */
	static MatchedRows of(String repo, RecallCorpus.Corpus corpus, Bm25f.Scorer scorer, RecallQuery query) {
		int size = corpus.docs().size();
		BitSet matched = new BitSet(size);
		for (int term = 0; term < scorer.terms(); term++) {
			Postings postings = scorer.postings(term);
			for (int i = 0; postings != null && i < postings.size(); i++) {
				int number = postings.doc(i);
				if (query.asOf() == null || corpus.capturedBy(number, query.asOf())) {
					matched.set(number);
				}
			}
		}
		return classify(repo, corpus, matched, query);
	}

	/**
	 * Every row of {@code corpus} as if it matched: those captured by
	 * {@code query.asOf()} if it is given, but for cross-clone copies (which have no
	 * postings, so never match). The candidates are the rows either window of semantic
	 * and hybrid recall may hold, whatever their words: passing the query's status, tag
	 * and since filters (themselves, or through the head of their chain when superseded
	 * rows are dropped), neither withdrawn nor superseded by a withdrawal. So a filter
	 * admitting few rows still gets its best ones, and withdrawn rows take no place in
	 * the windows. Without filters or {@code as_of} the answer depends on the corpus
	 * alone, which keeps it until the next row is added.
	 */
	static MatchedRows ofEveryRow(String repo, RecallCorpus.Corpus corpus, RecallQuery query) {
		if (!RowRanking.filters(query) && query.asOf() == null) {
			return corpus.unfilteredRows(query.dropSuperseded(), () -> everyRow(repo, corpus, query));
		}
		return everyRow(repo, corpus, query);
	}

	private static MatchedRows everyRow(String repo, RecallCorpus.Corpus corpus, RecallQuery query) {
		int size = corpus.docs().size();
		BitSet every = new BitSet(size);
		for (int number = 0; number < size; number++) {
			if (!corpus.isCrossCloneCopy(number) && (query.asOf() == null || corpus.capturedBy(number, query.asOf()))) {
				every.set(number);
			}
		}
		return classify(repo, corpus, every, query);
	}

	private static MatchedRows classify(String repo, RecallCorpus.Corpus corpus, BitSet matched, RecallQuery query) {
		BitSet candidates = (BitSet) matched.clone();
		int[] redirected = new int[16];
		int[] heads = new int[16];
		int redirections = 0;
		int superseded = 0;
		int withdrawn = 0;
		int filtered = 0;
		List<RecallResult.SupersededRow> supersededRows = new ArrayList<>();
		List<String> withdrawnIds = new ArrayList<>();
		SupersessionChains.View chains = query.dropSuperseded() ? corpus.chainsAt(query.asOf()) : null;
		boolean filtering = RowRanking.filters(query);
		// Without filters, only withdrawals and superseded rows need a look of their own.
		BitSet looked = filtering ? matched : corpus.withdrawalsOrSuperseded(matched, chains != null);
		for (int number = looked.nextSetBit(0); number >= 0; number = looked.nextSetBit(number + 1)) {
			if (corpus.isWithdrawal(number)) {
				withdrawn++;
				withdrawnIds.add(corpus.docs().get(number).id());
				candidates.clear(number);
				continue;
			}
			int target = number;
			if (chains != null && corpus.isSuperseded(number)) {
				SupersessionChains.Tail tail = corpus.tail(number, query.asOf(), chains);
				String id = corpus.docs().get(number).id();
				if (tail != null && tail.head().withdrawal()) {
					withdrawn++;
					withdrawnIds.add(id);
					candidates.clear(number);
					continue;
				}
				if (tail != null) {
					superseded++;
					supersededRows.add(new RecallResult.SupersededRow(repo, id, tail.next().id(), tail.head().id()));
					target = corpus.doc(tail.head()).number();
				}
			}
			if (filtering && !corpus.admits(target, query)) {
				filtered++;
				candidates.clear(number);
				continue;
			}
			if (target != number) {
				if (redirections == redirected.length) {
					redirected = Arrays.copyOf(redirected, redirections * 2);
					heads = Arrays.copyOf(heads, redirections * 2);
				}
				redirected[redirections] = number;
				heads[redirections++] = target;
			}
		}
		return new MatchedRows(candidates, Arrays.copyOf(redirected, redirections), Arrays.copyOf(heads, redirections),
				superseded, withdrawn, filtered, supersededRows, withdrawnIds);
	}

	/** Whether row {@code number} scores (for itself or for the head of its chain). */
	boolean isCandidate(int number) {
		return this.candidates.get(number);
	}

	/**
	 * The line numbers of the candidates that score for themselves, for the semantic
	 * index, which names rows by line. A superseded row whose score would go to the head
	 * of its chain is left out: the head is near the query by its own, current text, and
	 * a long chain of revisions near the query would otherwise fill the nearest rows with
	 * one rule.
	 * @return a set bit for each such candidate's line
	 */
	BitSet selfScoringLines(RecallCorpus.Corpus corpus) {
		BitSet lines = this.selfScoringLines;
		if (lines != null) {
			return lines;
		}
		lines = new BitSet();
		for (int number = this.candidates.nextSetBit(0); number >= 0; number = this.candidates.nextSetBit(number + 1)) {
			if (!this.redirections.get(number)) {
				lines.set(Math.toIntExact(corpus.line(number)));
			}
		}
		this.selfScoringLines = lines;
		return lines;
	}

	/**
	 * Whether candidates other than row {@code target} score for it: it heads a chain
	 * with candidate revisions. Only such a row can be the target of more than one row.
	 */
	boolean sharedTarget(int target) {
		return this.headRows.get(target);
	}

	/** How many rows score. */
	int candidates() {
		return this.candidates.cardinality();
	}

	/** The row a candidate's score goes to: the head of its chain, or itself. */
	int target(int number) {
		return this.redirections.get(number) ? this.heads[Arrays.binarySearch(this.redirected, number)] : number;
	}

	/** How many rows the candidates' scores go to. */
	int targets() {
		BitSet targets = (BitSet) this.candidates.clone();
		targets.andNot(this.redirections);
		for (int head : this.heads) {
			targets.set(head);
		}
		return targets.cardinality();
	}

	/**
	 * The superseded rows that matched and whose head is row {@code target}, by id (in
	 * order, each once).
	 */
	List<String> vias(RecallCorpus.Corpus corpus, int target) {
		Set<String> vias = new TreeSet<>();
		for (int i = 0; i < this.heads.length; i++) {
			if (this.heads[i] == target) {
				vias.add(corpus.docs().get(this.redirected[i]).id());
			}
		}
		return List.copyOf(vias);
	}

	/** The exclusions, with {@code belowMinScore} candidates that scored too low. */
	RecallResult.Exclusions exclusions(int belowMinScore) {
		return new RecallResult.Exclusions(this.superseded, this.withdrawn, this.filtered, belowMinScore,
				this.supersededRows, this.withdrawnIds);
	}

}

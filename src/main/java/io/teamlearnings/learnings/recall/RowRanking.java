package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

import org.springframework.lang.Nullable;

/**
 * One repository's part of a recall answer, however its rows were ranked: its best rows,
 * best first, how many rows matched and passed every filter, and the exclusions.
 *
 * @param ranked the best rows, best first
 * @param matched rows whose score counts (a superseded row's counts for its head)
 * @param exclusions matching rows left out, by reason
 * @param scored rows whose score was worked out, to tell how much work skipping saved
 */
record RowRanking(List<Ranked> ranked, int matched, RecallResult.Exclusions exclusions, int scored) {

	/**
	 * A row as it ranks.
	 *
	 * @param repo its repository
	 * @param id its id
	 * @param line its line in the file, which its view is read from (an id another line
	 * re-uses names another row)
	 * @param score its score, unrounded
	 * @param captured its capture time, if it has a valid one
	 * @param why how the score came about
	 */
	record Ranked(String repo, String id, long line, double score, @Nullable Instant captured, RecallResult.Why why) {

		/**
		 * Best first across repositories: higher score, then newer. Sorting with it is
		 * stable, so rows that tie on both keep the order they come in: each repository's
		 * in its own {@link RowRanking#bestFirst} order, repositories in the order asked.
		 */
		static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble(Ranked::score)
			.reversed()
			.thenComparing(Ranked::captured, Comparator.nullsLast(Comparator.reverseOrder()));

	}

	/**
	 * Rows of {@code corpus}, best first: higher {@code score}, then newer, then earlier
	 * in the file, so that the order is total and the same however rows are ranked.
	 * @param <T> what stands for a row
	 * @param corpus the rows
	 * @param score a row's score
	 * @param number a row's number in {@code corpus}
	 * @return the order
	 */
	static <T> Comparator<T> bestFirst(RecallCorpus.Corpus corpus, ToDoubleFunction<T> score, ToIntFunction<T> number) {
		return Comparator.comparingDouble(score)
			.reversed()
			.thenComparing((row) -> corpus.docs().get(number.applyAsInt(row)).captured(),
					Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
			.thenComparingInt(number);
	}

	/**
	 * Row {@code target} as it ranks with {@code score}, which row {@code source} (itself
	 * or a row it supersedes) gave it with text score {@code bm25}.
	 */
	static Ranked ranked(String repo, RecallCorpus.Corpus corpus, Map<String, Double> terms, int target, int source,
			double score, double bm25, Boosts boosts, List<String> via) {
		return ranked(repo, corpus, terms, target, source, score, bm25, boosts, via, null);
	}

	/** As above, with how the row ranked in semantic or hybrid recall. */
	static Ranked ranked(String repo, RecallCorpus.Corpus corpus, Map<String, Double> terms, int target, int source,
			double score, double bm25, Boosts boosts, List<String> via, @Nullable RecallResult.Fusion fusion) {
		RecallCorpus.Doc row = corpus.docs().get(target);
		RecallResult.Why why = new RecallResult.Why(Bm25f.matchedTerms(corpus, terms, corpus.docs().get(source)),
				Boosts.round(bm25), boosts.status(), boosts.recency(), boosts.path(), via, fusion);
		return new Ranked(repo, row.id(), row.line(), score, row.captured(), why);
	}

	/** Whether {@code query} filters rows by status, tag or capture time. */
	static boolean filters(RecallQuery query) {
		return !query.statuses().isEmpty() || !query.tags().isEmpty() || query.since() != null;
	}

	/** Whether {@code doc} passes {@code query}'s status, tag and since filters. */
	static boolean admits(RecallCorpus.Doc doc, RecallQuery query) {
		if (!query.statuses().isEmpty() && !query.statuses().contains(doc.status())) {
			return false;
		}
		if (!query.tags().isEmpty() && doc.tags().stream().noneMatch(query.tags()::contains)) {
			return false;
		}
		return query.since() == null || (doc.captured() != null && !doc.captured().isBefore(query.since()));
	}

}

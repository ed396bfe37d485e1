package io.teamlearnings.learnings.recall;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningView;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.semantic.SemanticIndex;
import io.teamlearnings.learnings.semantic.SemanticProperties;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Ranked recall over the index: BM25F over the learning, application, evidence, context
 * and tags of each row, lifted by status, recency and the caller's paths. Superseded rows
 * give way to the current row of their chain; every matching row that is not returned is
 * counted with the reason. Rows that cannot reach the top are not scored
 * ({@link MaxScoreRanking}); the answer is the one scoring every row would give.
 */
@Service
public class LearningRecall {

	private final Repositories repositories;

	private final IndexSync sync;

	private final RecallCorpus corpus;

	private final TextAnalysis analysis;

	private final LearningViews views;

	private final RecallProperties properties;

	private final Bm25f bm25f;

	private final ExhaustiveRanking everyRow;

	private final MaxScoreRanking maxScore;

	private final Clock clock;

	private final SemanticIndex semantic;

	private final SemanticProperties semanticProperties;

	LearningRecall(Repositories repositories, IndexSync sync, RecallCorpus corpus, TextAnalysis analysis,
			LearningViews views, RecallProperties properties, Bm25f bm25f, BoostRules boostRules, Clock clock,
			SemanticIndex semantic, SemanticProperties semanticProperties) {
		this.semantic = semantic;
		this.semanticProperties = semanticProperties;
		this.repositories = repositories;
		this.sync = sync;
		this.corpus = corpus;
		this.analysis = analysis;
		this.views = views;
		this.properties = properties;
		this.bm25f = bm25f;
		this.everyRow = new ExhaustiveRanking(bm25f, boostRules, properties);
		this.maxScore = new MaxScoreRanking(bm25f, boostRules, properties);
		this.clock = clock;
	}

	RecallResult recall(String repoName, RecallQuery query) {
		return recall(repoName, query, null);
	}

	/**
	 * Recall in one repository.
	 * @param mode how to rank; null for the server's default: hybrid while semantic
	 * recall is on, lexical otherwise
	 * @throws InvalidRecallException for a semantic or hybrid recall on a server where
	 * semantic recall is off, or a semantic one without query words
	 * @throws io.teamlearnings.learnings.semantic.SemanticIndexTooLargeException for a
	 * semantic or hybrid recall of a repository too large to embed
	 */
	RecallResult recall(String repoName, RecallQuery query, RecallQuery.@Nullable Mode mode) {
		return recall(List.of(this.repositories.require(repoName)), query, Ranking.SKIPPING, mode);
	}

	/**
	 * Recall across {@code repoNames}, or every repository when empty; hits name their
	 * repository.
	 */
	public RecallResult recallAcross(List<String> repoNames, RecallQuery query) {
		return recallAcross(repoNames, query, Ranking.SKIPPING);
	}

	/** As {@link #recallAcross(List, RecallQuery)}, ranked as {@code mode} asks. */
	RecallResult recallAcross(List<String> repoNames, RecallQuery query, RecallQuery.@Nullable Mode mode) {
		List<Repo> repos = repoNames.isEmpty() ? this.repositories.all()
				: repoNames.stream().distinct().map(this.repositories::require).toList();
		return recall(repos, query, Ranking.SKIPPING, mode);
	}

	/**
	 * The semantic side of a recall of {@code corpus}: its rows nearest the query, by row
	 * number (the semantic index names rows by line, which the corpus holds in file
	 * order), of the rows that score for themselves among those the query admits
	 * ({@link MatchedRows#ofEveryRow}: captured by its {@code as_of}, not cross-clone
	 * copies, passing its filters). Left out too: a row less similar to the query than
	 * {@code min-similarity}, which shares no meaning with it.
	 * <p>
	 * The search starts once the admitted rows are known. It runs on a query thread after
	 * the query's vector is computed there, while the caller's thread finds the lexical
	 * window: on two cores, hybrid recall then waits for the longer of the two, not for
	 * both one after the other. Its rows are turned into row numbers on the caller's
	 * thread, which holds the corpus's read lock.
	 */
	private RankFusion.Semantic semantic(String repo, RecallCorpus.Corpus corpus, CompletableFuture<byte[]> queryVector,
			RecallQuery.Mode mode) {
		return new RankFusion.Semantic(mode, this.semanticProperties.candidates(), this.semanticProperties.rrfK(),
				(admittedRows) -> {
					BitSet lines = admittedRows.selfScoringLines(corpus);
					CompletableFuture<List<SemanticIndex.Near>> search = this.semantic.nearestAsync(repo, queryVector,
							this.semanticProperties.candidates(),
							(line) -> line <= Integer.MAX_VALUE && lines.get((int) line));
					return () -> {
						List<Map.Entry<Integer, Double>> nearest = new ArrayList<>();
						for (SemanticIndex.Near near : join(search)) {
							int number = numberOfLine(corpus.docs(), near.line());
							if (number >= 0 && near.similarity() >= this.semanticProperties.similarityFloor()) {
								nearest.add(Map.entry(number, near.similarity()));
							}
						}
						return nearest;
					};
				});
	}

	/** The number of the row on {@code line}, or -1 when the corpus has none there. */
	static int numberOfLine(List<RecallCorpus.Doc> docs, long line) {
		int low = 0;
		int high = docs.size() - 1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			long found = docs.get(middle).line();
			if (found < line) {
				low = middle + 1;
			}
			else if (found > line) {
				high = middle - 1;
			}
			else {
				return middle;
			}
		}
		return -1;
	}

	/**
	 * What {@code future} gives, waiting for it; its failure thrown as it was thrown.
	 */
	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** How rows are ranked: the answers are the same, only the work differs. */
	enum Ranking {

		/** Rows that cannot reach the top are not scored, when the settings allow. */
		SKIPPING,

		/** Every matching row is scored: the reference. */
		EVERY_ROW

	}

	RecallResult recallAcross(List<String> repoNames, RecallQuery query, Ranking ranking) {
		List<Repo> repos = repoNames.isEmpty() ? this.repositories.all()
				: repoNames.stream().distinct().map(this.repositories::require).toList();
		return recall(repos, query, ranking, RecallQuery.Mode.LEXICAL);
	}

	/**
	 * The mode a recall runs in: the one asked for; else hybrid while semantic recall is
	 * on and every repository asked has been embedded once ({@link SemanticIndex#ready})
	 * or has no rows, lexical before (a partly embedded repository would favour the rows
	 * embedded first). A query without a word recall searches (paths alone, stop words,
	 * symbols, emoji) has nothing to embed either and is lexical: every query has nearest
	 * rows, and these would be noise.
	 */
	private RecallQuery.Mode mode(List<Repo> repos, RecallQuery query, RecallQuery.@Nullable Mode asked) {
		boolean on = this.semantic.enabled();
		if (asked != null && asked != RecallQuery.Mode.LEXICAL && !on) {
			throw InvalidRecallException.semanticOff();
		}
		if (this.analysis.terms(query.text()).isEmpty()) {
			if (asked == RecallQuery.Mode.SEMANTIC) {
				throw InvalidRecallException.nothingToEmbed();
			}
			return RecallQuery.Mode.LEXICAL;
		}
		if (asked != null) {
			if (asked != RecallQuery.Mode.LEXICAL) {
				repos.forEach((repo) -> this.semantic.requireWithinBudget(repo.name()));
			}
			return asked;
		}
		return (on && repos.stream().allMatch((repo) -> this.semantic.ready(repo.name()) || isEmpty(repo)))
				? RecallQuery.Mode.HYBRID : RecallQuery.Mode.LEXICAL;
	}

	/**
	 * Whether {@code repo} has no rows (no file, or an empty one): nothing to embed, so
	 * it keeps no team-wide recall from being hybrid.
	 */
	private boolean isEmpty(Repo repo) {
		return this.corpus.read(repo, (corpus) -> corpus.docs().isEmpty());
	}

	private RecallResult recall(List<Repo> repos, RecallQuery query, Ranking ranking,
			RecallQuery.@Nullable Mode asked) {
		RecallQuery.Mode mode = mode(repos, query, asked);
		// the query is embedded on another core while this one reads and scores the rows
		// lexically
		CompletableFuture<byte[]> queryVector = (mode == RecallQuery.Mode.LEXICAL) ? null
				: this.semantic.embedQueryAsync(query.text());
		Map<String, Double> terms = queryTerms(query);
		repos.forEach(this.sync::ensureFresh);
		CollectionStatistics statistics = new CollectionStatistics(terms.keySet());
		for (Repo repo : repos) {
			this.corpus.read(repo, (corpus) -> statistics.add(corpus));
		}
		boolean skipping = ranking == Ranking.SKIPPING && this.bm25f.bounded();
		// several repositories: each one's windows first, to rank their rows across all
		Map<Repo, RankFusion.Windows> windows = new LinkedHashMap<>();
		Map<Repo, RecallCorpus.Corpus> windowed = new HashMap<>();
		if (queryVector != null && repos.size() > 1) {
			for (Repo repo : repos) {
				this.corpus.read(repo, (corpus) -> {
					windowed.put(repo, corpus);
					return windows.put(repo, this.everyRow.windows(repo.name(), corpus, terms, statistics, query,
							semantic(repo.name(), corpus, queryVector, mode)));
				});
			}
		}
		Map<Repo, RankFusion.Ranks> ranksAcross = RankFusion.across(windows, this.semanticProperties.candidates());
		List<RowRanking.Ranked> ranked = new ArrayList<>();
		List<RecallResult.Exclusions> exclusions = new ArrayList<>();
		int matched = 0;
		for (Repo repo : repos) {
			RowRanking rows = this.corpus.read(repo, (corpus) -> {
				Instant now = (query.asOf() != null) ? query.asOf() : this.clock.instant();
				if (queryVector != null) {
					RankFusion.Semantic semantic = semantic(repo.name(), corpus, queryVector, mode);
					// a corpus rebuilt since its windows were found is ranked within
					// itself
					return (windowed.get(repo) == corpus)
							? this.everyRow.rank(repo.name(), corpus, terms, statistics, query, now, semantic,
									windows.get(repo), ranksAcross.get(repo))
							: this.everyRow.rank(repo.name(), corpus, terms, statistics, query, now, semantic);
				}
				return skipping ? this.maxScore.rank(repo.name(), corpus, terms, statistics, query, now)
						: this.everyRow.rank(repo.name(), corpus, terms, statistics, query, now);
			});
			ranked.addAll(rows.ranked());
			exclusions.add(rows.exclusions());
			matched += rows.matched();
		}
		ranked.sort(RowRanking.Ranked.BEST_FIRST);
		List<RowRanking.Ranked> top = ranked.subList(0, Math.min(query.limit(), ranked.size()));
		// each hit viewed from the line that was ranked, which an id re-used by a later
		// line
		// would not find
		Map<String, Map<Long, String>> linesByRepo = new LinkedHashMap<>();
		for (RowRanking.Ranked hit : top) {
			linesByRepo.computeIfAbsent(hit.repo(), (repo) -> new LinkedHashMap<>()).put(hit.line(), hit.id());
		}
		Map<String, Map<Long, LearningView>> viewsByRepo = new LinkedHashMap<>();
		linesByRepo.forEach((repo, lines) -> viewsByRepo.put(repo, this.views.byLines(repo, lines)));
		List<RecallResult.Hit> hits = top.stream()
			.map((hit) -> new RecallResult.Hit(hit.repo(), hit.id(), Boosts.round(hit.score()), hit.why(),
					viewsByRepo.get(hit.repo()).get(hit.line())))
			.toList();
		return new RecallResult(query.text(), List.copyOf(terms.keySet()), mode, query.asOf(), matched, hits,
				RecallResult.Exclusions.sum(exclusions));
	}

	/**
	 * Query terms with their weights: the text's terms at 1, the caller's paths' terms
	 * lower.
	 */
	private Map<String, Double> queryTerms(RecallQuery query) {
		Map<String, Double> terms = new LinkedHashMap<>();
		for (String term : this.analysis.terms(query.text())) {
			terms.put(term, 1.0);
		}
		for (String path : query.paths()) {
			for (String term : this.analysis.terms(path)) {
				terms.merge(term, this.properties.pathTermWeight(), Math::max);
			}
		}
		return terms;
	}

}

package io.teamlearnings.learnings.recall;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import io.teamlearnings.learnings.analysis.TermVector;
import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningView;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.index.SupersessionChains;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Ranked recall over the index: BM25F over the learning, application, evidence, context
 * and tags of each row, lifted by status, recency and the caller's paths. Superseded rows
 * give way to the current row of their chain; every matching row that is not returned is
 * counted with the reason.
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

	private final BoostRules boostRules;

	private final Clock clock;

	LearningRecall(Repositories repositories, IndexSync sync, RecallCorpus corpus, TextAnalysis analysis,
			LearningViews views, RecallProperties properties, Bm25f bm25f, BoostRules boostRules, Clock clock) {
		this.repositories = repositories;
		this.sync = sync;
		this.corpus = corpus;
		this.analysis = analysis;
		this.views = views;
		this.properties = properties;
		this.bm25f = bm25f;
		this.boostRules = boostRules;
		this.clock = clock;
	}

	RecallResult recall(String repoName, RecallQuery query) {
		return recall(List.of(this.repositories.require(repoName)), query);
	}

	/**
	 * Recall across {@code repoNames}, or every repository when empty; hits name their
	 * repository.
	 */
	public RecallResult recallAcross(List<String> repoNames, RecallQuery query) {
		List<Repo> repos = repoNames.isEmpty() ? this.repositories.all()
				: repoNames.stream().distinct().map(this.repositories::require).toList();
		return recall(repos, query);
	}

	private RecallResult recall(List<Repo> repos, RecallQuery query) {
		Map<String, Double> terms = queryTerms(query);
		repos.forEach(this.sync::ensureFresh);
		CollectionStatistics statistics = new CollectionStatistics(terms.keySet());
		for (Repo repo : repos) {
			this.corpus.read(repo, (corpus) -> statistics.add(corpus));
		}
		List<Ranked> ranked = new ArrayList<>();
		List<RecallResult.Exclusions> exclusions = new ArrayList<>();
		int matched = 0;
		for (Repo repo : repos) {
			Scoring scoring = this.corpus.read(repo, (corpus) -> score(repo, corpus, terms, statistics, query));
			ranked.addAll(scoring.ranked());
			exclusions.add(scoring.exclusions());
			matched += scoring.matched();
		}
		ranked.sort(Comparator.comparingDouble(Ranked::score)
			.reversed()
			.thenComparing(Ranked::captured, Comparator.nullsLast(Comparator.reverseOrder())));
		List<Ranked> top = ranked.subList(0, Math.min(query.limit(), ranked.size()));
		Map<String, Map<String, LearningView>> viewsByRepo = new LinkedHashMap<>();
		for (Ranked hit : top) {
			viewsByRepo.computeIfAbsent(hit.repo(), (repo) -> new LinkedHashMap<>()).put(hit.id(), null);
		}
		viewsByRepo.replaceAll((repo, ids) -> this.views.byIds(repo, ids.keySet()));
		List<RecallResult.Hit> hits = top.stream()
			.map((hit) -> new RecallResult.Hit(hit.repo(), hit.id(), Boosts.round(hit.score()), hit.why(),
					viewsByRepo.get(hit.repo()).get(hit.id())))
			.toList();
		return new RecallResult(query.text(), List.copyOf(terms.keySet()), query.asOf(), matched, hits,
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

	private record Ranked(String repo, String id, double score, @Nullable Instant captured, RecallResult.Why why) {
	}

	private record Scoring(List<Ranked> ranked, int matched, RecallResult.Exclusions exclusions) {
	}

	/**
	 * Scores every row of one repository that matches, and keeps the best
	 * {@code query.limit()} (the best of all repositories are among them). Scores are
	 * kept in arrays by row number; the explanation of a hit (which terms matched in
	 * which fields, the boosts) is worked out for the kept rows only.
	 */
	private Scoring score(Repo repo, RecallCorpus.Corpus corpus, Map<String, Double> terms,
			CollectionStatistics statistics, RecallQuery query) {
		int size = corpus.docs().size();
		double[] bm25 = new double[size];
		int[] matchedDocs = this.bm25f.score(corpus, terms, statistics, query.asOf(), bm25);
		Instant now = (query.asOf() != null) ? query.asOf() : this.clock.instant();
		double[] scores = new double[size];
		BitSet scored = new BitSet(size);
		Map<Integer, Integer> sources = new HashMap<>();
		Map<Integer, Set<String>> vias = new HashMap<>();
		int superseded = 0;
		int withdrawn = 0;
		int filtered = 0;
		int belowMinScore = 0;
		List<RecallResult.SupersededRow> supersededRows = new ArrayList<>();
		List<String> withdrawnIds = new ArrayList<>();
		double[] statusBoosts = corpus.statuses()
			.stream()
			.mapToDouble((status) -> Boosts.round(this.properties.statusBoosts().of(status)))
			.toArray();
		SupersessionChains.View chains = corpus.chainsAt(query.asOf());
		boolean filtering = !query.statuses().isEmpty() || !query.tags().isEmpty() || query.since() != null;
		for (int number : matchedDocs) {
			if (corpus.isWithdrawal(number)) {
				withdrawn++;
				withdrawnIds.add(corpus.docs().get(number).id());
				continue;
			}
			int target = number;
			if (query.dropSuperseded() && corpus.isSuperseded(number)) {
				RecallCorpus.Doc doc = corpus.docs().get(number);
				SupersessionChains.Tail tail = chains.tail(doc.id());
				if (tail != null && tail.head().withdrawal()) {
					withdrawn++;
					withdrawnIds.add(doc.id());
					continue;
				}
				if (tail != null) {
					superseded++;
					supersededRows
						.add(new RecallResult.SupersededRow(repo.name(), doc.id(), tail.next().id(), tail.head().id()));
					target = corpus.doc(tail.head()).number();
					vias.computeIfAbsent(target, (key) -> new TreeSet<>()).add(doc.id());
				}
			}
			if (filtering && !passesFilters(corpus.docs().get(target), query)) {
				filtered++;
				continue;
			}
			double score = Boosts.round(bm25[number])
					* this.boostRules.of(corpus, target, statusBoosts, query, now).factor();
			if (score < this.properties.minScore()) {
				belowMinScore++;
				continue;
			}
			if (!scored.get(target) || scores[target] < score) {
				scores[target] = score;
				scored.set(target);
				if (target != number) {
					sources.put(target, number);
				}
				else if (!sources.isEmpty()) {
					sources.remove(target);
				}
			}
		}
		Comparator<Integer> bestFirst = Comparator.<Integer>comparingDouble((number) -> scores[number])
			.reversed()
			.thenComparing((number) -> corpus.docs().get(number).captured(),
					Comparator.nullsLast(Comparator.reverseOrder()));
		PriorityQueue<Integer> kept = new PriorityQueue<>(bestFirst.reversed());
		for (int number = scored.nextSetBit(0); number >= 0; number = scored.nextSetBit(number + 1)) {
			if (kept.size() == query.limit() && bestFirst.compare(number, kept.peek()) >= 0) {
				continue;
			}
			kept.add(number);
			if (kept.size() > query.limit()) {
				kept.poll();
			}
		}
		List<Ranked> ranked = new ArrayList<>(kept.size());
		for (int number : kept) {
			RecallCorpus.Doc target = corpus.docs().get(number);
			RecallCorpus.Doc source = corpus.docs().get(sources.getOrDefault(number, number));
			Boosts boosts = this.boostRules.of(corpus, number, statusBoosts, query, now);
			RecallResult.Why why = new RecallResult.Why(Bm25f.matchedTerms(corpus, terms, source),
					Boosts.round(bm25[source.number()]), boosts.status(), boosts.recency(), boosts.path(),
					List.copyOf(vias.getOrDefault(number, Set.of())));
			ranked.add(new Ranked(repo.name(), target.id(), scores[number], target.captured(), why));
		}
		return new Scoring(ranked, scored.cardinality(), new RecallResult.Exclusions(superseded, withdrawn, filtered,
				belowMinScore, supersededRows, withdrawnIds));
	}

	private static boolean passesFilters(RecallCorpus.Doc doc, RecallQuery query) {
		if (!query.statuses().isEmpty() && !query.statuses().contains(doc.status())) {
			return false;
		}
		if (!query.tags().isEmpty() && doc.tags().stream().noneMatch(query.tags()::contains)) {
			return false;
		}
		return query.since() == null || (doc.captured() != null && !doc.captured().isBefore(query.since()));
	}

}

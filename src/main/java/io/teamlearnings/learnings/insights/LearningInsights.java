package io.teamlearnings.learnings.insights;

import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningView;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.index.SupersessionChains;
import io.teamlearnings.learnings.recall.NearDuplicates;
import io.teamlearnings.learnings.recall.RecallCorpus;
import io.teamlearnings.repos.Repo;

import org.springframework.stereotype.Service;

/**
 * Views over a whole repository: related rows, and the summary with its themes.
 */
@Service
class LearningInsights {

	private static final int TOP_TAGS = 20;

	private final IndexSync sync;

	private final RecallCorpus corpus;

	private final NearDuplicates similarity;

	private final Themes themes;

	private final LearningViews views;

	LearningInsights(IndexSync sync, RecallCorpus corpus, NearDuplicates similarity, Themes themes,
			LearningViews views) {
		this.sync = sync;
		this.corpus = corpus;
		this.similarity = similarity;
		this.themes = themes;
		this.views = views;
	}

	/**
	 * A row related to another, with how similar it is.
	 *
	 * @param similarity Jaccard similarity of the two learnings' terms
	 * @param learning the related row
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "RelatedLearning")
	record Related(double similarity, LearningView learning) {
	}

	List<Related> related(String repoName, String id, int limit) {
		Repo repo = this.sync.fresh(repoName);
		List<NearDuplicates.Match> matches = this.similarity.nearest(repo, id, limit);
		Map<String, LearningView> byId = this.views.byIds(repo.name(),
				matches.stream().map(NearDuplicates.Match::id).toList());
		return matches.stream()
			.map((match) -> new Related(Math.round(match.similarity() * 10_000) / 10_000.0, byId.get(match.id())))
			.toList();
	}

	LearningSummary summary(String repoName) {
		Repo repo = this.sync.fresh(repoName);
		return this.corpus.read(repo, (corpus) -> {
			Map<String, Integer> byStatus = new TreeMap<>();
			Map<String, Integer> tags = new HashMap<>();
			Map<String, Integer> perWeek = new TreeMap<>();
			int active = 0;
			int superseded = 0;
			int withdrawn = 0;
			for (RecallCorpus.Doc doc : corpus.docs()) {
				byStatus.merge(doc.status(), 1, Integer::sum);
				if (doc.captured() != null) {
					var date = doc.captured().atZone(ZoneOffset.UTC);
					perWeek.merge(String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
							date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), 1, Integer::sum);
				}
				if (doc.isWithdrawal()) {
					continue;
				}
				SupersessionChains.Standing standing = corpus.standing(doc, null);
				if (standing.active()) {
					active++;
					doc.tags().forEach((tag) -> tags.merge(tag, 1, Integer::sum));
				}
				else if (standing.withdrawn()) {
					withdrawn++;
				}
				else {
					superseded++;
				}
			}
			List<LearningSummary.TagCount> topTags = tags.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue()
					.reversed()
					.thenComparing(Map.Entry.comparingByKey()))
				.limit(TOP_TAGS)
				.map((entry) -> new LearningSummary.TagCount(entry.getKey(), entry.getValue()))
				.toList();
			return new LearningSummary(repo.name(), corpus.docs().size(), active, superseded, withdrawn, byStatus,
					topTags, perWeek, this.themes.find(corpus));
		});
	}

}

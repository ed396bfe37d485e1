package io.teamlearnings.learnings;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.index.SupersessionChains;
import io.teamlearnings.learnings.insights.Themes;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.recall.LearningRecall;
import io.teamlearnings.learnings.recall.RecallCorpus;
import io.teamlearnings.learnings.recall.RecallQuery;
import io.teamlearnings.learnings.recall.RecallResult;
import io.teamlearnings.repos.Repo;

import org.springframework.stereotype.Service;

/**
 * The learnings module's API for other modules: canonical rows with where they stand
 * (superseded, withdrawn, their theme), the active rows of a repository, and recall
 * across repositories. Every call first catches the index up with the file.
 */
@Service
public class LearningLookup {

	private final IndexSync sync;

	private final RecallCorpus corpus;

	private final LearningViews views;

	private final Themes themes;

	private final LearningRecall recall;

	LearningLookup(IndexSync sync, RecallCorpus corpus, LearningViews views, Themes themes, LearningRecall recall) {
		this.sync = sync;
		this.corpus = corpus;
		this.views = views;
		this.themes = themes;
		this.recall = recall;
	}

	/**
	 * A learning recall found.
	 *
	 * @param repo its repository
	 * @param id its id
	 * @param score its recall score
	 * @param learning its text
	 */
	public record Recalled(String repo, String id, double score, String learning) {
	}

	/**
	 * A recurring theme: at least three similar active learnings.
	 *
	 * @param ids its rows, in file order
	 * @param tags tags at least half of them carry
	 */
	public record Theme(List<String> ids, List<String> tags) {
	}

	/**
	 * The active learnings of a repository (neither superseded nor withdrawn, nor a
	 * withdrawal), newest first, and its recurring themes.
	 *
	 * @param repo the repository
	 * @param storeFile its canonical file
	 * @param learnings the active rows, newest capture first (rows without a valid
	 * capture time last)
	 * @param themes its themes, largest first
	 */
	public record ActiveLearnings(String repo, String storeFile, List<CanonicalLearning> learnings,
			List<Theme> themes) {
	}

	/**
	 * Recall across every repository, current rows only.
	 * @param query what to recall
	 * @param limit most hits
	 * @return the best hits, best first
	 */
	public List<Recalled> recallAcross(String query, int limit) {
		if (query.isBlank()) {
			return List.of();
		}
		RecallResult result = this.recall.recallAcross(List.of(),
				new RecallQuery(query, limit, true, Set.of(), Set.of(), null, null, List.of()));
		return result.hits()
			.stream()
			.map((hit) -> new Recalled(hit.repo(), hit.id(), hit.score(),
					String.valueOf(hit.learning().row().get("learning"))))
			.toList();
	}

	/**
	 * The row with this id.
	 * @param repoName the repository
	 * @param id the row id
	 * @return the row, or empty if the repository has none with that id
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if no repository has that
	 * name
	 */
	public Optional<CanonicalLearning> find(String repoName, String id) {
		Repo repo = this.sync.fresh(repoName);
		record Found(SupersessionChains.Standing standing, List<String> theme) {
		}
		Found found = this.corpus.read(repo, (corpus) -> {
			RecallCorpus.Doc doc = corpus.byId(id);
			if (doc == null) {
				return null;
			}
			List<String> theme = this.themes.find(corpus)
				.stream()
				.filter((candidate) -> candidate.ids().contains(id))
				.findFirst()
				.map(Themes.Theme::ids)
				.orElse(List.of());
			return new Found(corpus.standing(doc, null), theme);
		});
		if (found == null) {
			return Optional.empty();
		}
		return Optional.of(canonical(repo, this.views.row(repo.name(), id), found.standing(), found.theme()));
	}

	/**
	 * Whether a repository has a row with this id, current or not (cheaper than
	 * {@link #find}: no theme is worked out).
	 * @param repoName the repository
	 * @param id the row id
	 * @return whether its file holds a row with that id
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if no repository has that
	 * name
	 */
	public boolean contains(String repoName, String id) {
		Repo repo = this.sync.fresh(repoName);
		return this.corpus.read(repo, (corpus) -> corpus.byId(id) != null);
	}

	/**
	 * The active learnings of a repository and its themes.
	 * @param repoName the repository
	 * @return its active rows, newest first, and its themes
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if no repository has that
	 * name
	 */
	public ActiveLearnings active(String repoName) {
		Repo repo = this.sync.fresh(repoName);
		record Active(Map<String, SupersessionChains.Standing> standings, List<Theme> themes) {
		}
		Active active = this.corpus.read(repo, (corpus) -> {
			Map<String, SupersessionChains.Standing> standings = new LinkedHashMap<>();
			corpus.docs()
				.stream()
				.filter(corpus::isActive)
				.sorted(Comparator.comparing(RecallCorpus.Doc::captured,
						Comparator.nullsLast(Comparator.reverseOrder())))
				.forEach((doc) -> standings.put(doc.id(), corpus.standing(doc, null)));
			return new Active(standings,
					this.themes.find(corpus).stream().map((theme) -> new Theme(theme.ids(), theme.tags())).toList());
		});
		Map<String, LearningRow> rows = this.views.rows(repo.name(), active.standings().keySet());
		List<CanonicalLearning> learnings = active.standings()
			.entrySet()
			.stream()
			.map((entry) -> canonical(repo, rows.get(entry.getKey()), entry.getValue(), List.of()))
			.toList();
		return new ActiveLearnings(repo.name(), repo.storeFile().toString(), learnings, active.themes());
	}

	private static CanonicalLearning canonical(Repo repo, LearningRow row, SupersessionChains.Standing standing,
			List<String> theme) {
		return new CanonicalLearning(repo.name(), row.id(), row.capturedAt(), row.status(), row.learning(),
				row.evidence(), row.application(), CanonicalFormat.normalizeTags(row.tags()), row.paths(),
				row.contextRepo(), row.relatedIds(), standing.current(), standing.withdrawn(), theme,
				repo.storeFile().toString());
	}

}

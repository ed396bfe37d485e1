package io.teamlearnings.learnings;

import java.util.List;
import java.util.Optional;

import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;

import org.springframework.stereotype.Service;

/**
 * Finds canonical rows for other features, after catching the index up with the file: the
 * row as written and where it stands (superseded, withdrawn, its theme).
 */
@Service
public class LearningLookup {

	private final Repositories repositories;

	private final LearningStore store;

	private final RecallCorpus corpus;

	private final LearningViews views;

	private final Themes themes;

	private final LearningRecall recall;

	LearningLookup(Repositories repositories, LearningStore store, RecallCorpus corpus, LearningViews views,
			Themes themes, LearningRecall recall) {
		this.recall = recall;
		this.repositories = repositories;
		this.store = store;
		this.corpus = corpus;
		this.views = views;
		this.themes = themes;
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
				new RecallQuery(query, limit, true, java.util.Set.of(), java.util.Set.of(), null, null, List.of()));
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
	 */
	public Optional<CanonicalLearning> find(String repoName, String id) {
		Repo repo = this.repositories.require(repoName);
		this.store.ensureFresh(repo);
		record Standing(String head, boolean withdrawn, List<String> theme) {
		}
		Standing standing = this.corpus.read(repo, (corpus) -> {
			RecallCorpus.Doc doc = corpus.byId(id);
			if (doc == null) {
				return null;
			}
			List<RecallCorpus.Doc> chain = LearningRecall.chain(corpus, doc, null);
			RecallCorpus.Doc head = chain.get(chain.size() - 1);
			List<String> theme = this.themes.find(corpus)
				.stream()
				.filter((candidate) -> candidate.ids().contains(id))
				.findFirst()
				.map(Themes.Theme::ids)
				.orElse(List.of());
			boolean withdrawn = head.isWithdrawal() && head != doc;
			return new Standing(withdrawn ? chain.get(chain.size() - 2).id() : head.id(), withdrawn, theme);
		});
		if (standing == null) {
			return Optional.empty();
		}
		LearningRow row = this.views.row(repo.name(), id);
		return Optional
			.of(new CanonicalLearning(repo.name(), id, row.status(), row.learning(), row.evidence(), row.application(),
					CanonicalFormat.normalizeTags(row.tags()), row.paths(), row.contextRepo(), row.relatedIds(),
					standing.head(), standing.withdrawn(), standing.theme(), repo.storeFile().toString()));
	}

}

package io.teamlearnings.learnings.insights;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.recall.RecallCorpus;
import io.teamlearnings.repos.Repo;

import org.springframework.stereotype.Component;

/**
 * A repository's active rows in file order, as written, for the views that follow the
 * {@code learnings} tool's grouping (codify candidates, the memory digest). Active is the
 * one definition of supersession chains ({@code SupersessionChains}, through the corpus):
 * neither superseded nor withdrawn, and not itself a withdrawal.
 */
@Component
class ActiveRows {

	private final IndexSync sync;

	private final RecallCorpus corpus;

	private final LearningViews views;

	ActiveRows(IndexSync sync, RecallCorpus corpus, LearningViews views) {
		this.sync = sync;
		this.corpus = corpus;
		this.views = views;
	}

	/**
	 * A repository's active rows.
	 *
	 * @param repo the repository
	 * @param stored rows in its store, active or not
	 * @param rows its active rows, in file order
	 */
	record Active(Repo repo, int stored, List<ToolRow> rows) {
	}

	/**
	 * @param repoName the repository
	 * @return its active rows, the index caught up with the file first
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if no repository has that
	 * name
	 */
	Active of(String repoName) {
		Repo repo = this.sync.fresh(repoName);
		record Ids(int stored, List<String> active) {
		}
		Ids ids = this.corpus.read(repo, (corpus) -> new Ids(corpus.docs().size(),
				corpus.docs().stream().filter(corpus::isActive).map(RecallCorpus.Doc::id).toList()));
		Map<String, LearningRow> rows = this.views.rows(repo.name(), ids.active());
		return new Active(repo, ids.stored(),
				ids.active().stream().distinct().map(rows::get).filter(Objects::nonNull).map(ToolRow::of).toList());
	}

}

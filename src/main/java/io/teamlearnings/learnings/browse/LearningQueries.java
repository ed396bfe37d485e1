package io.teamlearnings.learnings.browse;

import java.util.List;

import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.IndexedLearning;
import io.teamlearnings.learnings.index.IndexedLearningRepository;
import io.teamlearnings.learnings.index.LearningView;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * Reads learnings from the index, newest first, after catching the index up with the file
 * if it changed.
 */
@Service
public class LearningQueries {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("capturedTs").nullsLast(),
			Sort.Order.desc("lineNo"));

	private final Repositories repositories;

	private final IndexSync sync;

	private final IndexedLearningRepository rows;

	private final LearningViews views;

	LearningQueries(Repositories repositories, IndexSync sync, IndexedLearningRepository rows, LearningViews views) {
		this.repositories = repositories;
		this.sync = sync;
		this.rows = rows;
		this.views = views;
	}

	/**
	 * One page of a repository's rows that pass the filter, newest first, after the index
	 * has caught up with the file.
	 * @param repoName the repository
	 * @param filter the filter
	 * @param page the page, from 0
	 * @param size rows per page
	 * @return the page, with the total count
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if no repository has that
	 * name
	 */
	public PagedResult<LearningView> browse(String repoName, BrowseFilter filter, int page, int size) {
		Repo repo = fresh(repoName);
		Page<IndexedLearning> found = this.rows.findAll(filter.toSpecification(repo.name()),
				PageRequest.of(page, size, NEWEST_FIRST));
		return PagedResult.of(found, this.views.of(repo.name(), found.getContent()));
	}

	/** The {@code limit} newest rows of a repository, superseded ones included. */
	public List<LearningView> recent(String repoName, int limit) {
		return browse(repoName, new BrowseFilter(null, null, null, null, null, true), 0, limit).items();
	}

	/**
	 * One row by id, after the index has caught up with the file.
	 * @throws io.teamlearnings.learnings.index.LearningNotFoundException if no row has
	 * that id
	 */
	public LearningView get(String repoName, String id) {
		Repo repo = fresh(repoName);
		return this.views.require(repo.name(), id);
	}

	private Repo fresh(String repoName) {
		Repo repo = this.repositories.require(repoName);
		this.sync.ensureFresh(repo);
		return repo;
	}

}

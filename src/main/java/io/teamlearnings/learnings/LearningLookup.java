package io.teamlearnings.learnings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.index.SupersessionChains;
import io.teamlearnings.learnings.insights.LearningsDigest;
import io.teamlearnings.learnings.insights.Themes;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.recall.LearningRecall;
import io.teamlearnings.learnings.recall.RecallCorpus;
import io.teamlearnings.learnings.recall.RecallQuery;
import io.teamlearnings.learnings.recall.RecallResult;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.security.AccessPolicy;

import org.springframework.stereotype.Service;

/**
 * The learnings module's API for other modules: canonical rows with where they stand
 * (superseded, withdrawn, their theme), a repository's memory digest, and recall across
 * repositories. Every call first catches the index up with the file.
 */
@Service
public class LearningLookup {

	private final IndexSync sync;

	private final RecallCorpus corpus;

	private final LearningViews views;

	private final Themes themes;

	private final LearningRecall recall;

	private final LearningsDigest digests;

	private final Repositories repositories;

	LearningLookup(IndexSync sync, RecallCorpus corpus, LearningViews views, Themes themes, LearningRecall recall,
			LearningsDigest digests, Repositories repositories) {
		this.repositories = repositories;
		this.sync = sync;
		this.corpus = corpus;
		this.views = views;
		this.themes = themes;
		this.recall = recall;
		this.digests = digests;
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
	 * A repository's memory digest, as the learnings tool's {@code memory-digest} writes
	 * it.
	 *
	 * @param content its Markdown
	 * @param candidates its promotion candidates
	 * @param rows the rows its candidates cite
	 * @param sources the canonical files it read (one: the repository's)
	 */
	public record Digest(String content, int candidates, int rows, int sources) {
	}

	/**
	 * Recall across every repository the current caller may read, current rows only.
	 * @param query what to recall
	 * @param limit most hits
	 * @return the best hits, best first; none when the caller may read no repository
	 */
	public List<Recalled> recallAcross(String query, int limit) {
		List<String> readable = AccessPolicy.readable(this.repositories.all().stream().map(Repo::name).toList());
		if (query.isBlank() || readable.isEmpty()) {
			return List.of();
		}
		RecallResult result = this.recall.recallAcross(readable,
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
	 * The memory digest of a repository's active rows: its promotion candidates
	 * ({@code codify_now} rows, and {@code avoid_for_now} and {@code review_later} rows
	 * with anchored evidence or, for {@code review_later}, a path), in the Markdown of
	 * the learnings tool's {@code memory-digest}.
	 * @param repoName the repository
	 * @param generatedAt when it is written, its {@code generated_at}
	 * @return the digest
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if no repository has that
	 * name
	 */
	public Digest memoryDigest(String repoName, Instant generatedAt) {
		LearningsDigest.Digest digest = this.digests.of(repoName, generatedAt);
		return new Digest(digest.content(), digest.candidates(), digest.rows(), digest.sources());
	}

	private static CanonicalLearning canonical(Repo repo, LearningRow row, SupersessionChains.Standing standing,
			List<String> theme) {
		return new CanonicalLearning(repo.name(), row.id(), row.capturedAt(), row.status(), row.learning(),
				row.evidence(), row.application(), CanonicalFormat.normalizeTags(row.tags()), row.paths(),
				row.contextRepo(), row.relatedIds(), standing.current(), standing.withdrawn(), theme,
				repo.storeFile().toString());
	}

}

package io.teamlearnings.learnings.write;

import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.learnings.LearningSuperseded;
import io.teamlearnings.learnings.SupersessionFollower;
import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.index.StoreProperties;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.quality.QualityMode;
import io.teamlearnings.learnings.quality.QualityVerdict;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Writes learnings to a repository's canonical {@code .learnings.jsonl}: appends,
 * supersessions, withdrawals and shares to the team repository, each decided and written
 * by {@link GroupCommit}. A caller's new row (append, supersede) first passes the
 * {@code learnings} tool's quality gate in strict mode; a withdrawal (the service's own
 * row) and a share (a copy of a row already in a store) are not judged. After a row that
 * supersedes another is on disk, every {@link SupersessionFollower} is told and its proof
 * lines join the answer.
 */
@Service
class LearningWriter {

	private static final Logger log = LoggerFactory.getLogger(LearningWriter.class);

	private final Repositories repositories;

	private final IndexSync sync;

	private final GroupCommit commits;

	private final LearningViews views;

	private final StoreProperties properties;

	private final ObjectProvider<SupersessionFollower> followers;

	LearningWriter(Repositories repositories, IndexSync sync, GroupCommit commits, LearningViews views,
			StoreProperties properties, ObjectProvider<SupersessionFollower> followers) {
		this.repositories = repositories;
		this.sync = sync;
		this.commits = commits;
		this.views = views;
		this.properties = properties;
		this.followers = followers;
	}

	/**
	 * Appends a row; {@code supersedes_id} in the request makes it supersede that row.
	 * @param attribution the authenticated caller's identity, written as the source; null
	 * for the trusted local caller
	 * @param mode the quality mode the caller asked for, or null for the server's
	 * ({@code learnings.store.quality-mode})
	 * @throws QualityRefusedException if the strict quality gate refuses the row
	 */
	AppendResult append(String repoName, AppendRequest request, boolean force, @Nullable String attribution,
			@Nullable QualityMode mode) {
		Repo repo = this.repositories.require(repoName);
		return judgedWrite(repo, request, request.supersedesId(), force, attribution, mode, false);
	}

	/**
	 * Appends {@code request} as the row that supersedes row {@code id}; the old line is
	 * left as it is.
	 * @param mode the quality mode the caller asked for, or null for the server's
	 * @throws QualityRefusedException if the strict quality gate refuses the row
	 */
	AppendResult supersede(String repoName, String id, AppendRequest request, boolean force,
			@Nullable String attribution, @Nullable QualityMode mode) {
		Repo repo = this.repositories.require(repoName);
		return judgedWrite(repo, request, id, force, attribution, mode, true);
	}

	/**
	 * Drafts a caller's row and, in strict mode, puts it through the quality gate before
	 * anything else (as the tool judges before it looks for duplicates); the gate's
	 * warnings join the answer.
	 */
	private AppendResult judgedWrite(Repo repo, AppendRequest request, @Nullable String supersedesId, boolean force,
			@Nullable String attribution, @Nullable QualityMode requested, boolean targetInPath) {
		QualityMode mode = (requested != null) ? requested : this.properties.qualityMode();
		Draft draft = Draft.of(request, source(request.source(), attribution), supersedesId, mode);
		QualityVerdict verdict = (mode == QualityMode.STRICT) ? draft.judge(repo, this.properties.allowTempPath())
				: QualityVerdict.notJudged();
		if (verdict.refused()) {
			throw new QualityRefusedException(verdict);
		}
		return write(repo, draft, force, targetInPath).withWarnings(verdict.warnings());
	}

	/**
	 * Appends a {@code withdrawn} row that supersedes row {@code id}, taking it out of
	 * recall; browse still lists it with {@code include_superseded}.
	 */
	AppendResult withdraw(String repoName, String id, WithdrawRequest request, @Nullable String attribution) {
		Repo repo = this.repositories.require(repoName);
		return write(repo, Draft.withdrawal(id, request.reason(), source(request.source(), attribution)), true, true);
	}

	/**
	 * Copies row {@code id} into the team repository as a new row whose related_ids name
	 * the original; sharing the same rule twice is a duplicate-skip.
	 * @throws InvalidLearningException if no team repository is configured, or it is this
	 * one
	 */
	AppendResult share(String repoName, String id, @Nullable String attribution) {
		Repo repo = this.repositories.require(repoName);
		String team = this.properties.teamRepo();
		if (team == null || team.isBlank()) {
			throw InvalidLearningException.noTeamRepository();
		}
		Repo teamRepo = this.repositories.require(team);
		if (teamRepo.name().equals(repo.name())) {
			throw InvalidLearningException.sharingTheTeamRepository(team);
		}
		this.sync.ensureFresh(repo);
		LearningRow row = this.views.row(repo.name(), id);
		Draft copy = Draft.sharedCopy(row, id, source(row.source(), attribution));
		return write(teamRepo, copy, false, false);
	}

	private AppendResult write(Repo repo, Draft draft, boolean force, boolean targetInPath) {
		AppendResult appended = this.commits.append(repo, draft, force, targetInPath);
		if (draft.supersedesId() == null || !appended.appended()) {
			return appended;
		}
		LearningSuperseded event = new LearningSuperseded(repo.name(), draft.supersedesId(), appended.id(),
				CanonicalFormat.WITHDRAWN.equals(draft.status()));
		List<String> proofs = new ArrayList<>();
		this.followers.orderedStream().forEach((follower) -> {
			try {
				proofs.addAll(follower.follow(event));
			}
			catch (RuntimeException ex) {
				log.warn("A follower failed after {} superseded {}; the row stays written", appended.id(),
						draft.supersedesId(), ex);
			}
		});
		return appended.withMemoryNotes(proofs);
	}

	/**
	 * The source written for a row: the caller's identity when it has one (a token), so
	 * attribution cannot be forged; otherwise what the trusted caller says, or the
	 * default.
	 */
	private String source(@Nullable String requested, @Nullable String attribution) {
		if (attribution != null) {
			return attribution;
		}
		return (requested != null && !requested.isBlank()) ? requested.strip() : this.properties.defaultSource();
	}

}

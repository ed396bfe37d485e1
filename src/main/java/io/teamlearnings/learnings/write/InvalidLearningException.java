package io.teamlearnings.learnings.write;

import io.teamlearnings.learnings.quality.QualityMode;
import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request to write a learning broke a rule of the store: 400 "Invalid learning" naming
 * the field and why.
 */
public class InvalidLearningException extends ErrorResponseException {

	private InvalidLearningException(String field, String reason) {
		this(Problems.field("Invalid learning", "Field '" + field + "' " + reason, field, reason));
	}

	private InvalidLearningException(ProblemDetail problem) {
		super(HttpStatus.BAD_REQUEST, problem, null);
	}

	static InvalidLearningException reservedStatus(String status) {
		return new InvalidLearningException("status", "'" + status
				+ "' is written only by POST /api/repos/{repo}/learnings/{id}/withdraw, which gives the reason");
	}

	/** A {@code quality_mode} parameter other than the tool's two modes. */
	static InvalidLearningException unknownQualityMode(String given) {
		String message = "must be " + QualityMode.STRICT.value() + " or " + QualityMode.BEST_EFFORT.value();
		return new InvalidLearningException(Problems.field("Invalid parameter",
				"Parameter '" + WriteController.QUALITY_MODE + "' cannot be '" + given + "'; it " + message,
				WriteController.QUALITY_MODE, message));
	}

	static InvalidLearningException blankAfterNormalising(String field) {
		return new InvalidLearningException(field, "is empty once normalised");
	}

	static InvalidLearningException unknownSupersededRow(String id, String repo) {
		return new InvalidLearningException("supersedes_id",
				"no row with id '" + id + "' in repository '" + repo + "' to supersede");
	}

	static InvalidLearningException noTeamRepository() {
		return new InvalidLearningException("team_repo",
				"is not configured (learnings.store.team-repo), so there is nowhere to share to");
	}

	static InvalidLearningException sharingTheTeamRepository(String team) {
		return new InvalidLearningException("repo", "'" + team + "' is the team repository itself");
	}

	static InvalidLearningException controlCharacters(String field) {
		return new InvalidLearningException(field, "contains control characters");
	}

	static InvalidLearningException unpairedSurrogate(String field) {
		return new InvalidLearningException(field,
				"contains an unpaired UTF-16 surrogate (a lone \\uD800-\\uDFFF escape), which is not Unicode text");
	}

}

package io.teamlearnings.learnings.write;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request to write a learning broke a rule of the store: 400 "Invalid learning" naming
 * the field and why.
 */
public class InvalidLearningException extends ErrorResponseException {

	private InvalidLearningException(String field, String reason) {
		super(HttpStatus.BAD_REQUEST,
				Problems.field("Invalid learning", "Field '" + field + "' " + reason, field, reason), null);
	}

	static InvalidLearningException unknownStatus(String given, String normalized) {
		return new InvalidLearningException("status", "'" + given + "' (normalised '" + normalized
				+ "') is not a status; use one of " + String.join(", ", CanonicalFormat.STATUSES));
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

}

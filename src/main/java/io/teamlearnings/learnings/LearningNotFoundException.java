package io.teamlearnings.learnings;

/**
 * No row with the requested id in the repository.
 */
class LearningNotFoundException extends RuntimeException {

	private LearningNotFoundException(String message) {
		super(message);
	}

	static LearningNotFoundException forId(String repo, String id) {
		return new LearningNotFoundException("No learning with id '" + id + "' in repository '" + repo + "'.");
	}

}

package io.teamlearnings.admissions;

/**
 * No note with that id in the repository.
 */
class NoteNotFoundException extends RuntimeException {

	private NoteNotFoundException(String message) {
		super(message);
	}

	static NoteNotFoundException of(String repo, String id) {
		return new NoteNotFoundException("No memory note '" + id + "' for repository '" + repo + "'.");
	}

}

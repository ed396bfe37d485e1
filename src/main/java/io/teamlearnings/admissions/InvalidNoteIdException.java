package io.teamlearnings.admissions;

/**
 * A note id that is not of the form {@code MSN-<UTC time>-<16 hex>}; refused before any
 * file is looked up, so no id can reach outside the notes directory.
 */
class InvalidNoteIdException extends RuntimeException {

	private InvalidNoteIdException(String message) {
		super(message);
	}

	static InvalidNoteIdException of(String id) {
		return new InvalidNoteIdException(
				"'" + id + "' is not a note id; note ids look like MSN-20260528T170724Z-0123456789abcdef.");
	}

}

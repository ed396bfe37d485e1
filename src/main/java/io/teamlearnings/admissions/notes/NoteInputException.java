package io.teamlearnings.admissions.notes;

/**
 * An input the {@code memory-note} tool would refuse (or that is not JSON it could read),
 * naming the offending field. Nothing is written.
 */
public final class NoteInputException extends RuntimeException {

	private final String field;

	private NoteInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * @param field the field's path in the input ({@code payload.learning_id},
	 * {@code source_refs}); empty for the input as a whole
	 * @param problem what is wrong with it, as a predicate ("is required (a string)")
	 * @return the exception, its message naming the field
	 */
	public static NoteInputException of(String field, String problem) {
		return new NoteInputException(field,
				(field.isEmpty() ? "The memory-note input " : "Field '" + field + "' ") + problem);
	}

	/**
	 * @return the field's path in the input; empty for the input as a whole
	 */
	public String field() {
		return this.field;
	}

}

package io.teamlearnings.learnings.quality;

import java.util.List;

/**
 * What the quality gate said about one row, in the tool's words.
 *
 * @param errors the {@code quality-error:} lines in the tool's order, ending with its
 * hint line when there is any error; empty when the row passes
 * @param warnings the {@code quality-warning:} lines in the tool's order
 * @param fields the fields at fault, in the order of the errors: {@code repo} (its root
 * is temporary), {@code learning}, {@code evidence}, {@code application}
 */
public record QualityVerdict(List<String> errors, List<String> warnings, List<String> fields) {

	public QualityVerdict {
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
		fields = List.copyOf(fields);
	}

	/** The verdict of a row that was not judged (best-effort mode): nothing to say. */
	public static QualityVerdict notJudged() {
		return new QualityVerdict(List.of(), List.of(), List.of());
	}

	/** Whether the strict gate refuses the row. */
	public boolean refused() {
		return !this.errors.isEmpty();
	}

	/** The error lines without the closing hint: what is wrong with the row itself. */
	public List<String> problems() {
		return this.errors.isEmpty() ? List.of() : this.errors.subList(0, this.errors.size() - 1);
	}

}

package io.teamlearnings.learnings.write;

import io.teamlearnings.learnings.quality.QualityMode;
import io.teamlearnings.learnings.quality.QualityVerdict;
import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The strict quality gate refused a new row; nothing was written. A 422 problem detail
 * whose {@code errors} are the gate's {@code quality-error:} lines, exactly as the
 * {@code learnings} tool prints them (its hint line last), with its
 * {@code quality-warning:} lines in {@code warnings} and the fields at fault in
 * {@code fields}.
 */
class QualityRefusedException extends ErrorResponseException {

	private final QualityVerdict verdict;

	QualityRefusedException(QualityVerdict verdict) {
		super(HttpStatus.UNPROCESSABLE_CONTENT,
				Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Refused by the quality gate", detail(verdict)), null);
		this.verdict = verdict;
		getBody().setProperty("errors", verdict.errors());
		getBody().setProperty("warnings", verdict.warnings());
		getBody().setProperty("fields", verdict.fields());
	}

	private static String detail(QualityVerdict verdict) {
		String detail = "The learnings tool's strict quality gate refuses this row ("
				+ String.join(", ", verdict.fields()) + "); 'errors' holds its lines. Send "
				+ WriteController.QUALITY_MODE + "=" + QualityMode.BEST_EFFORT.value()
				+ " only for an intentional exception.";
		if (verdict.fields().contains("repo")) {
			detail += " A repository whose root is under a temporary directory needs the server setting "
					+ "learnings.store.allow-temp-path=true.";
		}
		return detail;
	}

	/** The error lines, one per line, as {@code text/plain} answers them. */
	String lines() {
		StringBuilder text = new StringBuilder();
		this.verdict.errors().forEach((line) -> text.append(line).append('\n'));
		return text.toString();
	}

}

package io.teamlearnings.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The quality gate's lines in the order the learnings tool prints them, all on standard
 * error. The service answers a refused row with its {@code quality-error:} lines and its
 * {@code quality-warning:} lines apart, each in the tool's order; the tool
 * (tkersey/skills-zig {@code append_learning.zig}, {@code validateQuality}) interleaves
 * them as it checks: the temporary-root, length and condition-plus-action errors, then
 * the consequence warning, then the evidence and application errors, then the
 * {@code review_later} warning, then the closing hint.
 */
final class QualityLines {

	private static final List<String> BEFORE_CONSEQUENCE = List.of("quality-error: repo root is ephemeral:",
			"quality-error: learning is too short;", "quality-error: learning must include explicit condition");

	private static final String CONSEQUENCE = "quality-warning: learning lacks explicit consequence wording";

	private static final String HINT = "quality-error: use --quality-mode best_effort";

	private QualityLines() {
	}

	/**
	 * @param errors the {@code quality-error:} lines, in the tool's order
	 * @param warnings the {@code quality-warning:} lines, in the tool's order
	 * @return every line, in the order the tool prints them
	 */
	static List<String> inToolOrder(List<String> errors, List<String> warnings) {
		List<String> early = new ArrayList<>();
		List<String> late = new ArrayList<>();
		String hint = null;
		for (String error : errors) {
			if (error.startsWith(HINT)) {
				hint = error;
			}
			else if (BEFORE_CONSEQUENCE.stream().anyMatch(error::startsWith)) {
				early.add(error);
			}
			else {
				late.add(error);
			}
		}
		List<String> lines = new ArrayList<>(early);
		warnings.stream().filter((warning) -> warning.startsWith(CONSEQUENCE)).forEach(lines::add);
		lines.addAll(late);
		warnings.stream().filter((warning) -> !warning.startsWith(CONSEQUENCE)).forEach(lines::add);
		if (hint != null) {
			lines.add(hint);
		}
		return lines;
	}

}

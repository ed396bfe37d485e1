package io.teamlearnings.skills.validation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * The verdicts of one validation request, shaped as {@code quick_validate.py --report}
 * writes them ({@code summary} and {@code results}), and its printed output as
 * {@link #text()}.
 *
 * @param summary how many skills were validated, passed and failed
 * @param results one per skill, in the order asked
 */
@Schema(name = "SkillValidationReport")
public record ValidationReport(Summary summary, List<Result> results) {

	/**
	 * @param total skills validated
	 * @param passed valid ones
	 * @param failed the others
	 */
	@Schema(name = "SkillValidationSummary")
	public record Summary(int total, int passed, int failed) {

	}

	/**
	 * One skill's verdict.
	 *
	 * @param path the skill's directory as the script would be given it (absolute), or
	 * {@code upload:<name>} for an uploaded {@code SKILL.md}
	 * @param resolvedPath the directory with links resolved, when it exists; otherwise
	 * the path
	 * @param root the skill root it is in; null for an upload
	 * @param name its name below the root, or the upload's name
	 * @param valid whether it passes
	 * @param message the script's message
	 */
	@Schema(name = "SkillValidationResult")
	public record Result(String path, @JsonProperty("resolved_path") String resolvedPath, @Nullable String root,
			String name, boolean valid, String message) {

	}

	/**
	 * @param results the verdicts, in order
	 * @return the report
	 */
	public static ValidationReport of(List<Result> results) {
		int passed = (int) results.stream().filter(Result::valid).count();
		return new ValidationReport(new Summary(results.size(), passed, results.size() - passed), results);
	}

	/**
	 * What the script prints: for one skill its message; for several a
	 * {@code PASS|FAIL<tab><path><tab><message>} line each, then
	 * {@code Summary: <passed>/<total> skills valid; <failed> failed.}
	 * @return the lines, each ending in a newline
	 */
	public String text() {
		if (this.results.size() == 1) {
			return this.results.get(0).message() + "\n";
		}
		StringBuilder text = new StringBuilder();
		for (Result result : this.results) {
			text.append(result.valid() ? "PASS" : "FAIL")
				.append('\t')
				.append(result.path())
				.append('\t')
				.append(result.message())
				.append('\n');
		}
		return text.append("Summary: ")
			.append(this.summary.passed())
			.append('/')
			.append(this.summary.total())
			.append(" skills valid; ")
			.append(this.summary.failed())
			.append(" failed.\n")
			.toString();
	}

}

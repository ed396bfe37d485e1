package io.teamlearnings.learnings.insights;

import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.quality.QualityGate;

/**
 * A row as the {@code learnings} command-line tool's {@code codify-candidates} and
 * {@code memory-digest} read it (tkersey/skills-zig
 * {@code apps/learnings/scripts/learnings.zig}: {@code collectLearningRows},
 * {@code collectDigestRows}, {@code impactScore}), from the row as written.
 *
 * @param id its id
 * @param capturedAt its capture time as written
 * @param status its status as written
 * @param learning the rule
 * @param application how to apply it
 * @param evidence its evidence items
 * @param tags its tags as written
 * @param paths its context paths
 * @param repo its context repository
 * @param branch its context branch
 */
record ToolRow(String id, String capturedAt, String status, String learning, String application, List<String> evidence,
		List<String> tags, List<String> paths, String repo, String branch) {

	static final String CODIFY_NOW = "codify_now";

	static final String AVOID_FOR_NOW = "avoid_for_now";

	static final String REVIEW_LATER = "review_later";

	private static final List<String> HIGH_IMPACT_TAGS = List.of("security", "data_loss", "corruption", "invariant",
			"ci");

	private static final List<String> HIGH_IMPACT_TEXT = List.of("data loss", "corrupt", "credential", "secret", "leak",
			"force", "--hard");

	private static final List<String> FRAGILE_TEXT = List.of("pre-commit", "precommit", "flake", "flaky", "timeout",
			"loop");

	static ToolRow of(LearningRow row) {
		return new ToolRow(row.id(), row.capturedAt(), row.status(), row.learning(), row.application(), row.evidence(),
				row.tags(), row.paths(), row.contextRepo(), row.branch());
	}

	boolean hasStatus(String wanted) {
		return this.status.equals(wanted);
	}

	/** Its tags joined by commas, the tool's {@code tags_text}. */
	String tagsText() {
		return String.join(",", this.tags);
	}

	/**
	 * Whether one of its evidence items has an anchor ({@link QualityGate#hasAnchor}).
	 */
	boolean anchored() {
		return this.evidence.stream().anyMatch(QualityGate::hasAnchor);
	}

	/**
	 * The tool's {@code impactScore}: 3 for {@code codify_now}, 2 for
	 * {@code avoid_for_now}; 2 when the tags contain {@code security}, {@code data_loss},
	 * {@code corruption}, {@code invariant} or {@code ci} (as text: {@code decision}
	 * contains {@code ci}); 2 when the text contains {@code data loss}, {@code corrupt},
	 * {@code credential}, {@code secret}, {@code leak}, {@code force} or {@code --hard};
	 * 1 when it contains {@code pre-commit}, {@code precommit}, {@code flake},
	 * {@code flaky}, {@code timeout} or {@code loop}. ASCII case is ignored.
	 * @param withPaths whether the text includes the paths ({@code codify-candidates}
	 * reads them, {@code memory-digest} does not)
	 * @return the score, 0 to 9
	 */
	double impact(boolean withPaths) {
		double score = 0;
		if (hasStatus(CODIFY_NOW)) {
			score += 3;
		}
		if (hasStatus(AVOID_FOR_NOW)) {
			score += 2;
		}
		String tagsText = CanonicalFormat.asciiLowerCase(tagsText());
		String text = CanonicalFormat.asciiLowerCase(text(withPaths));
		if (HIGH_IMPACT_TAGS.stream().anyMatch(tagsText::contains)) {
			score += 2;
		}
		if (HIGH_IMPACT_TEXT.stream().anyMatch(text::contains)) {
			score += 2;
		}
		if (FRAGILE_TEXT.stream().anyMatch(text::contains)) {
			score += 1;
		}
		return score;
	}

	/**
	 * The tool's {@code text} of a row: learning, application, evidence (one item a
	 * line), tags (joined by commas) and, if asked for, paths (joined by commas), each
	 * trimmed, the empty ones left out, joined by line feeds.
	 */
	private String text(boolean withPaths) {
		List<String> parts = new ArrayList<>(
				List.of(this.learning, this.application, String.join("\n", this.evidence), tagsText()));
		if (withPaths) {
			parts.add(String.join(",", this.paths));
		}
		return String.join("\n", parts.stream().map(ToolText::trim).filter((part) -> !part.isEmpty()).toList());
	}

}

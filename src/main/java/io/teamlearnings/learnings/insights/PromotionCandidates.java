package io.teamlearnings.learnings.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The promotion candidates of a memory digest, chosen as the {@code learnings} tool's
 * {@code memory-digest} chooses them (tkersey/skills-zig
 * {@code apps/learnings/scripts/learnings.zig}: {@code digestEligible},
 * {@code buildDigestCandidates}, {@code digestRowScore}, {@code lessDigestCandidate},
 * {@code digestPriority}).
 * <p>
 * A row is eligible when it is {@code codify_now}; {@code avoid_for_now} with an anchored
 * evidence item ({@link io.teamlearnings.learnings.quality.QualityGate#hasAnchor}); or
 * {@code review_later} with an anchored evidence item or at least one context path.
 * Eligible rows are grouped by the tool's {@link ThemeKey} of their tags (joined by
 * commas) and learning. A row scores its {@link ToolRow#impact impact} (text without
 * paths), plus 5 for {@code codify_now}, 3 for {@code avoid_for_now}, 1 for
 * {@code review_later}, 1 for anchored evidence and 0.05 per context path; a group scores
 * the sum over its rows plus their number. Groups come highest score first, then by
 * theme; the first 12 are the candidates, each keeping its first 8 rows in file order.
 */
final class PromotionCandidates {

	/** The tool's default {@code --limit}. */
	static final int MAX_CANDIDATES = 12;

	/** Rows a candidate keeps. */
	static final int MAX_ROWS = 8;

	private PromotionCandidates() {
	}

	/**
	 * A candidate.
	 *
	 * @param theme the tool's theme of its rows
	 * @param score the tool's score
	 * @param rows its first rows in file order, at most {@link #MAX_ROWS}
	 */
	record Candidate(String theme, double score, List<ToolRow> rows) {

		/**
		 * The tool's priority: {@code high} with a {@code codify_now} row,
		 * {@code medium-high} with an {@code avoid_for_now} row or at least 3 rows,
		 * {@code medium} otherwise (of the rows kept).
		 */
		String priority() {
			if (has(ToolRow.CODIFY_NOW)) {
				return "high";
			}
			if (has(ToolRow.AVOID_FOR_NOW) || this.rows.size() >= 3) {
				return "medium-high";
			}
			return "medium";
		}

		boolean has(String status) {
			return this.rows.stream().anyMatch((row) -> row.hasStatus(status));
		}

	}

	/**
	 * @param rows active rows, in file order
	 * @return the candidates, best first
	 */
	static List<Candidate> of(List<ToolRow> rows) {
		Map<String, List<ToolRow>> groups = new LinkedHashMap<>();
		for (ToolRow row : rows) {
			if (eligible(row)) {
				groups.computeIfAbsent(ThemeKey.of(row.tagsText(), row.learning()), (key) -> new ArrayList<>())
					.add(row);
			}
		}
		List<Candidate> candidates = new ArrayList<>();
		groups.forEach((theme, group) -> {
			double score = 0;
			for (ToolRow row : group) {
				score += score(row);
			}
			candidates.add(new Candidate(theme, score + group.size(),
					List.copyOf(group.subList(0, Math.min(group.size(), MAX_ROWS)))));
		});
		return candidates.stream()
			.sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::theme))
			.limit(MAX_CANDIDATES)
			.toList();
	}

	static boolean eligible(ToolRow row) {
		if (row.hasStatus(ToolRow.CODIFY_NOW)) {
			return true;
		}
		if (row.hasStatus(ToolRow.AVOID_FOR_NOW)) {
			return row.anchored();
		}
		if (row.hasStatus(ToolRow.REVIEW_LATER)) {
			return row.anchored() || !row.paths().isEmpty();
		}
		return false;
	}

	private static double score(ToolRow row) {
		double score = row.impact(false);
		if (row.hasStatus(ToolRow.CODIFY_NOW)) {
			score += 5.0;
		}
		if (row.hasStatus(ToolRow.AVOID_FOR_NOW)) {
			score += 3.0;
		}
		if (row.hasStatus(ToolRow.REVIEW_LATER)) {
			score += 1.0;
		}
		if (row.anchored()) {
			score += 1.0;
		}
		return score + row.paths().size() * 0.05;
	}

}

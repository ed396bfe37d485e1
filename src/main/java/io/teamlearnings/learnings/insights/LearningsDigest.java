package io.teamlearnings.learnings.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.quality.QualityGate;

import org.springframework.stereotype.Component;

/**
 * A repository's memory digest, the Markdown the {@code learnings} tool's
 * {@code memory-digest} writes (tkersey/skills-zig
 * {@code apps/learnings/scripts/learnings.zig}: {@code renderMemoryDigestAlloc},
 * {@code renderDigestCandidate}), over the repository's active rows: a header
 * ({@code # Learnings Digest}, {@code generated_at}, {@code generator},
 * {@code canonical: false} and the tool's other lines), the selection policy, the source
 * file, then the {@link PromotionCandidates promotion candidates}, each with its
 * priority, {@code suggested_target: MEMORY.md}, scope, statuses, supporting ids,
 * decision delta (up to 3 learnings), evidence anchors (up to 5 anchored evidence items
 * or paths), proposed guidance (up to 3 applications), failure shields (for
 * {@code review_later} and {@code avoid_for_now} rows) and a summary line, then the
 * tool's recommendations. Text is put on one line ({@link ToolText#oneLine}) and
 * shortened as the tool shortens it ({@link ToolText#shorten}).
 */
@Component
public class LearningsDigest {

	private static final String HEADER = """
			# Learnings Digest

			generated_at: %s
			generator: learnings memory-digest
			source: .learnings.jsonl
			source_repo: multiple
			source_count: %d
			source_branch_policy: preserve per-entry branch; do not globalize branch-local guidance
			digest_kind: candidate evidence for Codex Phase 2 memory consolidation
			canonical: false

			This file is a generated, disposable resource for the `learnings` memory
			extension. It is not durable memory. Promote only entries that pass the
			decision-delta, evidence-anchor, scope, and actionability gates.

			Do not copy this file wholesale into MEMORY.md. Use it to decide which
			repo-scoped memories, failure shields, verification routes, or skills deserve
			promotion.

			## Selection policy used

			- Included `codify_now` entries.
			- Included `avoid_for_now` and `review_later` entries only when they carry concrete evidence anchors or path scope.
			- Clustered near-duplicates by task family.
			- Compressed command/path evidence into the smallest discriminative anchors.
			- Preserved repo and branch scope per entry.

			## Source files
			""";

	private static final String RECOMMENDATIONS = """
			## Generator recommendations

			- Keep the digest disposable; promote only the condensed memory guidance.
			- Re-run `learnings memory-digest` after append-heavy work before memory consolidation.
			- Use `--scan-root` to narrow a consolidation pass when a repo family needs focused review.
			""";

	private static final int MAX_ANCHORS = 5;

	private final ActiveRows active;

	LearningsDigest(ActiveRows active) {
		this.active = active;
	}

	/**
	 * A digest's content.
	 *
	 * @param content its Markdown
	 * @param candidates its promotion candidates
	 * @param rows the rows its candidates cite
	 * @param sources the canonical files it read (one: the repository's)
	 */
	public record Digest(String content, int candidates, int rows, int sources) {
	}

	/**
	 * @param repoName the repository
	 * @param generatedAt when it is written, to the second in {@code generated_at}
	 * @return the digest of its active rows
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if no repository has that
	 * name
	 */
	public Digest of(String repoName, Instant generatedAt) {
		ActiveRows.Active rows = this.active.of(repoName);
		List<PromotionCandidates.Candidate> candidates = PromotionCandidates.of(rows.rows());
		List<String> sources = List.of(rows.repo().storeFile().toString());
		long cited = candidates.stream()
			.flatMap((candidate) -> candidate.rows().stream())
			.map(ToolRow::id)
			.distinct()
			.count();
		return new Digest(markdown(CanonicalFormat.capturedAt(generatedAt), sources, candidates), candidates.size(),
				(int) cited, sources.size());
	}

	/**
	 * @param generatedAt the {@code generated_at} value
	 * @param sources the canonical files read
	 * @param candidates the promotion candidates, best first
	 * @return the digest's Markdown
	 */
	static String markdown(String generatedAt, List<String> sources, List<PromotionCandidates.Candidate> candidates) {
		StringBuilder md = new StringBuilder(HEADER.formatted(generatedAt, sources.size()));
		sources.forEach((source) -> md.append("- `").append(source).append("`\n"));
		md.append("\n## Promotion candidates\n\n");
		if (candidates.isEmpty()) {
			return md.append("No promotion candidates matched this digest policy.\n").toString();
		}
		for (int i = 0; i < candidates.size(); i++) {
			candidate(md, candidates.get(i), i + 1);
		}
		return md.append(RECOMMENDATIONS).toString();
	}

	private static void candidate(StringBuilder md, PromotionCandidates.Candidate candidate, int ordinal) {
		List<ToolRow> rows = candidate.rows();
		ToolRow first = rows.get(0);
		String repos = joined(rows, ToolRow::repo);
		String title = ToolText.oneLine(first.learning());
		md.append("### P")
			.append(ordinal)
			.append(": ")
			.append(ToolText.shorten(title.isEmpty() ? candidate.theme() : title, 86))
			.append("\n\npriority: ")
			.append(candidate.priority())
			.append("\nsuggested_target: MEMORY.md\nscope: repo=")
			.append(repos)
			.append("; branch=")
			.append(joined(rows, ToolRow::branch))
			.append("\nconfidence: candidate\nstatus_mix: ")
			.append(joined(rows, ToolRow::status))
			.append("\nsupporting_learning_ids:\n");
		unique(rows, ToolRow::id).forEach((id) -> md.append("- ").append(id).append('\n'));
		md.append("\ndecision_delta:\n");
		bullets(md, rows, ToolRow::learning, 3, "");
		md.append("\nevidence_anchors:\n");
		List<String> anchors = anchors(rows);
		if (anchors.isEmpty()) {
			md.append("- none\n");
		}
		anchors.forEach((anchor) -> md.append("- `").append(anchor).append("`\n"));
		md.append("\nproposed_memory_guidance:\n");
		bullets(md, rows, ToolRow::application, 3, "");
		if (candidate.has(ToolRow.REVIEW_LATER) || candidate.has(ToolRow.AVOID_FOR_NOW)) {
			md.append("\nfailure_shields:\n");
			bullets(md, rows, ToolRow::learning, 2, "If this recurs, preserve the scoped rule: ");
		}
		md.append("\nmemory_summary_candidate:\n- In ")
			.append(repos)
			.append(", ")
			.append(ToolText.shorten(ToolText.oneLine(first.learning()), 220))
			.append("\n\n---\n\n");
	}

	/**
	 * The tool's {@code appendDigestBulletsFromRows}: distinct values, {@code - none} if
	 * none.
	 */
	private static void bullets(StringBuilder md, List<ToolRow> rows, Function<ToolRow, String> field, int limit,
			String prefix) {
		Set<String> seen = new LinkedHashSet<>();
		for (ToolRow row : rows) {
			String value = ToolText.oneLine(field.apply(row));
			if (seen.size() < limit && !value.isEmpty()) {
				seen.add(ToolText.shorten(value, 260));
			}
		}
		if (seen.isEmpty()) {
			md.append("- none\n");
		}
		seen.forEach((value) -> md.append("- ").append(prefix).append(value).append('\n'));
	}

	/**
	 * The tool's {@code appendEvidenceAnchors}: the anchored evidence lines of the rows,
	 * then their paths, each shortened to 120 bytes with backticks turned into quotes,
	 * distinct, at most 5.
	 */
	private static List<String> anchors(List<ToolRow> rows) {
		Set<String> anchors = new LinkedHashSet<>();
		for (ToolRow row : rows) {
			List<String> lines = new ArrayList<>();
			row.evidence().forEach((item) -> lines.addAll(List.of(item.split("\n", -1))));
			for (String line : lines) {
				String trimmed = ToolText.trim(line);
				if (anchors.size() < MAX_ANCHORS && !trimmed.isEmpty() && !trimmed.equals("none_provided")
						&& QualityGate.hasAnchor(trimmed)) {
					add(anchors, trimmed);
				}
			}
			for (String path : String.join(",", row.paths()).split(",", -1)) {
				String trimmed = ToolText.trim(path);
				if (anchors.size() < MAX_ANCHORS && !trimmed.isEmpty()) {
					add(anchors, trimmed);
				}
			}
		}
		return new ArrayList<>(anchors);
	}

	private static void add(Set<String> anchors, String text) {
		String code = ToolText.trim(ToolText.shorten(ToolText.oneLine(text), 120).replace('`', '\''));
		if (!code.isEmpty()) {
			anchors.add(code);
		}
	}

	/**
	 * Distinct non-blank values of the rows, joined by {@code , }; {@code unknown} if
	 * none.
	 */
	private static String joined(List<ToolRow> rows, Function<ToolRow, String> field) {
		List<String> values = unique(rows, field);
		return values.isEmpty() ? "unknown" : String.join(", ", values);
	}

	private static List<String> unique(List<ToolRow> rows, Function<ToolRow, String> field) {
		Set<String> values = new LinkedHashSet<>();
		rows.stream()
			.map((row) -> ToolText.trim(field.apply(row)))
			.filter((value) -> !value.isEmpty())
			.forEach(values::add);
		return new ArrayList<>(values);
	}

}

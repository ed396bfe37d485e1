package io.teamlearnings.learnings.insights;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.teamlearnings.learnings.insights.ToolRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory digest's content, as the learnings tool's {@code memory-digest} writes it
 * (learnings.zig {@code renderMemoryDigestAlloc}): which rows become promotion
 * candidates, in which order, with which priority and target, in the tool's exact layout.
 */
class LearningsDigestTests {

	private static final String GENERATED_AT = "2026-11-23T12:00:00Z";

	private static final List<String> SOURCES = List.of("/work/app/.learnings.jsonl");

	private static final ToolRow CODIFY = row("lrn-c1").status("codify_now")
		.learning("When a migration renames a column, add a view with the old name because readers lag a release.")
		.application("Add the view in the same migration.")
		.evidence("V12__rename.sql applied; 14 tests passed")
		.tags("db")
		.paths("db/migration/V12__rename.sql")
		.build();

	private static final ToolRow AVOID_ANCHORED = row("lrn-a1").status("avoid_for_now")
		.learning("When the emulator image floats, avoid latest tags because tests break overnight.")
		.application("Pin the emulator image by digest.")
		.evidence("ci run 8812345 failed at emulator boot")
		.tags("ci")
		.build();

	private static final ToolRow AVOID_UNANCHORED = row("lrn-a2").status("avoid_for_now")
		.learning("When a reviewer is busy, avoid large pull requests because reviews stall.")
		.application("Split the change.")
		.evidence("it felt slow")
		.build();

	private static final ToolRow REVIEW_WITH_PATH = row("lrn-r1").status("review_later")
		.learning("If a cache key includes the branch, review whether main builds reuse it.")
		.application("Compare cache hit rates on main.")
		.evidence("not measured yet")
		.paths("ci/cache.yml")
		.build();

	private static final ToolRow REVIEW_UNANCHORED = row("lrn-r2").status("review_later")
		.learning("If deploys feel slow, review the rollout settings.")
		.application("Time the next deploy.")
		.evidence("anecdotal")
		.build();

	private static final ToolRow DO_MORE_ANCHORED = row("lrn-d1").status("do_more")
		.learning("When a test is slow, profile it before tuning because guesses miss.")
		.application("Profile first.")
		.evidence("ProfileTest.java: 40 s to 4 s")
		.build();

	private static final String HEADER = """
			# Learnings Digest

			generated_at: 2026-11-23T12:00:00Z
			generator: learnings memory-digest
			source: .learnings.jsonl
			source_repo: multiple
			source_count: 1
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
			- `/work/app/.learnings.jsonl`

			## Promotion candidates

			""";

	@Test
	void writesTheToolsDigestOfTheEligibleRowsBestFirst() {
		List<PromotionCandidates.Candidate> candidates = PromotionCandidates.of(List.of(DO_MORE_ANCHORED,
				REVIEW_UNANCHORED, REVIEW_WITH_PATH, AVOID_UNANCHORED, AVOID_ANCHORED, CODIFY));

		assertThat(LearningsDigest.markdown(GENERATED_AT, SOURCES, candidates)).isEqualTo(
				HEADER + """
						### P1: When a migration renames a column, add a view with the old name because readers lag...

						priority: high
						suggested_target: MEMORY.md
						scope: repo=acme/app; branch=main
						confidence: candidate
						status_mix: codify_now
						supporting_learning_ids:
						- lrn-c1

						decision_delta:
						- When a migration renames a column, add a view with the old name because readers lag a release.

						evidence_anchors:
						- `V12__rename.sql applied; 14 tests passed`
						- `db/migration/V12__rename.sql`

						proposed_memory_guidance:
						- Add the view in the same migration.

						memory_summary_candidate:
						- In acme/app, When a migration renames a column, add a view with the old name because readers lag a release.

						---

						### P2: When the emulator image floats, avoid latest tags because tests break overnight.

						priority: medium-high
						suggested_target: MEMORY.md
						scope: repo=acme/app; branch=main
						confidence: candidate
						status_mix: avoid_for_now
						supporting_learning_ids:
						- lrn-a1

						decision_delta:
						- When the emulator image floats, avoid latest tags because tests break overnight.

						evidence_anchors:
						- `ci run 8812345 failed at emulator boot`

						proposed_memory_guidance:
						- Pin the emulator image by digest.

						failure_shields:
						- If this recurs, preserve the scoped rule: When the emulator image floats, avoid latest tags because tests break overnight.

						memory_summary_candidate:
						- In acme/app, When the emulator image floats, avoid latest tags because tests break overnight.

						---

						### P3: If a cache key includes the branch, review whether main builds reuse it.

						priority: medium
						suggested_target: MEMORY.md
						scope: repo=acme/app; branch=main
						confidence: candidate
						status_mix: review_later
						supporting_learning_ids:
						- lrn-r1

						decision_delta:
						- If a cache key includes the branch, review whether main builds reuse it.

						evidence_anchors:
						- `ci/cache.yml`

						proposed_memory_guidance:
						- Compare cache hit rates on main.

						failure_shields:
						- If this recurs, preserve the scoped rule: If a cache key includes the branch, review whether main builds reuse it.

						memory_summary_candidate:
						- In acme/app, If a cache key includes the branch, review whether main builds reuse it.

						---

						## Generator recommendations

						- Keep the digest disposable; promote only the condensed memory guidance.
						- Re-run `learnings memory-digest` after append-heavy work before memory consolidation.
						- Use `--scan-root` to narrow a consolidation pass when a repo family needs focused review.
						""");
	}

	@Test
	void saysSoWhenNoRowIsACandidate() {
		List<PromotionCandidates.Candidate> none = PromotionCandidates
			.of(List.of(DO_MORE_ANCHORED, REVIEW_UNANCHORED, AVOID_UNANCHORED));

		assertThat(none).isEmpty();
		assertThat(LearningsDigest.markdown(GENERATED_AT, SOURCES, none))
			.isEqualTo(HEADER + "No promotion candidates matched this digest policy.\n");
	}

	@Test
	void choosesCodifyNowRowsAndAnchoredAvoidAndReviewRows() {
		assertThat(List.of(CODIFY, AVOID_ANCHORED, REVIEW_WITH_PATH)).allMatch(PromotionCandidates::eligible);
		assertThat(List.of(AVOID_UNANCHORED, REVIEW_UNANCHORED, DO_MORE_ANCHORED))
			.noneMatch(PromotionCandidates::eligible);
		assertThat(PromotionCandidates.eligible(row("lrn-r3").status("review_later")
			.learning("If the nightly job stalls, review its timeout.")
			.evidence("job 3 exited 137")
			.build())).isTrue();
		assertThat(PromotionCandidates.eligible(row("lrn-a3").status("avoid_for_now")
			.learning("When the queue backs up, avoid manual replays.")
			.paths("ops/replay.sh")
			.build())).as("a path is no anchor for avoid_for_now").isFalse();
	}

	@Test
	void groupsByTagsAndLearningAndRanksPriorities() {
		List<ToolRow> rows = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			rows.add(row("lrn-q" + i).status("review_later")
				.learning("If the nightly job stalls, review its timeout" + ".".repeat(i))
				.paths("ops/nightly.yml")
				.build());
		}
		rows.add(row("lrn-q4").status("review_later")
			.learning("If the nightly job stalls, review its timeout.")
			.tags("ops")
			.paths("ops/nightly.yml")
			.build());

		List<PromotionCandidates.Candidate> candidates = PromotionCandidates.of(rows);

		assertThat(candidates).extracting(PromotionCandidates.Candidate::theme)
			.containsExactly("its job nightly review stall timeout", "its job nightly ops review stall");
		assertThat(candidates).extracting(PromotionCandidates.Candidate::priority)
			.containsExactly("medium-high", "medium");
	}

	@Test
	void keepsTwelveCandidatesOfAtMostEightRows() {
		List<ToolRow> rows = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			rows.add(row("lrn-same" + i).status("codify_now").learning("Pin the toolchain version.").build());
		}
		for (int i = 0; i < 14; i++) {
			rows.add(row("lrn-other" + i).status("codify_now")
				.learning("Pin toolchain number " + (char) ('a' + i) + "xx" + " in ci.")
				.build());
		}

		List<PromotionCandidates.Candidate> candidates = PromotionCandidates.of(rows);

		assertThat(candidates).hasSize(12);
		assertThat(candidates.get(0).rows()).extracting(ToolRow::id)
			.containsExactly("lrn-same0", "lrn-same1", "lrn-same2", "lrn-same3", "lrn-same4", "lrn-same5", "lrn-same6",
					"lrn-same7");
		assertThat(candidates.get(0).score()).as("every row counts towards the score").isEqualTo(10 * (3 + 5) + 10);
	}

}

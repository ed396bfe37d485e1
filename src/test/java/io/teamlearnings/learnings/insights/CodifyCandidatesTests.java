package io.teamlearnings.learnings.insights;

import java.time.Instant;
import java.util.List;

import io.teamlearnings.learnings.insights.CodifyCandidates.Candidate;
import io.teamlearnings.learnings.insights.CodifyTargets.Target;
import org.junit.jupiter.api.Test;

import static io.teamlearnings.learnings.insights.ToolRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Codify candidates as the learnings tool's {@code codify-candidates} groups and scores
 * them, with the service's suggested targets.
 */
class CodifyCandidatesTests {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	/** 60 days before {@link #NOW}: recency e^-1. */
	private static final String SIXTY_DAYS_AGO = "2026-09-24T12:00:00Z";

	/** Three rewordings of one rule: their first six stems are the same. */
	private static final List<ToolRow> PINNED = List.of(
			row("lrn-p1").capturedAt("2026-09-20T12:00:00Z")
				.learning("When a build uses node, pin the version in nvmrc.")
				.build(),
			row("lrn-p2").capturedAt(SIXTY_DAYS_AGO)
				.learning("When a build uses node, pin the version in nvmrc, with yarn.")
				.build(),
			row("lrn-p3").capturedAt("2026-09-22T12:00:00Z")
				.learning("When builds use node, pin version in the nvmrc.")
				.build());

	@Test
	void groupsRowsByTheToolsThemeOfLearningAndApplication() {
		List<Candidate> candidates = CodifyCandidates.candidates(PINNED, 3, 20, NOW);

		assertThat(candidates).singleElement().satisfies((candidate) -> {
			assertThat(candidate.theme()).isEqualTo("build node nvmrc pin use version");
			assertThat(candidate.count()).isEqualTo(3);
			assertThat(candidate.rows()).extracting(CodifyCandidates.Row::id)
				.containsExactly("lrn-p1", "lrn-p2", "lrn-p3");
		});
	}

	@Test
	void aThemeNeedsMinCountRows() {
		assertThat(CodifyCandidates.candidates(PINNED, 3, 20, NOW)).hasSize(1);
		assertThat(CodifyCandidates.candidates(PINNED, 4, 20, NOW)).isEmpty();
		assertThat(CodifyCandidates.candidates(PINNED.subList(0, 2), 3, 20, NOW)).isEmpty();
		assertThat(CodifyCandidates.candidates(PINNED.subList(0, 2), 2, 20, NOW)).singleElement()
			.extracting(Candidate::count)
			.isEqualTo(2);
	}

	@Test
	void aSingleCodifyNowRowIsACandidate() {
		ToolRow codify = row("lrn-c").status("codify_now")
			.learning("When a migration renames a column, add a view with the old name.")
			.build();

		assertThat(CodifyCandidates.candidates(List.of(codify), 3, 20, NOW)).singleElement().satisfies((candidate) -> {
			assertThat(candidate.count()).isEqualTo(1);
			assertThat(candidate.status()).isEqualTo("codify_now");
			assertThat(candidate.target()).isEqualTo(Target.AGENTS_MD_RULE);
			assertThat(candidate.why()).startsWith("Marked codify_now: ");
		});
	}

	@Test
	void scoresTwicePerRowPlusTwiceTheRecencyOfTheLatestRowPlusTheHighestImpact() {
		Candidate candidate = CodifyCandidates.candidates(PINNED, 3, 20, NOW).get(0);

		assertThat(candidate.lastSeen()).isEqualTo(SIXTY_DAYS_AGO);
		assertThat(candidate.learning()).isEqualTo("When a build uses node, pin the version in nvmrc, with yarn.");
		assertThat(candidate.score()).isEqualTo(3 * 2.0 + Math.exp(-1) * 2.0 + 0);

		List<ToolRow> risky = List.of(row("lrn-r").status("codify_now")
			.capturedAt(SIXTY_DAYS_AGO)
			.learning("When a job times out, never force-push the release branch.")
			.tags("ci")
			.build());
		// codify_now 3, the tag ci 2, "force" 2
		assertThat(CodifyCandidates.candidates(risky, 3, 20, NOW).get(0).score())
			.isEqualTo(1 * 2.0 + Math.exp(-1) * 2.0 + 7);
	}

	@Test
	void listsTheHighestScoreFirstAtMostLimit() {
		ToolRow older = row("lrn-o").status("codify_now")
			.capturedAt("2025-01-01T00:00:00Z")
			.learning("Rotate signing keys yearly.")
			.build();
		ToolRow newer = row("lrn-n").status("codify_now")
			.capturedAt("2026-11-20T00:00:00Z")
			.learning("Tag every release commit.")
			.build();
		ToolRow undated = row("lrn-u").status("codify_now")
			.capturedAt("someday")
			.learning("Sign every artifact.")
			.build();
		List<ToolRow> rows = List.of(undated, older, newer, PINNED.get(0), PINNED.get(1), PINNED.get(2));

		assertThat(CodifyCandidates.candidates(rows, 3, 20, NOW)).extracting(Candidate::lastSeen)
			.containsExactly("2026-11-20T00:00:00Z", SIXTY_DAYS_AGO, "2025-01-01T00:00:00Z", "someday");
		assertThat(CodifyCandidates.candidates(rows, 3, 2, NOW)).extracting(Candidate::lastSeen)
			.containsExactly("2026-11-20T00:00:00Z", SIXTY_DAYS_AGO);
	}

	@Test
	void breaksEqualScoresByMoreRowsThenTheLatestCapture() {
		// undated rows have no recency: 2 x 2 rows + "force" 2 = 6; 2 x 1 row +
		// codify_now 3 + "flaky" 1 = 6
		List<ToolRow> rows = List.of(
				row("lrn-b").status("codify_now").capturedAt("someday").learning("Retry the flaky upload.").build(),
				row("lrn-c").status("codify_now").capturedAt("sometime").learning("Retry the flaky download.").build(),
				row("lrn-a1").capturedAt("someday").learning("Never force the lock file.").build(),
				row("lrn-a2").capturedAt("someday").learning("Never force the lock file!").build());

		assertThat(CodifyCandidates.candidates(rows, 2, 20, NOW))
			.extracting(Candidate::score, Candidate::count, Candidate::lastSeen)
			.containsExactly(tuple(6.0, 2, "someday"), tuple(6.0, 1, "sometime"), tuple(6.0, 1, "someday"));
	}

	@Test
	void suggestsACheckOrTestForAFailureShield() {
		List<ToolRow> shield = List.of(
				row("lrn-s1").status("avoid_for_now").learning("When tests leak ports, avoid reuse.").build(),
				row("lrn-s2").status("codify_now").learning("When tests leak ports, avoid reuse!").build());

		Candidate candidate = CodifyCandidates.candidates(shield, 3, 20, NOW).get(0);

		assertThat(candidate.target()).isEqualTo(Target.CHECK_OR_TEST);
		assertThat(candidate.why())
			.isEqualTo("A failure shield (1 of its 2 rows say avoid_for_now or do_less; it names leak): a check or "
					+ "a test enforces it on every change; a written rule works only when it is read.");

		ToolRow flaky = row("lrn-f").status("codify_now")
			.learning("When the emulator suite is flaky, pin the emulator image.")
			.build();
		assertThat(CodifyCandidates.candidates(List.of(flaky), 3, 20, NOW).get(0).why()).contains("it names flaky");
		ToolRow enforce = row("lrn-e").status("codify_now").learning("Enforce review of schema changes.").build();
		assertThat(CodifyCandidates.candidates(List.of(enforce), 3, 20, NOW).get(0).target())
			.as("force inside enforce is no hazard")
			.isEqualTo(Target.AGENTS_MD_RULE);
	}

	@Test
	void suggestsASkillForAProcedureThatTravels() {
		List<ToolRow> across = List.of(
				row("lrn-a1").repo("acme/app").learning("Release with the release script.").build(),
				row("lrn-a2").repo("acme/api").learning("Release with the release script!").build(),
				row("lrn-a3").repo("acme/app").learning("Release with the release script?").build());

		Candidate candidate = CodifyCandidates.candidates(across, 3, 20, NOW).get(0);
		assertThat(candidate.target()).isEqualTo(Target.SKILL);
		assertThat(candidate.why()).startsWith("It recurs across repositories (acme/app, acme/api): ");

		ToolRow tagged = row("lrn-t").status("codify_now")
			.learning("Scaffold a service with the template.")
			.tags("Skills")
			.build();
		assertThat(CodifyCandidates.candidates(List.of(tagged), 3, 20, NOW).get(0).why()).startsWith("Tagged skills: ");
	}

	@Test
	void suggestsAnAgentsMdRuleOtherwise() {
		Candidate candidate = CodifyCandidates.candidates(PINNED, 3, 20, NOW).get(0);

		assertThat(candidate.target()).isEqualTo(Target.AGENTS_MD_RULE);
		assertThat(candidate.why()).isEqualTo("3 rows on one theme: a standing rule for this repository; an AGENTS.md "
				+ "rule puts it before every session in it.");
	}

	@Test
	void printsTheToolsTable() {
		List<Candidate> candidates = CodifyCandidates.candidates(PINNED, 3, 20, NOW);
		CodifyCandidates.Result result = new CodifyCandidates.Result("app", "/r/.learnings.jsonl", 3, 3, 20,
				candidates);

		assertThat(CodifyTable.of(result)).isEqualTo(
				"""
						score              count  last_seen             status   theme                             learning                                                   \s
						-----------------  -----  --------------------  -------  --------------------------------  ------------------------------------------------------------
						6.735758882342885  3      2026-09-24T12:00:00Z  do_more  build node nvmrc pin use version  When a build uses node, pin the version in nvmrc, with yarn.
						""");
		assertThat(CodifyTable.of(new CodifyCandidates.Result("app", "/r/.learnings.jsonl", 3, 3, 20, List.of())))
			.isEqualTo("(no results)\n");
		assertThat(CodifyTable.of(new CodifyCandidates.Result("app", "/r/.learnings.jsonl", 0, 3, 20, List.of())))
			.isEqualTo("(no learnings file at /r/.learnings.jsonl)\n");
	}

}

package io.teamlearnings.learnings.quality;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strict quality gate says what the {@code learnings} tool says
 * ({@code append_learning.zig}, {@code validateQuality}), line for line: each error and
 * warning with an input that triggers it alone, their order, and the tool's own examples
 * of words and anchors.
 */
class QualityGateTests {

	private static final String GOOD_LEARNING = "When X, prefer Y because Z otherwise breaks.";

	private static final List<String> GOOD_EVIDENCE = List.of("./mvnw test -> 42 passed");

	private static final String GOOD_APPLICATION = "Do Y first on the next similar task.";

	private static final String HINT = "quality-error: use --quality-mode best_effort only for intentional exceptions.";

	private static final QualityGate GATE = QualityGate.forRepository(Path.of("/home/dev/src/service"), false);

	@Test
	void passesAWellFormedRowSilently() {
		QualityVerdict verdict = GATE.judge("do_more", GOOD_LEARNING, GOOD_EVIDENCE, GOOD_APPLICATION);

		assertThat(verdict.refused()).isFalse();
		assertThat(verdict.errors()).isEmpty();
		assertThat(verdict.warnings()).isEmpty();
	}

	@Test
	void refusesARepositoryUnderATemporaryDirectoryUnlessAllowed() {
		QualityGate gate = QualityGate.forRepository(Path.of("/tmp/work/repo-that-does-not-exist"), false);

		assertThat(gate.judge("do_more", GOOD_LEARNING, GOOD_EVIDENCE, GOOD_APPLICATION).errors())
			.containsExactly("quality-error: repo root is ephemeral: /tmp/work/repo-that-does-not-exist. "
					+ "Use --allow-temp-path only when capture must be temporary.", HINT);
		assertThat(QualityGate.forRepository(Path.of("/tmp/work/repo-that-does-not-exist"), true)
			.judge("do_more", GOOD_LEARNING, GOOD_EVIDENCE, GOOD_APPLICATION)
			.refused()).isFalse();
	}

	/** The tool's test of {@code isEphemeralPath}, and its plain prefix match. */
	@Test
	void recognisesTemporaryRootsAsTheToolDoes() {
		assertThat(QualityGate.isTemporary("/tmp/work/repo")).isTrue();
		assertThat(QualityGate.isTemporary("/private/var/folders/abc/repo")).isTrue();
		assertThat(QualityGate.isTemporary("/var/folders/xy/T/repo")).isTrue();
		assertThat(QualityGate.isTemporary("/private/tmp/repo")).isTrue();
		assertThat(QualityGate.isTemporary("/tmpfs/repo")).isTrue();
		assertThat(QualityGate.isTemporary("/Users/example/work/repo")).isFalse();
		assertThat(QualityGate.isTemporary("/var/tmp/repo")).isFalse();
	}

	@Test
	void refusesALearningShorterThan24Bytes() {
		// 23 bytes, with a condition, an action and a consequence
		assertThat(GATE.judge("do_more", "If so, use Y because Z.", GOOD_EVIDENCE, GOOD_APPLICATION).errors())
			.containsExactly("quality-error: learning is too short; include a durable decision rule.", HINT);
		// 24 bytes
		assertThat(GATE.judge("do_more", "If so, use YY because Z.", GOOD_EVIDENCE, GOOD_APPLICATION).refused())
			.isFalse();
	}

	@Test
	void countsTheLengthInUtf8Bytes() {
		// 20 characters, 24 bytes: four of them take two bytes each
		String learning = "If \u00e9\u00e9\u00e9\u00e9, use Y. Z...";
		assertThat(learning).hasSize(20);
		assertThat(GATE.judge("do_more", learning, GOOD_EVIDENCE, GOOD_APPLICATION).errors())
			.doesNotContain("quality-error: learning is too short; include a durable decision rule.");
	}

	@Test
	void refusesALearningWithoutAConditionAndAnAction() {
		String condition = "quality-error: learning must include explicit condition + action "
				+ "(for example: 'When X, prefer Y ...').";
		assertThat(GATE.judge("do_more", "Caches are fast because memory is close.", GOOD_EVIDENCE, GOOD_APPLICATION)
			.errors()).containsExactly(condition, HINT);
		assertThat(GATE
			.judge("do_more", "When caches are warm, latency drops because memory is close.", GOOD_EVIDENCE,
					GOOD_APPLICATION)
			.errors()).containsExactly(condition, HINT);
		assertThat(GATE
			.judge("do_more", "Prefer warm caches because memory is close to the CPU.", GOOD_EVIDENCE, GOOD_APPLICATION)
			.errors()).containsExactly(condition, HINT);
	}

	/** The tool's test of {@code hasConditionAction} and {@code hasCounterfactual}. */
	@Test
	void matchesWordsWholeIgnoringAsciiCase() {
		assertThat(QualityGate.hasConditionAndAction("when ci fails prefer rerun with logs")).isTrue();
		assertThat(QualityGate.hasConditionAndAction("this is an observation only")).isFalse();
		assertThat(QualityGate.hasConsequence("prefer strict checks to avoid silent regressions")).isTrue();
		assertThat(QualityGate.hasConsequence("prefer strict checks for quality")).isFalse();

		assertThat(QualityGate.hasConditionAndAction("whenever ci fails, user reruns")).isFalse();
		assertThat(QualityGate.hasConditionAndAction("when_ci fails, use logs")).isTrue();
		assertThat(QualityGate.hasConditionAndAction("for\u00e9 reruns, use logs")).isTrue();
		assertThat(QualityGate.hasConsequence("prevention is becauseless")).isFalse();
		assertThat(QualityGate.hasConsequence("auto avoidance")).isTrue();
		assertThat(GATE
			.judge("do_more", "WHEN CI FAILS, PREFER LOGS BECAUSE THEY SAY WHY.", GOOD_EVIDENCE, GOOD_APPLICATION)
			.refused()).isFalse();
	}

	@Test
	void warnsOfALearningWithoutConsequenceWording() {
		QualityVerdict verdict = GATE.judge("do_more", "When CI fails, prefer rerunning with logs.", GOOD_EVIDENCE,
				GOOD_APPLICATION);

		assertThat(verdict.refused()).isFalse();
		assertThat(verdict.warnings()).containsExactly(
				"quality-warning: learning lacks explicit consequence wording (because/to avoid/prevent/otherwise).");
	}

	@Test
	void refusesARowWithoutEvidence() {
		assertThat(GATE.judge("do_more", GOOD_LEARNING, List.of(), GOOD_APPLICATION).errors())
			.containsExactly("quality-error: at least one --evidence value is required in strict mode.", HINT);
	}

	@Test
	void refusesPlaceholderEvidenceEvenBesideAnchoredEvidence() {
		for (String placeholder : List.of("none_provided", "capture_follow_up_later", "N/A", "na", "TODO", "unknown",
				"TBD")) {
			assertThat(GATE
				.judge("do_more", GOOD_LEARNING, List.of("./mvnw test -> passed", placeholder), GOOD_APPLICATION)
				.errors()).as(placeholder).containsExactly("quality-error: evidence contains placeholder text.", HINT);
		}
		// a dotless i is no ASCII i: "none_prov\u0131ded" is text, with no anchor
		assertThat(GATE.judge("do_more", GOOD_LEARNING, List.of("none_prov\u0131ded"), GOOD_APPLICATION).errors())
			.doesNotContain("quality-error: evidence contains placeholder text.");
	}

	@Test
	void refusesEvidenceWithoutAnAnchor() {
		assertThat(GATE
			.judge("do_more", GOOD_LEARNING, List.of("seen in review", "follow up later maybe"), GOOD_APPLICATION)
			.errors())
			.containsExactly("quality-error: evidence needs at least one concrete anchor "
					+ "(command outcome, sha/run id, file path, or exact error).", HINT);
	}

	/** The tool's test of {@code hasEvidenceAnchor}, and each kind of anchor. */
	@Test
	void findsAnchorsAsTheToolDoes() {
		assertThat(QualityGate.hasAnchor("release run 22525295017 passed")).isTrue();
		assertThat(QualityGate.hasAnchor("see apps/mesh/scripts/mesh.zig")).isTrue();
		assertThat(QualityGate.hasAnchor("commit a1b2c3d4e5f6")).isTrue();
		assertThat(QualityGate.hasAnchor("follow up later maybe")).isFalse();

		assertThat(QualityGate.hasAnchor("see TASK_42")).isTrue();
		assertThat(QualityGate.hasAnchor("build FAILED twice")).isTrue();
		assertThat(QualityGate.hasAnchor("threw an Error")).isTrue();
		assertThat(QualityGate.hasAnchor("make exit 2")).isTrue();
		assertThat(QualityGate.hasAnchor("make exited 2")).isTrue();
		assertThat(QualityGate.hasAnchor("on exit")).isFalse();
		assertThat(QualityGate.hasAnchor("sha (abcdef1)")).isTrue();
		assertThat(QualityGate.hasAnchor("sha abcdef")).isFalse();
		assertThat(QualityGate.hasAnchor("sha " + "a".repeat(41))).isFalse();
		assertThat(QualityGate.hasAnchor("see `a.b`")).isTrue();
		assertThat(QualityGate.hasAnchor("see a.")).isFalse();
		assertThat(QualityGate.hasAnchor("\u00e9.")).isTrue();
		assertThat(QualityGate.hasAnchor("flag --dry.run")).isFalse();
		assertThat(QualityGate.hasAnchor("ci run_123456")).isTrue();
		assertThat(QualityGate.hasAnchor("ci run-_123456x")).isTrue();
		assertThat(QualityGate.hasAnchor("ci run:123456")).isFalse();
		assertThat(QualityGate.hasAnchor("ci run12345")).isFalse();
		assertThat(QualityGate.hasAnchor("ci Run123456")).isFalse();
	}

	@Test
	void refusesAnEmptyOrPlaceholderApplication() {
		String vague = "quality-error: application must be concrete in strict mode.";
		assertThat(GATE.judge("do_more", GOOD_LEARNING, GOOD_EVIDENCE, "").errors()).containsExactly(vague, HINT);
		assertThat(GATE.judge("do_more", GOOD_LEARNING, GOOD_EVIDENCE, "capture_follow_up_later").errors())
			.containsExactly(vague, HINT);
		assertThat(GATE.judge("do_more", GOOD_LEARNING, GOOD_EVIDENCE, "Todo").errors()).containsExactly(vague, HINT);
	}

	@Test
	void warnsOfStatusReviewLater() {
		QualityVerdict verdict = GATE.judge("review_later", GOOD_LEARNING, GOOD_EVIDENCE, GOOD_APPLICATION);

		assertThat(verdict.refused()).isFalse();
		assertThat(verdict.warnings()).containsExactly(
				"quality-warning: status=review_later used; ensure this uncertainty is itself decision-shaping.");
	}

	/**
	 * The example: the tool refuses "Use caches." with evidence none_provided.
	 */
	@Test
	void listsEveryLineInTheToolsOrderWithTheHintLast() {
		QualityVerdict verdict = QualityGate.forRepository(Path.of("/private/tmp/gone-repo"), false)
			.judge("review_later", "Use caches.", List.of("none_provided"), "capture_follow_up_later");

		assertThat(verdict.errors()).containsExactly(
				"quality-error: repo root is ephemeral: /private/tmp/gone-repo. "
						+ "Use --allow-temp-path only when capture must be temporary.",
				"quality-error: learning is too short; include a durable decision rule.",
				"quality-error: learning must include explicit condition + action "
						+ "(for example: 'When X, prefer Y ...').",
				"quality-error: evidence contains placeholder text.",
				"quality-error: application must be concrete in strict mode.", HINT);
		assertThat(verdict.warnings()).containsExactly(
				"quality-warning: learning lacks explicit consequence wording (because/to avoid/prevent/otherwise).",
				"quality-warning: status=review_later used; ensure this uncertainty is itself decision-shaping.");
		assertThat(verdict.fields()).containsExactly("repo", "learning", "evidence", "application");
		assertThat(verdict.problems()).hasSize(5).doesNotContain(HINT);
	}

	@Test
	void judgesARepositoryByItsRealPath(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
		Path link = java.nio.file.Files.createSymbolicLink(temp.resolve("link"), temp);
		String real = temp.toRealPath().toString();

		List<String> errors = QualityGate.forRepository(link, false)
			.judge("do_more", GOOD_LEARNING, GOOD_EVIDENCE, GOOD_APPLICATION)
			.errors();

		if (QualityGate.isTemporary(real)) {
			assertThat(errors).first().asString().contains("ephemeral: " + real + ".");
		}
		else {
			assertThat(errors).isEmpty();
		}
	}

}

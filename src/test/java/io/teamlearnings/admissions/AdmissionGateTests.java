package io.teamlearnings.admissions;

import java.util.List;
import java.util.Optional;

import io.teamlearnings.learnings.CanonicalLearning;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionGateTests {

	private final AdmissionGate gate = new AdmissionGate(new AdmissionProperties(100, 2, "learnings-cli"));

	private static CanonicalLearning row(String status, String head, boolean withdrawn, List<String> evidence,
			List<String> theme) {
		return new CanonicalLearning("app", "lrn-1", "2026-01-01T00:00:00Z", status, "When X, prefer Y.", evidence,
				"Do Y.", List.of("t"), List.of("src"), "acme/app", List.of(), head, withdrawn, theme,
				"/r/.learnings.jsonl");
	}

	private static AdmissionRequest request(List<AdmissionRequest.Reason> reasons) {
		return new AdmissionRequest("lrn-1", AdmissionRequest.Scope.ofPaths(List.of("src")), "Decide Y.", "Do Y first.",
				"y passes", reasons);
	}

	private GateVerdict evaluate(CanonicalLearning row, List<AdmissionRequest.Reason> reasons, String existing) {
		return this.gate.evaluate("app", request(reasons), Optional.of(row), existing);
	}

	private static GateVerdict.Check check(GateVerdict verdict, String name) {
		return verdict.checks().stream().filter((check) -> check.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void admitsACodifyNowRowWithEverythingStated() {
		GateVerdict verdict = evaluate(row("codify_now", "lrn-1", false, List.of("a -> b"), List.of()), List.of(),
				null);
		assertThat(verdict.admitted()).isTrue();
		assertThat(verdict.checks()).extracting(GateVerdict.Check::name)
			.containsExactly(AdmissionGate.CANONICAL_ROW, AdmissionGate.NOT_SUPERSEDED, AdmissionGate.EVIDENCE,
					AdmissionGate.SCOPE, AdmissionGate.DECISION_DELTA, AdmissionGate.REASON,
					AdmissionGate.NOT_ADMITTED);
	}

	@Test
	void refusesWithdrawnAndSupersededRows() {
		assertThat(check(evaluate(row("codify_now", "lrn-1", true, List.of("e"), List.of()), List.of(), null),
				AdmissionGate.NOT_SUPERSEDED)
			.reason()).isEqualTo("the row is withdrawn from recall");
		assertThat(check(evaluate(row("codify_now", "lrn-2", false, List.of("e"), List.of()), List.of(), null),
				AdmissionGate.NOT_SUPERSEDED)
			.reason()).contains("superseded by lrn-2");
	}

	@Test
	void boundsTheEvidenceSnapshotByItemsAndCharacters() {
		assertThat(
				check(evaluate(row("codify_now", "lrn-1", false, List.of("a", "b", "c"), List.of()), List.of(), null),
						AdmissionGate.EVIDENCE)
					.passed())
			.isFalse();
		assertThat(check(evaluate(row("codify_now", "lrn-1", false, List.of(), List.of()), List.of(), null),
				AdmissionGate.EVIDENCE)
			.reason()).isEqualTo("the row has no evidence to snapshot");
	}

	@Test
	void acceptsAReviewLaterRowOnlyOnAClaimNotOnItsThemeAlone() {
		CanonicalLearning themed = row("review_later", "lrn-1", false, List.of("e"),
				List.of("lrn-1", "lrn-2", "lrn-3"));
		GateVerdict themeOnly = evaluate(themed, List.of(), null);
		assertThat(check(themeOnly, AdmissionGate.REASON).passed()).isTrue();
		assertThat(check(themeOnly, AdmissionGate.REVIEW_LATER).passed()).isFalse();
		assertThat(themeOnly.admitted()).isFalse();

		GateVerdict claimed = evaluate(themed, List.of(AdmissionRequest.Reason.HIGH_IMPACT), null);
		assertThat(claimed.admitted()).isTrue();
		assertThat(check(claimed, AdmissionGate.REASON).reason()).contains("theme seen 3 times",
				"claimed: high_impact");
	}

	@Test
	void namesTheExistingNoteOfAnAdmittedRow() {
		GateVerdict verdict = evaluate(row("codify_now", "lrn-1", false, List.of("e"), List.of()), List.of(),
				"MSN-20260101T000000Z-0123456789abcdef");
		assertThat(verdict.failed()).extracting(GateVerdict.Check::reason)
			.containsExactly("already admitted as MSN-20260101T000000Z-0123456789abcdef");
	}

}

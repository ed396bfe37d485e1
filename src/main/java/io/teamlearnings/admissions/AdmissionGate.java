package io.teamlearnings.admissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.teamlearnings.learnings.CanonicalLearning;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The seed's Memory Admission Gate, evaluated check by check. All four required checks
 * must pass (the row exists; its evidence fits a bounded snapshot; scope and future
 * behaviour are stated, a scope being stated when it names paths or is an object of a
 * kind other than {@code path-family}; a decision delta is stated), at least one reason
 * must hold (status {@code codify_now}, a theme seen at least three times, or a reason
 * the caller claims), and none of the refusals may apply (a superseded or withdrawn row;
 * a {@code review_later} row with no reason the caller claims; a row already admitted).
 */
@Component
class AdmissionGate {

	static final String CANONICAL_ROW = "canonical_row";

	static final String NOT_SUPERSEDED = "not_superseded_or_withdrawn";

	static final String EVIDENCE = "evidence_snapshot";

	static final String SCOPE = "scope_and_future_behavior";

	static final String DECISION_DELTA = "decision_delta";

	static final String REASON = "admission_reason";

	static final String REVIEW_LATER = "review_later_needs_claim";

	static final String NOT_ADMITTED = "not_already_admitted";

	private static final int THEME_SIZE = 3;

	private final AdmissionProperties properties;

	AdmissionGate(AdmissionProperties properties) {
		this.properties = properties;
	}

	GateVerdict evaluate(String repo, AdmissionRequest request, Optional<CanonicalLearning> found,
			@Nullable String existingAdmission) {
		List<GateVerdict.Check> checks = new ArrayList<>();
		if (found.isEmpty()) {
			checks.add(fail(CANONICAL_ROW, "no row '" + request.learningId() + "' in repository '" + repo + "'"));
		}
		else {
			checks.add(pass(CANONICAL_ROW, request.learningId() + " is in " + found.get().storeFile()));
		}
		found.ifPresent((row) -> {
			if (row.withdrawn()) {
				checks.add(fail(NOT_SUPERSEDED, "the row is withdrawn from recall"));
			}
			else if (row.superseded()) {
				checks.add(fail(NOT_SUPERSEDED, "the row is superseded by " + row.head() + "; admit that row instead"));
			}
			else {
				checks.add(pass(NOT_SUPERSEDED, "the row is the current head of its chain"));
			}
			checks.add(evidence(row.evidence()));
		});
		boolean scoped = request.scope() != null && request.scope().stated();
		boolean behaviour = present(request.futureBehavior());
		checks.add((scoped && behaviour)
				? pass(SCOPE, "scope " + request.scope().describe() + " and future behaviour stated")
				: fail(SCOPE, (scoped ? "" : "no scope paths given") + (!scoped && !behaviour ? "; " : "")
						+ (behaviour ? "" : "no future_behavior given")));
		checks.add(present(request.decisionDelta()) ? pass(DECISION_DELTA, "decision delta stated")
				: fail(DECISION_DELTA, "no decision_delta given"));
		found.ifPresent((row) -> {
			List<String> reasons = new ArrayList<>();
			if ("codify_now".equals(row.status())) {
				reasons.add("status codify_now");
			}
			if (row.themeIds().size() >= THEME_SIZE) {
				reasons.add("theme seen " + row.themeIds().size() + " times: " + String.join(", ", row.themeIds()));
			}
			List<String> claims = (request.reasons() != null)
					? request.reasons().stream().map(AdmissionRequest.Reason::jsonName).distinct().toList() : List.of();
			if (!claims.isEmpty()) {
				reasons.add("claimed: " + String.join(", ", claims));
			}
			checks.add(reasons.isEmpty() ? fail(REASON,
					"status " + row.status() + ", no theme of " + THEME_SIZE
							+ "+ similar rows, and no claimed reason (user_requested, stable_preference, high_impact,"
							+ " repeatable_procedure)")
					: pass(REASON, String.join("; ", reasons)));
			if ("review_later".equals(row.status())) {
				checks.add(claims.isEmpty()
						? fail(REVIEW_LATER,
								"a review_later row is a weak candidate; admit it only with a claimed reason")
						: pass(REVIEW_LATER, "review_later row admitted on a claimed reason"));
			}
		});
		checks.add((existingAdmission == null) ? pass(NOT_ADMITTED, "no admission note for this row yet")
				: fail(NOT_ADMITTED, "already admitted as " + existingAdmission));
		return new GateVerdict(checks.stream().allMatch(GateVerdict.Check::passed), checks);
	}

	private GateVerdict.Check evidence(List<String> evidence) {
		int chars = evidence.stream().mapToInt(String::length).sum();
		if (evidence.isEmpty()) {
			return fail(EVIDENCE, "the row has no evidence to snapshot");
		}
		if (evidence.size() > this.properties.maxEvidenceItems()) {
			return fail(EVIDENCE, evidence.size() + " evidence items, over the limit of "
					+ this.properties.maxEvidenceItems() + " (learnings.admissions.max-evidence-items)");
		}
		if (chars > this.properties.maxEvidenceChars()) {
			return fail(EVIDENCE, chars + " characters of evidence, over the limit of "
					+ this.properties.maxEvidenceChars() + " (learnings.admissions.max-evidence-chars)");
		}
		return pass(EVIDENCE, evidence.size() + " item(s), " + chars + " characters, embedded in the note");
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static GateVerdict.Check pass(String name, String reason) {
		return new GateVerdict.Check(name, true, reason);
	}

	private static GateVerdict.Check fail(String name, String reason) {
		return new GateVerdict.Check(name, false, reason);
	}

}

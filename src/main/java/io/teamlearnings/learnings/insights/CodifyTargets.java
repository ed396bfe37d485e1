package io.teamlearnings.learnings.insights;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;

/**
 * Where a codify candidate should go, and why. The {@code learnings} tool lists
 * candidates without a target; this is the service's rule, the first of these that holds:
 * <ol>
 * <li>{@code check_or_test}: a failure shield, which a check or a test can enforce on
 * every change: a row says {@code avoid_for_now} or {@code do_less}, or the rows name a
 * hazard (a word, ASCII case ignored, that starts with {@code data loss},
 * {@code corrupt}, {@code credential}, {@code secret}, {@code leak}, {@code force},
 * {@code --hard}, {@code pre-commit}, {@code precommit}, {@code flake}, {@code flaky},
 * {@code timeout} or {@code loop} in a learning, application, evidence item or path; or a
 * tag {@code security}, {@code data_loss}, {@code corruption}, {@code invariant} or
 * {@code ci}): the words of the tool's impact score, matched as words;</li>
 * <li>{@code skill}: a procedure that travels: the rows' {@code context.repo} names two
 * or more repositories, or a row is tagged {@code skill}, {@code skills},
 * {@code workflow} or {@code procedure};</li>
 * <li>{@code agents_md_rule}: otherwise a standing rule for the repository, for its
 * AGENTS.md.</li>
 * </ol>
 */
final class CodifyTargets {

	private static final List<String> SHIELD_STATUSES = List.of(ToolRow.AVOID_FOR_NOW, "do_less");

	private static final List<String> HAZARD_WORDS = List.of("data loss", "corrupt", "credential", "secret", "leak",
			"force", "--hard", "pre-commit", "precommit", "flake", "flaky", "timeout", "loop");

	private static final List<String> HAZARD_TAGS = List.of("security", "data_loss", "corruption", "invariant", "ci");

	private static final List<String> SKILL_TAGS = List.of("skill", "skills", "workflow", "procedure");

	private CodifyTargets() {
	}

	/** Where a candidate should go. */
	enum Target {

		/** A check or a test that enforces it. */
		CHECK_OR_TEST,

		/** A skill, loaded wherever the task comes up. */
		SKILL,

		/** A rule in the repository's AGENTS.md. */
		AGENTS_MD_RULE;

		@JsonValue
		String wire() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A suggested target.
	 *
	 * @param target where
	 * @param why why there, in a sentence
	 */
	record Suggestion(Target target, String why) {
	}

	/**
	 * @param group the rows of one candidate
	 * @return where it should go, and why
	 */
	static Suggestion suggest(List<ToolRow> group) {
		long shields = group.stream().filter((row) -> SHIELD_STATUSES.contains(row.status())).count();
		Set<String> hazards = hazards(group);
		if (shields > 0 || !hazards.isEmpty()) {
			List<String> reasons = new ArrayList<>();
			if (shields > 0) {
				reasons.add(shields + " of its " + group.size() + " rows say avoid_for_now or do_less");
			}
			if (!hazards.isEmpty()) {
				reasons.add("it names " + String.join(", ", hazards));
			}
			return new Suggestion(Target.CHECK_OR_TEST, "A failure shield (" + String.join("; ", reasons)
					+ "): a check or a test enforces it on every change; a written rule works only when it is read.");
		}
		Set<String> repos = new LinkedHashSet<>();
		group.stream().map(ToolRow::repo).filter((repo) -> !repo.isBlank()).forEach(repos::add);
		if (repos.size() > 1) {
			return new Suggestion(Target.SKILL, "It recurs across repositories (" + String.join(", ", repos)
					+ "): a skill is loaded wherever the task comes up; an AGENTS.md rule covers one repository.");
		}
		String skillTag = group.stream()
			.flatMap((row) -> row.tags().stream())
			.map(CanonicalFormat::normalizeLabel)
			.filter(SKILL_TAGS::contains)
			.findFirst()
			.orElse(null);
		if (skillTag != null) {
			return new Suggestion(Target.SKILL, "Tagged " + skillTag
					+ ": a repeatable procedure belongs in a skill, loaded wherever the task comes up.");
		}
		boolean codifyNow = group.stream().anyMatch((row) -> row.hasStatus(ToolRow.CODIFY_NOW));
		return new Suggestion(Target.AGENTS_MD_RULE, (codifyNow ? "Marked codify_now"
				: group.size() + " rows on one theme")
				+ ": a standing rule for this repository; an AGENTS.md rule puts it before every session in it.");
	}

	private static Set<String> hazards(List<ToolRow> group) {
		Set<String> hazards = new LinkedHashSet<>();
		for (ToolRow row : group) {
			List<String> texts = new ArrayList<>(List.of(row.learning(), row.application()));
			texts.addAll(row.evidence());
			texts.addAll(row.paths());
			for (String text : texts) {
				String lower = CanonicalFormat.asciiLowerCase(text);
				HAZARD_WORDS.stream().filter((word) -> startsAWord(lower, word)).forEach(hazards::add);
			}
			row.tags()
				.stream()
				.map(CanonicalFormat::normalizeLabel)
				.filter(HAZARD_TAGS::contains)
				.forEach((tag) -> hazards.add("tag " + tag));
		}
		return hazards;
	}

	/**
	 * Whether {@code word} occurs in {@code text} where no ASCII letter or digit precedes
	 * it.
	 */
	private static boolean startsAWord(String text, String word) {
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
			if (at == 0 || !isAsciiLetterOrDigit(text.charAt(at - 1))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isAsciiLetterOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

}

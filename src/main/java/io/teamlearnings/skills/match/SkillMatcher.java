package io.teamlearnings.skills.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.teamlearnings.skills.catalog.RootKind;
import io.teamlearnings.skills.catalog.Skill;
import io.teamlearnings.skills.catalog.SkillRoot;
import io.teamlearnings.skills.catalog.Step;

import org.springframework.lang.Nullable;

/**
 * The seed's update-or-create decision for one lesson over the skills there are. Each
 * skill gets three measures, every term weighted by its IDF over the skills
 * ({@link TermWeights}):
 * <ul>
 * <li><b>trigger-intent similarity</b>: the cosine of the lesson's terms (text and steps)
 * and the terms of the skill's name and description, which is what triggers a skill;</li>
 * <li><b>workflow overlap</b>: the share of the lesson's steps (given, or its sentences)
 * whose most similar skill step has a cosine of at least the step threshold;</li>
 * <li><b>scope-dilution risk</b>: the share of the lesson's term weight that the skill's
 * whole {@code SKILL.md} never uses, i.e. how much new matter an update would bring
 * in.</li>
 * </ul>
 * The recommendation, first rule that holds: {@code extract-shared-fragment} when the
 * lesson is mainly a fragment several skills repeat ({@link #fragments}); {@code update}
 * the best-ranked skill for which all three of the seed's conditions hold (trigger at
 * least its threshold, overlap at least 70%, dilution at most its threshold), unless it
 * is external or the lesson names one repository's tools and the skill is not in that
 * repository's root; {@code wrap} the best external skill that shares the trigger when
 * the lesson recurred; otherwise {@code create}, the seed's default, with a proposed name
 * and root: {@code project} when the lesson names one served repository (its name as a
 * word, a path that exists in it, a learning's paths), else {@code shared}.
 */
public final class SkillMatcher {

	private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

	/** Words of rules, not of subjects: never part of a proposed name. */
	private static final Set<String> RULE_WORDS = Set.of("when", "whenever", "always", "never", "prefer", "use",
			"using", "avoid", "because", "instead", "rather", "before", "after", "should", "must", "every", "each",
			"also", "only", "user", "users", "asks", "ask", "make", "sure", "don", "do", "not", "then", "first", "our",
			"same", "way", "time");

	private final Function<String, List<String>> analyzer;

	private final MatchSettings settings;

	/**
	 * @param analyzer the text analysis (terms of a text)
	 * @param settings the thresholds
	 */
	public SkillMatcher(Function<String, List<String>> analyzer, MatchSettings settings) {
		this.analyzer = analyzer;
		this.settings = settings;
	}

	/**
	 * @param lesson the lesson
	 * @param skills the skills it may belong to
	 * @param placement where new skills may go
	 * @param limit most candidates in the answer
	 * @return the candidates and the recommendation
	 */
	public MatchResult match(Lesson lesson, List<Skill> skills, Placement placement, int limit) {
		SkillCorpus corpus = new SkillCorpus(skills, this.analyzer, this.settings.step());
		List<String> workflow = lesson.workflow();
		Set<String> lessonTerms = corpus.weights.terms(lesson.text() + "\n" + String.join("\n", workflow));
		List<Set<String>> lessonSteps = workflow.stream().map(corpus.weights::terms).toList();
		List<Scored> scored = new ArrayList<>();
		for (int s = 0; s < skills.size(); s++) {
			scored.add(score(corpus, s, lessonTerms, workflow, lessonSteps));
		}
		scored.sort(Comparator.comparingDouble((Scored each) -> -each.candidate().trigger())
			.thenComparingDouble((each) -> -each.candidate().workflowOverlap())
			.thenComparing((each) -> each.candidate().skill()));
		Recommendation recommendation = recommend(lesson, corpus, scored, lessonSteps, placement);
		List<Candidate> candidates = scored.stream().limit(limit).map(Scored::candidate).toList();
		return new MatchResult(
				new MatchResult.LessonRead(lesson.text(), workflow, lesson.source(), lesson.occurrences()), candidates,
				recommendation);
	}

	/**
	 * Workflow fragments several skills repeat: runs of at least {@code minSteps}
	 * consecutive steps of one skill that match, step for step (cosine at least the step
	 * threshold), a run of consecutive steps of another; runs that share steps of a skill
	 * are one fragment. Most skills first, then longest.
	 * @param skills the skills
	 * @param minSteps fewest steps in a fragment
	 * @param minSkills fewest skills that repeat it
	 * @return the fragments
	 */
	public List<Fragment> fragments(List<Skill> skills, int minSteps, int minSkills) {
		return new SkillCorpus(skills, this.analyzer, this.settings.step()).fragments(minSteps, minSkills);
	}

	private Scored score(SkillCorpus corpus, int s, Set<String> lessonTerms, List<String> workflow,
			List<Set<String>> lessonSteps) {
		Skill skill = corpus.skills.get(s);
		Set<String> triggerTerms = corpus.triggers.get(s);
		double trigger = corpus.weights.cosine(lessonTerms, triggerTerms);
		Set<String> shared = new LinkedHashSet<>(lessonTerms);
		shared.retainAll(triggerTerms);
		List<Candidate.StepMatch> matched = new ArrayList<>();
		for (int i = 0; i < lessonSteps.size(); i++) {
			int best = -1;
			double bestSimilarity = 0;
			for (int j = 0; j < corpus.steps.get(s).size(); j++) {
				double similarity = corpus.weights.cosine(lessonSteps.get(i), corpus.steps.get(s).get(j));
				if (similarity > bestSimilarity) {
					best = j;
					bestSimilarity = similarity;
				}
			}
			if (best >= 0 && bestSimilarity >= this.settings.step()) {
				Step step = skill.outline().steps().get(best);
				matched.add(new Candidate.StepMatch(workflow.get(i), step.text(), step.line(), round(bestSimilarity)));
			}
		}
		double overlap = lessonSteps.isEmpty() ? 0 : (double) matched.size() / lessonSteps.size();
		Set<String> unknown = new LinkedHashSet<>(lessonTerms);
		unknown.removeAll(corpus.documents.get(s));
		double total = corpus.weights.weight(lessonTerms);
		double dilution = (total == 0) ? 1 : corpus.weights.weight(unknown) / total;
		boolean strong = trigger >= this.settings.trigger() && overlap >= this.settings.overlap()
				&& dilution <= this.settings.dilution();
		Candidate.Why why = new Candidate.Why(
				"shares " + quoted(shared, corpus.weights) + " with the skill's name and description: "
						+ number(trigger)
						+ compared(trigger >= this.settings.trigger(), "at least ", "below ",
								number(this.settings.trigger()) + " for the same trigger intent"),
				matched.size() + " of " + lessonSteps.size()
						+ " lesson steps match a step of the skill (cosine at least " + number(this.settings.step())
						+ "): " + percent(overlap)
						+ compared(overlap >= this.settings.overlap(), "at least ", "below ",
								percent(this.settings.overlap())),
				"new to the skill: " + quoted(unknown, corpus.weights) + ", " + percent(dilution)
						+ " of the lesson's weight" + compared(dilution <= this.settings.dilution(), "at most ",
								"above ", percent(this.settings.dilution())));
		return new Scored(s, new Candidate(skill.id(), skill.root().kind(), skill.file().description(), round(trigger),
				round(overlap), round(dilution), matched, strong, why));
	}

	private Recommendation recommend(Lesson lesson, SkillCorpus corpus, List<Scored> scored,
			List<Set<String>> lessonSteps, Placement placement) {
		Placement.Placed placed = placement.place(lesson);
		Recommendation extract = extraction(lesson, corpus, lessonSteps, placement);
		if (extract != null) {
			return extract;
		}
		Scored best = scored.isEmpty() ? null : scored.get(0);
		Scored strong = scored.stream().filter((each) -> each.candidate().strong()).findFirst().orElse(null);
		String against = (best == null) ? "there are no skills to compare with" : "the most related skill, "
				+ best.candidate().skill() + ", " + String.join("; ", failing(best.candidate()));
		if (strong != null) {
			Skill skill = corpus.skills.get(strong.index());
			Candidate candidate = strong.candidate();
			String conditions = candidate.why().trigger() + "; " + candidate.why().workflowOverlap() + "; "
					+ candidate.why().scopeDilution();
			if (skill.root().kind() != RootKind.EXTERNAL && (placed.root() == null || placed.kind().equals("shared")
					|| placed.root().name().equals(skill.root().name()))) {
				return new Recommendation(Recommendation.UPDATE, skill.id(), null, skill.root().name(),
						skill.root().kind().value(), List.of(), List.of(),
						"All three conditions hold for " + skill.id() + ": " + conditions + ".");
			}
			if (skill.root().kind() != RootKind.EXTERNAL) {
				against = skill.id() + " is strongly related, but the lesson names " + placed.named()
						+ "; project-specific tooling stays in that project's root, out of " + skill.root().name();
			}
		}
		Scored external = scored.stream()
			.filter((each) -> each.candidate().rootKind() == RootKind.EXTERNAL
					&& each.candidate().trigger() >= this.settings.trigger())
			.findFirst()
			.orElse(null);
		if (external != null && lesson.occurrences() >= 2) {
			Skill skill = corpus.skills.get(external.index());
			Set<String> avoid = new HashSet<>(corpus.triggers.get(external.index()));
			String name = proposedName(lesson.text() + " " + String.join(" ", lesson.workflow()), corpus.weights, avoid,
					2) + "-" + skill.name();
			return new Recommendation(Recommendation.WRAP, skill.id(), cut(name), placed.rootName(), placed.kind(),
					List.of(), List.of(),
					"The external skill " + skill.id() + " shares the trigger (" + external.candidate().why().trigger()
							+ ") and the lesson recurred " + lesson.occurrences()
							+ " times: wrap it in a local skill that calls it and encodes the recurring customisation; "
							+ "placed " + placed.kind() + " because " + placed.why() + ".");
		}
		if (external != null) {
			against = against + "; the external skill " + external.candidate().skill()
					+ " shares the trigger, but the customisation was seen once (wrap it when it recurs)";
		}
		String name = cut(
				proposedName(lesson.text() + " " + String.join(" ", lesson.workflow()), corpus.weights, Set.of(), 3));
		return new Recommendation(Recommendation.CREATE, null, name, placed.rootName(), placed.kind(), List.of(),
				List.of(), "Create a new skill (the seed's default when no skill is strongly related): " + against
						+ ". Placed " + placed.kind() + " because " + placed.why() + ".");
	}

	@Nullable
	private Recommendation extraction(Lesson lesson, SkillCorpus corpus, List<Set<String>> lessonSteps,
			Placement placement) {
		if (lessonSteps.isEmpty()) {
			return null;
		}
		for (SkillCorpus.FoundFragment found : corpus.found(2, 2)) {
			double covered = 0;
			Set<Integer> lessonMatched = new HashSet<>();
			for (SkillCorpus.Range range : found.ranges()) {
				int matched = 0;
				for (int k = range.start(); k <= range.end(); k++) {
					Set<String> step = corpus.steps.get(range.skill()).get(k);
					boolean any = false;
					for (int i = 0; i < lessonSteps.size(); i++) {
						if (corpus.weights.cosine(lessonSteps.get(i), step) >= this.settings.step()) {
							lessonMatched.add(i);
							any = true;
						}
					}
					matched += any ? 1 : 0;
				}
				covered = Math.max(covered, (double) matched / (range.end() - range.start() + 1));
			}
			double share = (double) lessonMatched.size() / lessonSteps.size();
			if (covered >= this.settings.overlap() && share >= 0.5) {
				Fragment fragment = corpus.fragment(found);
				List<String> holders = fragment.skills().stream().map(Fragment.Occurrence::skill).toList();
				Set<String> roots = new LinkedHashSet<>();
				found.ranges().forEach((range) -> roots.add(corpus.skills.get(range.skill()).root().name()));
				SkillRoot oneProject = (roots.size() == 1) ? corpus.skills.get(found.ranges().get(0).skill()).root()
						: null;
				boolean project = oneProject != null && oneProject.kind() == RootKind.PROJECT;
				String root = project ? oneProject.name()
						: ((placement.shared() != null) ? placement.shared().name() : null);
				String name = cut(proposedName(String.join(" ", fragment.steps()), corpus.weights, Set.of(), 3));
				return new Recommendation(Recommendation.EXTRACT, null, name, root, project ? "project" : "shared",
						holders, fragment.steps(),
						"The lesson is mainly a workflow fragment that " + holders.size() + " skills repeat ("
								+ String.join(", ", holders) + "): " + percent(covered)
								+ " of the fragment's steps match the lesson's, which are " + percent(share)
								+ " of the lesson; extract it into one " + (project ? "project" : "shared")
								+ " skill instead of copying the guidance again.");
			}
		}
		return null;
	}

	private List<String> failing(Candidate candidate) {
		List<String> failing = new ArrayList<>();
		if (candidate.trigger() < this.settings.trigger()) {
			failing.add("does not share the trigger intent (" + candidate.why().trigger() + ")");
		}
		if (candidate.workflowOverlap() < this.settings.overlap()) {
			failing.add("overlaps too little (" + candidate.why().workflowOverlap() + ")");
		}
		if (candidate.scopeDilution() > this.settings.dilution()) {
			failing.add("would be diluted (" + candidate.why().scopeDilution() + ")");
		}
		if (failing.isEmpty() && candidate.rootKind() == RootKind.EXTERNAL) {
			failing.add("is external and is not edited");
		}
		return failing;
	}

	/**
	 * A name from the text's most telling words: up to {@code count} words that are
	 * neither stop words nor words of rules, highest IDF first, in the order the text has
	 * them.
	 */
	private String proposedName(String text, TermWeights weights, Set<String> avoid, int count) {
		Map<String, Double> scores = new LinkedHashMap<>();
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			String lower = word.group().toLowerCase(Locale.ROOT);
			if (lower.length() < 3 || RULE_WORDS.contains(lower) || scores.containsKey(lower)) {
				continue;
			}
			List<String> terms = this.analyzer.apply(lower);
			if (terms.isEmpty() || avoid.contains(terms.get(0))) {
				continue;
			}
			scores.put(lower, weights.idf(terms.get(0)));
		}
		List<String> order = new ArrayList<>(scores.keySet());
		List<String> best = order.stream()
			.sorted(Comparator.comparingDouble((String each) -> -scores.get(each)).thenComparingInt(order::indexOf))
			.limit(count)
			.sorted(Comparator.comparingInt(order::indexOf))
			.toList();
		return best.isEmpty() ? "new-skill" : String.join("-", best);
	}

	private static String cut(String name) {
		String cut = (name.length() > 64) ? name.substring(0, 64) : name;
		return cut.replaceAll("-+$", "");
	}

	private static String quoted(Set<String> terms, TermWeights weights) {
		if (terms.isEmpty()) {
			return "no terms";
		}
		List<String> heaviest = terms.stream()
			.sorted(Comparator.comparingDouble((String term) -> -weights.idf(term)).thenComparing(term -> term))
			.limit(8)
			.map((term) -> "'" + term + "'")
			.toList();
		return String.join(", ", heaviest)
				+ ((terms.size() > heaviest.size()) ? " and " + (terms.size() - 8) + " more" : "");
	}

	/**
	 * A measure's bound in parentheses, closed: {@code " (at least 0.30 for ...)"}.
	 */
	private static String compared(boolean holds, String whenHolds, String otherwise, String bound) {
		return " (" + (holds ? whenHolds : otherwise) + bound + ")";
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static String percent(double share) {
		return Math.round(share * 100) + "%";
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	private record Scored(int index, Candidate candidate) {

	}

}

package io.teamlearnings.skills.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.teamlearnings.skills.catalog.Skill;
import io.teamlearnings.skills.catalog.Step;

/**
 * The skills a lesson is placed among, as term sets weighted by IDF over them (each
 * skill's whole {@code SKILL.md}, its trigger: name and description, and each workflow
 * step), built once per request; and the workflow fragments several of them repeat: runs
 * of consecutive steps of one skill that match, step for step (weighted cosine at least
 * the step threshold), a run of consecutive steps of another, runs that share steps of a
 * skill joined into one fragment.
 */
final class SkillCorpus {

	/** A run of consecutive steps of one skill: indexes into its steps, inclusive. */
	record Range(int skill, int start, int end) {

	}

	/** A fragment found: the run of each skill that repeats it, by skill. */
	record FoundFragment(List<Range> ranges) {

	}

	/** The skills, by index. */
	final List<Skill> skills;

	/** IDF weights over the skills' documents. */
	final TermWeights weights;

	/** Each skill's whole {@code SKILL.md} (trigger and body) as terms. */
	final List<Set<String>> documents = new ArrayList<>();

	/** Each skill's trigger (name and description) as terms. */
	final List<Set<String>> triggers = new ArrayList<>();

	/** Each skill's workflow steps as terms, in order. */
	final List<List<Set<String>>> steps = new ArrayList<>();

	private final double stepThreshold;

	SkillCorpus(List<Skill> skills, Function<String, List<String>> analyzer, double stepThreshold) {
		this.skills = skills;
		this.stepThreshold = stepThreshold;
		List<String> texts = new ArrayList<>();
		for (Skill skill : skills) {
			texts.add(trigger(skill) + "\n" + skill.file().body());
		}
		this.weights = new TermWeights(analyzer, texts);
		for (int s = 0; s < skills.size(); s++) {
			this.documents.add(this.weights.terms(texts.get(s)));
			this.triggers.add(this.weights.terms(trigger(skills.get(s))));
			this.steps
				.add(skills.get(s).outline().steps().stream().map((step) -> this.weights.terms(step.text())).toList());
		}
	}

	private static String trigger(Skill skill) {
		String description = (skill.file().description() != null) ? skill.file().description() : "";
		return skill.name().replace('-', ' ') + "\n" + description;
	}

	/** The fragments, as {@link #found} orders them, with their steps and lines. */
	List<Fragment> fragments(int minSteps, int minSkills) {
		return found(minSteps, minSkills).stream().map(this::fragment).toList();
	}

	/**
	 * A found fragment with its steps worded as the skill that words them most briefly
	 * has them, and each skill's lines and wording.
	 */
	Fragment fragment(FoundFragment found) {
		List<Fragment.Occurrence> occurrences = new ArrayList<>();
		for (Range range : found.ranges()) {
			Skill skill = this.skills.get(range.skill());
			List<Step> run = skill.outline().steps().subList(range.start(), range.end() + 1);
			occurrences.add(new Fragment.Occurrence(skill.id(), run.stream().map(Step::line).toList(),
					run.stream().map(Step::text).toList()));
		}
		Fragment.Occurrence plainest = occurrences.stream()
			.min(Comparator.comparingInt((Fragment.Occurrence each) -> String.join(" ", each.steps()).length()))
			.orElseThrow();
		return new Fragment(plainest.steps(), occurrences);
	}

	/**
	 * The fragments at least {@code minSkills} skills repeat, at least {@code minSteps}
	 * steps long: most skills first, then longest.
	 */
	List<FoundFragment> found(int minSteps, int minSkills) {
		List<Range[]> runs = new ArrayList<>();
		for (int a = 0; a < this.skills.size(); a++) {
			for (int b = a + 1; b < this.skills.size(); b++) {
				runs.addAll(runs(a, b, minSteps));
			}
		}
		List<Range> nodes = new ArrayList<>();
		runs.forEach((run) -> {
			nodes.add(run[0]);
			nodes.add(run[1]);
		});
		int[] parent = new int[nodes.size()];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		for (int i = 0; i < nodes.size(); i += 2) {
			union(parent, i, i + 1);
		}
		for (int i = 0; i < nodes.size(); i++) {
			for (int j = i + 1; j < nodes.size(); j++) {
				Range x = nodes.get(i);
				Range y = nodes.get(j);
				if (x.skill() == y.skill() && x.start() <= y.end() && y.start() <= x.end()) {
					union(parent, i, j);
				}
			}
		}
		Map<Integer, Map<Integer, Range>> groups = new TreeMap<>();
		for (int i = 0; i < nodes.size(); i++) {
			Range node = nodes.get(i);
			groups.computeIfAbsent(find(parent, i), (key) -> new TreeMap<>())
				.merge(node.skill(), node,
						(x, y) -> new Range(x.skill(), Math.min(x.start(), y.start()), Math.max(x.end(), y.end())));
		}
		List<FoundFragment> found = new ArrayList<>();
		for (Map<Integer, Range> group : groups.values()) {
			if (group.size() >= minSkills) {
				found.add(new FoundFragment(List.copyOf(group.values())));
			}
		}
		found.sort(Comparator.comparingInt((FoundFragment each) -> -each.ranges().size())
			.thenComparingInt((each) -> -(each.ranges().get(0).end() - each.ranges().get(0).start()))
			.thenComparingInt((each) -> each.ranges().get(0).skill())
			.thenComparingInt((each) -> each.ranges().get(0).start()));
		return found;
	}

	private List<Range[]> runs(int a, int b, int minSteps) {
		List<Set<String>> left = this.steps.get(a);
		List<Set<String>> right = this.steps.get(b);
		boolean[][] similar = new boolean[left.size()][right.size()];
		for (int i = 0; i < left.size(); i++) {
			for (int j = 0; j < right.size(); j++) {
				similar[i][j] = this.weights.cosine(left.get(i), right.get(j)) >= this.stepThreshold;
			}
		}
		List<Range[]> runs = new ArrayList<>();
		for (int i = 0; i < left.size(); i++) {
			for (int j = 0; j < right.size(); j++) {
				if (!similar[i][j] || (i > 0 && j > 0 && similar[i - 1][j - 1])) {
					continue;
				}
				int length = 0;
				while (i + length < left.size() && j + length < right.size() && similar[i + length][j + length]) {
					length++;
				}
				if (length >= minSteps) {
					runs.add(new Range[] { new Range(a, i, i + length - 1), new Range(b, j, j + length - 1) });
				}
			}
		}
		return runs;
	}

	private static int find(int[] parent, int i) {
		int root = i;
		while (parent[root] != root) {
			root = parent[root];
		}
		return root;
	}

	private static void union(int[] parent, int i, int j) {
		parent[find(parent, i)] = find(parent, j);
	}

}

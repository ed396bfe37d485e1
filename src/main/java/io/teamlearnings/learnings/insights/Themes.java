package io.teamlearnings.learnings.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.teamlearnings.learnings.recall.NearDuplicates;
import io.teamlearnings.learnings.recall.RecallCorpus;
import io.teamlearnings.learnings.recall.RecallProperties;
import io.teamlearnings.system.Jaccard;

import org.springframework.stereotype.Component;

/**
 * Recurring themes: groups of at least three active learnings (not superseded, not
 * withdrawn) joined by similarity at or above {@code learnings.recall.theme-threshold}
 * (Jaccard of their learnings' terms, as for near-duplicates). Two rows are in one theme
 * when a chain of similar rows links them. Candidate pairs come from terms the rows
 * share, skipping terms so common that they say nothing about a theme.
 */
@Component
public class Themes {

	/** Themes need at least this many rows: the seed's "same theme three times". */
	static final int MIN_SIZE = 3;

	private static final int MAX_BUCKET = 200;

	private final double threshold;

	Themes(RecallProperties properties) {
		this.threshold = properties.themeThreshold();
	}

	/**
	 * A theme.
	 *
	 * @param ids its rows, in file order
	 * @param tags tags at least half of them carry
	 */
	public record Theme(List<String> ids, List<String> tags) {
	}

	/** Every theme of the corpus, largest first. */
	public List<Theme> find(RecallCorpus.Corpus corpus) {
		List<RecallCorpus.Doc> active = corpus.docs()
			.stream()
			.filter((doc) -> corpus.isActive(doc) && doc.signature().length >= NearDuplicates.MIN_TERMS)
			.toList();
		Map<Integer, List<Integer>> buckets = new HashMap<>();
		for (int i = 0; i < active.size(); i++) {
			for (int term : active.get(i).signature()) {
				buckets.computeIfAbsent(term, (key) -> new ArrayList<>()).add(i);
			}
		}
		int[] parent = new int[active.size()];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		for (int i = 0; i < active.size(); i++) {
			Map<Integer, Integer> shared = new HashMap<>();
			for (int term : active.get(i).signature()) {
				List<Integer> bucket = buckets.get(term);
				if (bucket.size() > MAX_BUCKET) {
					continue;
				}
				for (int j : bucket) {
					if (j > i) {
						shared.merge(j, 1, Integer::sum);
					}
				}
			}
			int size = active.get(i).signature().length;
			for (Map.Entry<Integer, Integer> pair : shared.entrySet()) {
				int other = active.get(pair.getKey()).signature().length;
				if (Jaccard.of(pair.getValue(), size, other) >= this.threshold) {
					parent[root(parent, i)] = root(parent, pair.getKey());
				}
			}
		}
		Map<Integer, List<RecallCorpus.Doc>> groups = new HashMap<>();
		for (int i = 0; i < active.size(); i++) {
			groups.computeIfAbsent(root(parent, i), (key) -> new ArrayList<>()).add(active.get(i));
		}
		return groups.values()
			.stream()
			.filter((group) -> group.size() >= MIN_SIZE)
			.map(Themes::theme)
			.sorted(Comparator.comparingInt((Theme theme) -> theme.ids().size()).reversed())
			.toList();
	}

	private static Theme theme(List<RecallCorpus.Doc> group) {
		Map<String, Integer> tagCounts = new HashMap<>();
		group.forEach((doc) -> doc.tags().forEach((tag) -> tagCounts.merge(tag, 1, Integer::sum)));
		List<String> tags = tagCounts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() * 2 >= group.size())
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.toList();
		return new Theme(group.stream()
			.sorted(Comparator.comparingLong(RecallCorpus.Doc::line))
			.map(RecallCorpus.Doc::id)
			.toList(), tags);
	}

	private static int root(int[] parent, int i) {
		int node = i;
		while (parent[node] != node) {
			parent[node] = parent[parent[node]];
			node = parent[node];
		}
		return node;
	}

}

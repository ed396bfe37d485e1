package io.teamlearnings.learnings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.teamlearnings.repos.Repo;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds a row that states the same rule in other words: the Jaccard similarity of the two
 * learnings' analysed terms, among rows of the same status. Each row's terms are kept as
 * a sorted set of hashes, loaded from the index on first use and extended as the index
 * grows, so a check costs one pass over small integer arrays.
 */
@Component
class NearDuplicates {

	/** Below this many distinct terms similarity is too noisy to act on. */
	private static final int MIN_TERMS = 4;

	private final JdbcTemplate jdbc;

	private final LearningIndex index;

	private final TextAnalysis analysis;

	private final double threshold;

	private final Map<String, Signatures> byRepo = new ConcurrentHashMap<>();

	NearDuplicates(JdbcTemplate jdbc, LearningIndex index, TextAnalysis analysis, StoreProperties properties) {
		this.jdbc = jdbc;
		this.index = index;
		this.analysis = analysis;
		this.threshold = properties.nearDuplicateThreshold();
	}

	/**
	 * The most similar row.
	 *
	 * @param id the similar row's id
	 * @param similarity its Jaccard similarity, 0 to 1
	 */
	record Match(String id, double similarity) {
	}

	private record Entry(String id, String status, int[] terms) {
	}

	private static final class Signatures {

		private final long generation;

		private long lastLine;

		private final List<Entry> entries = new ArrayList<>();

		Signatures(long generation) {
			this.generation = generation;
		}

	}

	/**
	 * The most similar indexed row with the same status at or above the threshold,
	 * ignoring {@code excludeId} (the row a new one supersedes). Callers hold the
	 * repository's lock and have synced its index.
	 */
	@Nullable
	Match find(Repo repo, String status, String learning, @Nullable String excludeId) {
		int[] terms = signature(learning);
		if (terms.length < MIN_TERMS) {
			return null;
		}
		Match best = null;
		for (Entry entry : catchUp(repo).entries) {
			if (!entry.status().equals(status) || entry.id().equals(excludeId) || entry.terms().length < MIN_TERMS) {
				continue;
			}
			double similarity = jaccard(terms, entry.terms());
			if (similarity >= this.threshold && (best == null || similarity > best.similarity())) {
				best = new Match(entry.id(), similarity);
			}
		}
		return best;
	}

	private Signatures catchUp(Repo repo) {
		long generation = this.index.generation(repo);
		Signatures signatures = this.byRepo.compute(repo.name(),
				(name, current) -> (current == null || current.generation != generation) ? new Signatures(generation)
						: current);
		this.jdbc.query("SELECT line_no, id, status, learning FROM learning_row WHERE repo = ? AND line_no > ?"
				+ " ORDER BY line_no", (RowCallbackHandler) (rs) -> {
					signatures.entries.add(new Entry(rs.getString(2), rs.getString(3), signature(rs.getString(4))));
					signatures.lastLine = rs.getLong(1);
				}, repo.name(), signatures.lastLine);
		return signatures;
	}

	private int[] signature(String text) {
		return this.analysis.terms(text).stream().mapToInt(String::hashCode).sorted().distinct().toArray();
	}

	static double jaccard(int[] a, int[] b) {
		int i = 0;
		int j = 0;
		int shared = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				shared++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		int union = a.length + b.length - shared;
		return (union == 0) ? 0 : (double) shared / union;
	}

}

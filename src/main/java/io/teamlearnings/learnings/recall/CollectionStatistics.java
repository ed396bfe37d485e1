package io.teamlearnings.learnings.recall;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.teamlearnings.learnings.analysis.TermVector;

/**
 * Collection statistics over every repository a query searches, so that scores from
 * different repositories compare: rows, document frequency of each query term, and
 * average field lengths.
 */
final class CollectionStatistics {

	private long rows;

	private final Map<String, Long> documentFrequencies = new HashMap<>();

	private final double[] lengthTotals = new double[TermVector.Field.ALL.length];

	CollectionStatistics(Set<String> terms) {
		terms.forEach((term) -> this.documentFrequencies.put(term, 0L));
	}

	CollectionStatistics add(RecallCorpus.Corpus corpus) {
		int size = corpus.docs().size();
		this.rows += size;
		this.documentFrequencies.replaceAll((term, df) -> {
			Postings postings = corpus.postings(term);
			return df + ((postings != null) ? postings.size() : 0);
		});
		for (TermVector.Field field : TermVector.Field.ALL) {
			this.lengthTotals[field.ordinal()] += corpus.averageLength(field) * size;
		}
		return this;
	}

	double idf(String term) {
		long df = this.documentFrequencies.getOrDefault(term, 0L);
		return Math.log(1 + (this.rows - df + 0.5) / (df + 0.5));
	}

	double averageLength(TermVector.Field field) {
		return (this.rows == 0) ? 1 : Math.max(this.lengthTotals[field.ordinal()] / this.rows, 1);
	}

}

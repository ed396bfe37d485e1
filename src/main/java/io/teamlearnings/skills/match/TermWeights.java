package io.teamlearnings.skills.match;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Terms and their weights over a catalog of skills: a term's weight is its inverse
 * document frequency among the skills (each skill's name, description and body one
 * document), {@code ln(1 + (N - df + 0.5) / (df + 0.5))} as in BM25, so words every skill
 * uses ({@code run}, {@code user}) count for little and a term no skill uses for most.
 */
final class TermWeights {

	private final Function<String, List<String>> analyzer;

	private final Map<String, Integer> documentFrequency = new HashMap<>();

	private final int documents;

	TermWeights(Function<String, List<String>> analyzer, List<String> documents) {
		this.analyzer = analyzer;
		this.documents = documents.size();
		for (String document : documents) {
			for (String term : terms(document)) {
				this.documentFrequency.merge(term, 1, Integer::sum);
			}
		}
	}

	/** The distinct terms of {@code text}, in order. */
	Set<String> terms(String text) {
		return new LinkedHashSet<>(this.analyzer.apply(text));
	}

	double idf(String term) {
		int df = this.documentFrequency.getOrDefault(term, 0);
		return Math.log(1 + (this.documents - df + 0.5) / (df + 0.5));
	}

	/** The summed weight of some terms. */
	double weight(Set<String> terms) {
		double weight = 0;
		for (String term : terms) {
			weight += idf(term);
		}
		return weight;
	}

	/**
	 * The cosine of two term sets, each term weighted by its IDF: 1 for the same terms, 0
	 * for none shared.
	 */
	double cosine(Set<String> a, Set<String> b) {
		double shared = 0;
		double normA = 0;
		double normB = 0;
		for (String term : a) {
			double w = idf(term);
			normA += w * w;
			if (b.contains(term)) {
				shared += w * w;
			}
		}
		for (String term : b) {
			double w = idf(term);
			normB += w * w;
		}
		return (normA == 0 || normB == 0) ? 0 : shared / Math.sqrt(normA * normB);
	}

}

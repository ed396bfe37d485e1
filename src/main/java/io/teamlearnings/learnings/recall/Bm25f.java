package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import io.teamlearnings.learnings.analysis.TermVector;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * BM25F over the five recall fields (learning, application, evidence, context, tags),
 * each weighted and length-normalised on its own, with {@code k1} and {@code b} from
 * {@code learnings.recall}, as Robertson and Zaragoza describe it in "The Probabilistic
 * Relevance Framework: BM25 and Beyond" (2009).
 */
@Component
class Bm25f {

	private final RecallProperties properties;

	Bm25f(RecallProperties properties) {
		this.properties = properties;
	}

	/**
	 * Adds each row's BM25F score for the query into {@code scores} (indexed by row
	 * number); returns the numbers of the rows that matched, in row order.
	 */
	int[] score(RecallCorpus.Corpus corpus, Map<String, Double> terms, CollectionStatistics statistics,
			@Nullable Instant asOf, double[] scores) {
		double k1 = this.properties.k1();
		double b = this.properties.b();
		TermVector.Field[] fields = TermVector.Field.ALL;
		double[] weights = new double[fields.length];
		double[] averageLengths = new double[fields.length];
		for (TermVector.Field field : fields) {
			weights[field.ordinal()] = this.properties.fieldWeights().of(field);
			averageLengths[field.ordinal()] = statistics.averageLength(field);
		}
		BitSet matched = new BitSet(scores.length);
		for (Map.Entry<String, Double> term : terms.entrySet()) {
			Postings postings = corpus.postings(term.getKey());
			if (postings == null) {
				continue;
			}
			double idf = statistics.idf(term.getKey());
			for (int i = 0; i < postings.size(); i++) {
				int number = postings.doc(i);
				if (asOf != null && !corpus.docs().get(number).capturedBy(asOf)) {
					continue;
				}
				double weighted = 0;
				for (TermVector.Field field : fields) {
					int frequency = postings.frequency(i, field);
					if (frequency == 0) {
						continue;
					}
					double norm = 1 - b + b * corpus.length(number, field) / averageLengths[field.ordinal()];
					weighted += weights[field.ordinal()] * frequency / norm;
				}
				scores[number] += term.getValue() * idf * weighted * (k1 + 1) / (weighted + k1);
				matched.set(number);
			}
		}
		return matched.stream().toArray();
	}

	/** Which query terms occur in which fields of a row, in query order. */
	static List<RecallResult.TermMatch> matchedTerms(RecallCorpus.Corpus corpus, Map<String, Double> terms,
			RecallCorpus.Doc doc) {
		List<RecallResult.TermMatch> matches = new ArrayList<>();
		for (String term : terms.keySet()) {
			Postings postings = corpus.postings(term);
			int i = (postings != null) ? postings.indexOf(doc.number()) : -1;
			if (i < 0) {
				continue;
			}
			List<String> fields = new ArrayList<>(2);
			for (TermVector.Field field : TermVector.Field.ALL) {
				if (postings.frequency(i, field) > 0) {
					fields.add(field.jsonName());
				}
			}
			matches.add(new RecallResult.TermMatch(term, fields));
		}
		return matches;
	}

}

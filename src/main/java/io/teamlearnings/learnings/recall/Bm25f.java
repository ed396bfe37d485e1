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

	private static final int FIELDS = TermVector.Field.ALL.length;

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
		Scorer scorer = scorer(corpus, terms, statistics);
		BitSet matched = new BitSet(scores.length);
		for (int term = 0; term < scorer.terms(); term++) {
			Postings postings = scorer.postings(term);
			if (postings == null) {
				continue;
			}
			for (int i = 0; i < postings.size(); i++) {
				int number = postings.doc(i);
				if (asOf != null && !corpus.docs().get(number).capturedBy(asOf)) {
					continue;
				}
				scores[number] += scorer.score(term, i);
				matched.set(number);
			}
		}
		return matched.stream().toArray();
	}

	/** The query's terms over {@code corpus}, ready to score row by row. */
	Scorer scorer(RecallCorpus.Corpus corpus, Map<String, Double> terms, CollectionStatistics statistics) {
		return new Scorer(corpus, terms, statistics, this.properties);
	}

	/**
	 * Whether every row's score is at least 0 and each term's part of it is at most
	 * {@link Scorer#ceiling}: field weights are not negative and {@code b} is at most 1,
	 * so that a longer field never weighs more and a field's normalisation is never
	 * negative. Out of those settings, recall scores every row.
	 */
	boolean bounded() {
		if (this.properties.b() > 1) {
			return false;
		}
		for (TermVector.Field field : TermVector.Field.ALL) {
			if (!(this.properties.fieldWeights().of(field) >= 0)) {
				return false;
			}
		}
		return true;
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

	/**
	 * One query's terms over one corpus, numbered in query order: each term's postings,
	 * query weight and idf, with the collection's average field lengths. Every score of a
	 * term in a row, whichever way rows are ranked, is worked out here, by the same
	 * arithmetic in the same order, so that summing a row's terms in query order gives
	 * the same double every time.
	 */
	static final class Scorer {

		private final RecallCorpus.Corpus corpus;

		private final Postings[] postings;

		private final double[] queryWeights;

		private final double[] idfs;

		private final double[] fieldWeights = new double[FIELDS];

		private final double[] averageLengths = new double[FIELDS];

		private final double k1;

		private final double b;

		private Scorer(RecallCorpus.Corpus corpus, Map<String, Double> terms, CollectionStatistics statistics,
				RecallProperties properties) {
			this.corpus = corpus;
			this.postings = new Postings[terms.size()];
			this.queryWeights = new double[terms.size()];
			this.idfs = new double[terms.size()];
			int term = 0;
			for (Map.Entry<String, Double> entry : terms.entrySet()) {
				this.postings[term] = corpus.postings(entry.getKey());
				this.queryWeights[term] = entry.getValue();
				this.idfs[term] = statistics.idf(entry.getKey());
				term++;
			}
			for (TermVector.Field field : TermVector.Field.ALL) {
				this.fieldWeights[field.ordinal()] = properties.fieldWeights().of(field);
				this.averageLengths[field.ordinal()] = statistics.averageLength(field);
			}
			this.k1 = properties.k1();
			this.b = properties.b();
		}

		/** How many terms the query has. */
		int terms() {
			return this.postings.length;
		}

		/** Where term {@code term} occurs; null if no row has it. */
		@Nullable
		Postings postings(int term) {
			return this.postings[term];
		}

		/**
		 * Term {@code term}'s part of the BM25F score of the row at position {@code i} of
		 * its postings.
		 */
		double score(int term, int i) {
			Postings postings = this.postings[term];
			int number = postings.doc(i);
			double weighted = 0;
			for (int field = 0; field < FIELDS; field++) {
				int frequency = postings.frequency(i, field);
				if (frequency == 0) {
					continue;
				}
				double norm = 1 - this.b + this.b * this.corpus.length(number, field) / this.averageLengths[field];
				weighted += this.fieldWeights[field] * frequency / norm;
			}
			return saturate(term, weighted);
		}

		/**
		 * The BM25F score of row {@code number}: its terms' parts summed in query order,
		 * the same double {@link Bm25f#score} adds up for it.
		 * @return 0 for a row without a query term
		 */
		double score(int number) {
			double score = 0;
			for (int term = 0; term < this.postings.length; term++) {
				int i = (this.postings[term] != null) ? this.postings[term].indexOf(number) : -1;
				if (i >= 0) {
					score += score(term, i);
				}
			}
			return score;
		}

		/**
		 * At least term {@code term}'s part of any row's score (0 if no row has it), when
		 * {@link Bm25f#bounded()}: the saturation grows with the weighted frequency,
		 * which is at most the sum over fields of the highest frequency over the shortest
		 * field's normalisation. Rounding can put a row's part a few ulps above it.
		 */
		double ceiling(int term) {
			Postings postings = this.postings[term];
			if (postings == null) {
				return 0;
			}
			double weighted = 0;
			for (int field = 0; field < FIELDS; field++) {
				int frequency = postings.maxFrequency(this.corpus, field);
				if (frequency == 0) {
					continue;
				}
				double norm = 1 - this.b + this.b * postings.minLength(this.corpus, field) / this.averageLengths[field];
				weighted += this.fieldWeights[field] * frequency / norm;
			}
			return saturate(term, weighted);
		}

		private double saturate(int term, double weighted) {
			return this.queryWeights[term] * this.idfs[term] * weighted * (this.k1 + 1) / (weighted + this.k1);
		}

	}

}

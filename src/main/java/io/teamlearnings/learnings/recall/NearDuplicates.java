package io.teamlearnings.learnings.recall;

import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.teamlearnings.learnings.analysis.TermVector;
import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.learnings.index.LearningNotFoundException;
import io.teamlearnings.learnings.index.StoreProperties;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.system.Jaccard;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * How alike two learnings are: the Jaccard similarity of the sets of terms of their
 * {@code learning} text, as {@link TextAnalysis} produces them. Used to skip the same
 * rule in other words, to list related rows, and to find themes.
 */
@Component
public class NearDuplicates {

	/** Below this many distinct terms similarity is too noisy to act on. */
	public static final int MIN_TERMS = 4;

	private final RecallCorpus corpus;

	private final TextAnalysis analysis;

	private final double threshold;

	NearDuplicates(RecallCorpus corpus, TextAnalysis analysis, StoreProperties properties) {
		this.corpus = corpus;
		this.analysis = analysis;
		this.threshold = properties.nearDuplicateThreshold();
	}

	/**
	 * A similar row.
	 *
	 * @param id the row's id
	 * @param similarity Jaccard similarity, 0 to 1
	 */
	public record Match(String id, double similarity) {
	}

	/**
	 * A learning's terms as near-duplicate checks use them, worked out once: analysing a
	 * text is the costly part of a check, and needs nothing but the text.
	 *
	 * @param words its distinct terms, in the order first seen
	 * @param signature the sorted distinct hashes of its terms (see {@link #match})
	 */
	public record Terms(List<String> words, int[] signature) {

		/**
		 * The terms of a learning from its analysis ({@link TextAnalysis#terms}).
		 * @param analysed its terms, in order, repeats kept
		 * @return its distinct terms and signature
		 */
		public static Terms of(List<String> analysed) {
			List<String> words = analysed.stream().distinct().toList();
			return new Terms(words, NearDuplicates.signature(words));
		}

	}

	/** The terms of {@code learning}, for {@link #find}. */
	public Terms terms(String learning) {
		return Terms.of(this.analysis.terms(learning));
	}

	/**
	 * The most similar row with the same status at or above the threshold, ignoring
	 * {@code excludeId} (the row a new one supersedes), for a learning analysed
	 * beforehand ({@link #terms}).
	 */
	@Nullable
	public Match find(Repo repo, String status, Terms terms, @Nullable String excludeId) {
		int[] signature = terms.signature();
		if (signature.length < MIN_TERMS) {
			return null;
		}
		return this.corpus.read(repo,
				(corpus) -> candidates(corpus, terms.words()).mapToObj(corpus.docs()::get)
					.filter((doc) -> doc.status().equals(status) && !doc.id().equals(excludeId))
					.map((doc) -> match(doc.id(), signature, doc.signature()))
					.filter(Objects::nonNull)
					.max(Comparator.comparingDouble(Match::similarity))
					.orElse(null));
	}

	/**
	 * The rows that can reach the threshold, by prefix filtering: a row at Jaccard
	 * similarity {@code t} or more with a text of {@code n} distinct terms shares at
	 * least {@code ceil(t * n)} of them, so it contains one of any
	 * {@code n - ceil(t * n) + 1} of them; the rarest are taken, and only rows with one
	 * of those in their learning are compared. (Comparing every row cost an append a scan
	 * of the whole repository.)
	 */
	private IntStream candidates(RecallCorpus.Corpus corpus, List<String> words) {
		int needed = (int) Math.ceil(this.threshold * words.size());
		if (needed < 1) {
			return IntStream.range(0, corpus.docs().size());
		}
		List<Postings> rarest = words.stream()
			.map(corpus::postings)
			.sorted(Comparator.comparingInt((postings) -> (postings != null) ? postings.size() : 0))
			.limit(words.size() - needed + 1L)
			.toList();
		BitSet candidates = new BitSet(corpus.docs().size());
		for (Postings postings : rarest) {
			if (postings == null) {
				continue;
			}
			for (int i = 0; i < postings.size(); i++) {
				if (postings.frequency(i, TermVector.Field.LEARNING) > 0) {
					candidates.set(postings.doc(i));
				}
			}
		}
		return candidates.stream();
	}

	/**
	 * A match with row {@code id} if its terms are similar enough to {@code terms} to
	 * count as a near-duplicate, else null.
	 */
	@Nullable
	public Match match(String id, int[] terms, int[] otherTerms) {
		if (terms.length < MIN_TERMS || otherTerms.length < MIN_TERMS) {
			return null;
		}
		double similarity = Jaccard.ofSorted(terms, otherTerms);
		return (similarity >= this.threshold) ? new Match(id, similarity) : null;
	}

	/** The rows most similar to row {@code id}, most similar first, any status. */
	public List<Match> nearest(Repo repo, String id, int limit) {
		return this.corpus.read(repo, (corpus) -> {
			RecallCorpus.Doc target = corpus.byId(id);
			if (target == null) {
				throw LearningNotFoundException.forId(repo.name(), id);
			}
			return nearest(corpus.docs().stream(), target).limit(limit).toList();
		});
	}

	private static Stream<Match> nearest(Stream<RecallCorpus.Doc> docs, RecallCorpus.Doc target) {
		return docs.filter((doc) -> !doc.id().equals(target.id()) && !doc.isWithdrawal())
			.map((doc) -> new Match(doc.id(), Jaccard.ofSorted(target.signature(), doc.signature())))
			.filter((match) -> match.similarity() > 0)
			.sorted(Comparator.comparingDouble(Match::similarity).reversed());
	}

	private static int[] signature(List<String> terms) {
		return terms.stream().mapToInt(String::hashCode).sorted().distinct().toArray();
	}

}

package io.teamlearnings.learnings.analysis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Terms of texts about to be indexed, worked out ahead of time by the threads that write
 * them, before they take a repository's lock, so that indexing, which runs under it, does
 * not analyse them again. Each text's terms are taken once, by the first sync that
 * analyses that text; at most {@value #CAPACITY} texts are kept, and all are dropped when
 * that many are (a text that is never indexed, such as that of a draft found to be a
 * duplicate, would otherwise stay). Terms are exactly {@link TextAnalysis#terms}'s, so
 * what is indexed does not depend on whether a text was analysed ahead.
 */
@Component
public class TermsAhead {

	static final int CAPACITY = 1024;

	private final TextAnalysis analysis;

	private final Map<String, List<String>> texts = new ConcurrentHashMap<>();

	public TermsAhead(TextAnalysis analysis) {
		this.analysis = analysis;
	}

	/**
	 * Analyses {@code text} now and keeps its terms for the sync that indexes it.
	 * @param text a text a row about to be written will hold (see
	 * {@link TermVector#texts})
	 * @return its terms, in order, repeats kept
	 */
	public List<String> analyse(String text) {
		List<String> terms = List.copyOf(this.analysis.terms(text));
		if (this.texts.size() >= CAPACITY) {
			this.texts.clear();
		}
		this.texts.put(text, terms);
		return terms;
	}

	/**
	 * The terms of {@code text} if it was analysed ahead and not taken yet; they are
	 * taken.
	 * @param text a text being indexed
	 * @return its terms, or null
	 */
	@Nullable
	public List<String> take(String text) {
		return this.texts.remove(text);
	}

}

package io.teamlearnings.learnings;

import java.util.List;

import io.teamlearnings.learnings.analysis.TextAnalysis;

import org.springframework.stereotype.Component;

/**
 * The learnings module's text analysis for other modules that compare text the way recall
 * and near-duplicates do (the skills module matches lessons to skills with it):
 * code-aware English terms, compound tokens kept whole and split, stop words removed,
 * plain words Porter-stemmed.
 */
@Component
public class TextTerms {

	private final TextAnalysis analysis;

	TextTerms(TextAnalysis analysis) {
		this.analysis = analysis;
	}

	/**
	 * @param text any text
	 * @return its terms, in order, repeats kept
	 */
	public List<String> terms(String text) {
		return this.analysis.terms(text);
	}

}

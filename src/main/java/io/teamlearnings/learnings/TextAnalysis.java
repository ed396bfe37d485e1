package io.teamlearnings.learnings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import org.springframework.stereotype.Component;

/**
 * Turns learning text into comparable terms with Lucene's English analyser: case folding,
 * English stop words removed, Porter stemming.
 */
@Component
class TextAnalysis implements AutoCloseable {

	private final Analyzer analyzer = new EnglishAnalyzer();

	List<String> terms(String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = this.analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("analysing in-memory text cannot fail", ex);
		}
		return terms;
	}

	@Override
	public void close() {
		this.analyzer.close();
	}

}

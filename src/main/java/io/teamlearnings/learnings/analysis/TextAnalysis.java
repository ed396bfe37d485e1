package io.teamlearnings.learnings.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import org.springframework.stereotype.Component;

/**
 * Turns learning text into terms, with Lucene's analysis components, in a way that fits
 * what learnings contain: prose and code side by side. Text is split on whitespace;
 * surrounding punctuation is trimmed; a compound token such as {@code FileChannel.force},
 * {@code --drop-superseded}, {@code snake_case} or {@code src/parser} is kept whole
 * <em>and</em> split into its parts (at punctuation and case changes); everything is
 * lower-cased, English stop words are removed and plain words are Porter-stemmed
 * (compound tokens are kept unstemmed). So {@code force}, {@code FileChannel} and
 * {@code filechannel.force} all find a row that mentions {@code FileChannel.force()}.
 * <p>
 * Text is first brought to Unicode normalization form NFKC, as search engines do (the
 * {@code nfkc_cf} of Lucene's ICU analysis): {@code café} typed as {@code e} and a
 * combining accent, as macOS file names and some keyboards give it, finds {@code café}
 * typed as one character, and a ligature or a full-width letter finds the plain letters.
 */
@Component
public class TextAnalysis implements AutoCloseable {

	private static final int WORD_DELIMITER_FLAGS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
			| WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
			| WordDelimiterGraphFilter.PRESERVE_ORIGINAL | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

	/**
	 * Changes whenever the terms produced change, so stored terms are re-derived: 2 since
	 * text is NFKC-normalized first.
	 */
	public static final int VERSION = 2;

	/** Longest term kept; longer tokens (hashes, blobs) are dropped. */
	static final int MAX_TERM_LENGTH = 120;

	private final Analyzer analyzer = new Analyzer() {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new WhitespaceTokenizer();
			TokenStream stream = new WordCharacters.TrimEdges(source);
			stream = new LengthFilter(stream, 1, MAX_TERM_LENGTH);
			stream = new CompoundSegmentsFilter(stream);
			stream = new WordCharacters.TrimEdges(stream);
			stream = new LengthFilter(stream, 1, MAX_TERM_LENGTH);
			stream = new WordDelimiterGraphFilter(stream, WORD_DELIMITER_FLAGS, null);
			stream = new LowerCaseFilter(stream);
			stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
			stream = new WordCharacters.MarkCompounds(stream);
			return new TokenStreamComponents(source, new PorterStemFilter(stream));
		}

	};

	/** The terms of {@code text}, in order, repeats kept. */
	public List<String> terms(String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = this.analyzer.tokenStream("text", Normalizer.normalize(text, Normalizer.Form.NFKC))) {
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

	/** Each distinct term of {@code text} with how often it occurs. */
	Map<String, Integer> termFrequencies(String text) {
		Map<String, Integer> frequencies = new LinkedHashMap<>();
		for (String term : terms(text)) {
			frequencies.merge(term, 1, Integer::sum);
		}
		return frequencies;
	}

	@Override
	public void close() {
		this.analyzer.close();
	}

}

package io.teamlearnings.learnings.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The hand-written filters that replaced two regular expressions in the analysis must
 * treat every token exactly as the expressions did, or stored terms would silently differ
 * from the terms of new rows.
 */
class WordCharactersPropertyTests {

	private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");

	private static final Pattern COMPOUND = Pattern.compile(".*[^\\p{L}\\p{N}].*");

	/**
	 * Tokens mixing ASCII punctuation, letters, digits, other scripts, number forms
	 * (Roman numerals, superscripts) and characters outside the BMP.
	 */
	private static Gen<String> tokens() {
		int[] pool = { '.', '/', '-', '_', ':', '(', ')', '"', '\'', '`', '*', '#', 'a', 'Z', 'q', '0', '7', 0xE9,
				0x3B1, 0x4E2D, 0x2167, 0xB2, 0x661, 0x1F600, 0x1D400, 0x2014, 0xA0 };
		return lists().of(integers().between(0, pool.length - 1)).ofSizeBetween(0, 12).map((picks) -> {
			StringBuilder token = new StringBuilder();
			picks.forEach((pick) -> token.appendCodePoint(pool[pick]));
			return token.toString();
		});
	}

	@Test
	void trimsEdgesExactlyAsTheRegularExpressionDid() {
		qt().withExamples(2000)
			.forAll(tokens())
			.check((token) -> analyse(token, WordCharacters.TrimEdges::new, (attributes) -> attributes.term())
				.equals(EDGE_PUNCTUATION.matcher(token).replaceAll("")));
	}

	@Test
	void marksCompoundsExactlyAsTheRegularExpressionDid() {
		qt().withExamples(2000)
			.forAll(tokens())
			.check((token) -> token.isEmpty()
					|| analyse(token, WordCharacters.MarkCompounds::new, (attributes) -> attributes.keyword())
						.equals(COMPOUND.matcher(token).matches()));
	}

	@Test
	void keepsPathsAndFlagsWholeButTrimsSentencePunctuation() {
		assertThat(analyse("(`FileChannel.force()`),", WordCharacters.TrimEdges::new, Attributes::term))
			.isEqualTo("FileChannel.force");
		assertThat(analyse("--drop-superseded", WordCharacters.MarkCompounds::new, Attributes::keyword)).isTrue();
		assertThat(analyse("launchd", WordCharacters.MarkCompounds::new, Attributes::keyword)).isFalse();
	}

	record Attributes(String term, boolean keyword) {
	}

	private static <T> T analyse(String token, Function<TokenStream, TokenStream> filter,
			Function<Attributes, T> read) {
		Tokenizer source = new KeywordTokenizer();
		source.setReader(new StringReader(token));
		List<Attributes> seen = new ArrayList<>();
		try (TokenStream stream = filter.apply(source)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			KeywordAttribute keyword = stream.addAttribute(KeywordAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				seen.add(new Attributes(term.toString(), keyword.isKeyword()));
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(seen).hasSize(1);
		return read.apply(seen.get(0));
	}

}

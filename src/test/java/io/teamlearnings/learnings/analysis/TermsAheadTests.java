package io.teamlearnings.learnings.analysis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terms analysed ahead by a writer: the analysis's own terms, taken once, and never more
 * than the capacity kept.
 */
class TermsAheadTests {

	private final TextAnalysis analysis = new TextAnalysis();

	private final TermsAhead ahead = new TermsAhead(this.analysis);

	@AfterEach
	void close() {
		this.analysis.close();
	}

	@Test
	void givesTheTermsOfTheAnalysisAndKeepsThemForOneTaker() {
		String text = "When FileChannel.force fails, prefer --retry-writes because fsync errors repeat.";

		assertThat(this.ahead.analyse(text)).isEqualTo(this.analysis.terms(text));
		assertThat(this.ahead.take(text)).isEqualTo(this.analysis.terms(text));
		assertThat(this.ahead.take(text)).isNull();
	}

	@Test
	void dropsEverythingKeptOnceFullSoThatTextsNeverIndexedDoNotPileUp() {
		for (int i = 0; i < TermsAhead.CAPACITY; i++) {
			this.ahead.analyse("a draft found to be a duplicate number " + i);
		}

		this.ahead.analyse("the next text");

		assertThat(this.ahead.take("a draft found to be a duplicate number 0")).isNull();
		assertThat(this.ahead.take("the next text")).isNotEmpty();
	}

}

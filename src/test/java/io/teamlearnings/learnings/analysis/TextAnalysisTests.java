package io.teamlearnings.learnings.analysis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalysisTests {

	private final TextAnalysis analysis = new TextAnalysis();

	@AfterEach
	void close() {
		this.analysis.close();
	}

	@Test
	void keepsDottedNamesWholeAndSplitsThem() {
		assertThat(this.analysis.terms("Call FileChannel.force() before acking."))
			.contains("filechannel.force", "file", "channel", "forc", "ack")
			.doesNotContain("before", "force()");
	}

	@Test
	void keepsFlagsAndSnakeCaseWholeAndSplitsThem() {
		assertThat(this.analysis.terms("recall --drop-superseded on install_launch_agent.sh")).contains(
				"drop-superseded", "drop", "supersed", "install_launch_agent.sh", "instal", "launch", "agent", "sh");
	}

	@Test
	void keepsPathsWholeAndSplitsThem() {
		assertThat(this.analysis.terms("see src/parser/Lexer.java")).contains("src/parser/lexer.java", "src", "parser",
				"lexer", "java");
	}

	@Test
	void findsPartsOfPathsAndCompoundIdentifiers() {
		assertThat(this.analysis.terms("ran scripts/install_launch_agent.sh and codex/skills/seq/SKILL.md")).contains(
				"install_launch_agent", "install_launch_agent.sh", "skills/seq", "codex/skills/seq", "seq/skill.md",
				"skill.md");
		assertThat(this.analysis.terms("install_launch_agent")).contains("install_launch_agent", "instal", "launch",
				"agent");
	}

	@Test
	void stemsAndDropsStopWordsInProse() {
		assertThat(this.analysis.terms("The runners were failing and the tests are flaky")).containsExactly("runner",
				"were", "fail", "test", "flaki");
	}

	@Test
	void findsTheSameTermsHoweverTheTextIsEncodedInUnicode() {
		String composed = "caf\u00e9 r\u00e9sum\u00e9 na\u00efve";
		String decomposed = "cafe\u0301 re\u0301sume\u0301 nai\u0308ve";
		assertThat(decomposed).isNotEqualTo(composed);
		assertThat(this.analysis.terms(decomposed)).isEqualTo(this.analysis.terms(composed))
			.containsExactly("caf\u00e9", "r\u00e9sum\u00e9", "na\u00efv");
		assertThat(this.analysis.terms("\uff26\uff49\uff4c\uff45\uff23\uff48\uff41\uff4e\uff4e\uff45\uff4c \ufb01le"))
			.containsExactly("filechannel", "file", "channel", "file");
	}

}

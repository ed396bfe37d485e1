package io.teamlearnings.sessions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extract an MCP call answers is cut to what an agent can take, at a line end, and
 * says so.
 */
class SessionToolsTests {

	@Test
	void keepsAnExtractThatFits() {
		assertThat(SessionTools.cut("RECENT_CONVERSATIONS_FOUND=1\n[USER]\nhi\n[/USER]\n", 1000))
			.isEqualTo("RECENT_CONVERSATIONS_FOUND=1\n[USER]\nhi\n[/USER]\n");
	}

	@Test
	void cutsALongExtractAtALineEndAndSaysHowMuchIsLeftOut() {
		String extract = "line one\nline two\nline three\n";
		assertThat(SessionTools.cut(extract, 12)).isEqualTo(
				"line one\n[TRUNCATED: 20 more characters; narrow lookback_minutes or limit, or raise max_chars]\n");
	}

	@Test
	void cutsALineLongerThanTheLimitInside() {
		assertThat(SessionTools.cut("abcdefghij", 4)).startsWith("abcd[TRUNCATED: 6 more characters");
	}

}

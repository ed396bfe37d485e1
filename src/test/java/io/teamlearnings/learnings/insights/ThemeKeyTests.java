package io.teamlearnings.learnings.insights;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learnings tool's theme of a row (learnings.zig {@code computeThemeAlloc}): the
 * first six distinct stems, alphabetically, of the two texts joined by a space.
 */
class ThemeKeyTests {

	@Test
	void takesTheFirstSixStemsAlphabetically() {
		assertThat(ThemeKey.of("Cache the toolchain download in CI because cold runners take ten minutes.", ""))
			.isEqualTo("cache cold download minut runner take");
		assertThat(ThemeKey.of("zeta alpha beta gamma delta epsilon kappa", ""))
			.isEqualTo("alpha beta delta epsilon gamma kappa");
	}

	@Test
	void stemsEachTokenOnceByLength() {
		assertThat(ThemeKey.of("Running tests fixed uses", "")).isEqualTo("fix runn test use");
		assertThat(ThemeKey.of("sing bed", "")).isEqualTo("bed sing");
	}

	@Test
	void dropsStopWordsAndStemsOfTwoCharactersOrFewer() {
		assertThat(ThemeKey.of("Java 17 and 21 on x86, as is the CI", "")).isEqualTo("java x86");
		assertThat(ThemeKey.of("as is the", "")).isEqualTo(ThemeKey.UNTAGGED).isEqualTo("(untagged)");
		assertThat(ThemeKey.of("", "")).isEqualTo("(untagged)");
	}

	@Test
	void lowerCasesAsciiOnlyAndCutsTokensAtEveryOtherCharacter() {
		assertThat(ThemeKey.of("GRADLE Évité naïve", "")).isEqualTo("gradle vit");
		assertThat(ThemeKey.of("src/parser/LineReader.java", "")).isEqualTo("java linereader parser src");
	}

	@Test
	void joinsTheTwoTextsWithASpace() {
		assertThat(ThemeKey.of("pre", "fix")).isEqualTo("fix pre");
		assertThat(ThemeKey.of("", "cache")).isEqualTo("cache");
		assertThat(ThemeKey.of("ab", "cd")).isEqualTo("(untagged)");
	}

}

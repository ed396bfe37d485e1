package io.teamlearnings.learnings.quality;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Evidence has an anchor", as the learnings tool's strict quality gate defines it
 * (append_learning.zig {@code hasEvidenceAnchor}): marker words, or a hexadecimal,
 * file-like or CI-run token.
 */
class EvidenceAnchorTests {

	@Test
	void markerWordsAnchorInAnyAsciiCase() {
		assertThat(List.of("task_42 closed", "3 tests PASSED", "build Failed", "TypeError raised", "exit 1",
				"make exited 2"))
			.allSatisfy((item) -> assertThat(QualityGate.hasAnchor(item)).as(item).isTrue());
	}

	@Test
	void hexadecimalTokensOfSevenToFortyCharactersAnchor() {
		assertThat(QualityGate.hasAnchor("fixed in 89ccd4c")).isTrue();
		assertThat(QualityGate.hasAnchor("commit (da5f7099273cd526ecfa56b2307a63f60bb56bb1)")).isTrue();
		assertThat(QualityGate.hasAnchor("fixed in 89ccd4")).isFalse();
		assertThat(QualityGate.hasAnchor("digest da5f7099273cd526ecfa56b2307a63f60bb56bb1e")).isFalse();
	}

	@Test
	void fileLikeTokensAnchorUnlessTheyAreOptions() {
		assertThat(QualityGate.hasAnchor("see src/parser/LineReader.java")).isTrue();
		assertThat(QualityGate.hasAnchor("bumped to v1.2")).isTrue();
		assertThat(QualityGate.hasAnchor("`a.b`")).isTrue();
		assertThat(QualityGate.hasAnchor("ran with --config.strict")).isFalse();
		assertThat(QualityGate.hasAnchor("a. b.")).isFalse();
	}

	@Test
	void ciRunNumbersAnchor() {
		assertThat(QualityGate.hasAnchor("see run_1234567")).isTrue();
		assertThat(QualityGate.hasAnchor("see run-123456")).isTrue();
		assertThat(QualityGate.hasAnchor("see run123456789")).isTrue();
		assertThat(QualityGate.hasAnchor("see run_12345")).isFalse();
		assertThat(QualityGate.hasAnchor("see runner")).isFalse();
	}

	@Test
	void placeholdersAndProseDoNotAnchor() {
		assertThat(List.of("none_provided", "capture_follow_up_later", "todo", "n/a", "it looks fine now", ""))
			.allSatisfy((item) -> assertThat(QualityGate.hasAnchor(item)).as(item).isFalse());
	}

	@Test
	void evidenceIsAnchoredWhenAnyItemIs() {
		assertThat(List.of("it looks fine", "3 tests passed").stream().anyMatch(QualityGate::hasAnchor)).isTrue();
		assertThat(List.of("it looks fine", "none_provided").stream().anyMatch(QualityGate::hasAnchor)).isFalse();
	}

}

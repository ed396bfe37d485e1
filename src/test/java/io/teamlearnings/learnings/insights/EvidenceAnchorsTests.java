package io.teamlearnings.learnings.insights;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Evidence has an anchor", as the learnings tool's strict quality gate defines it
 * (append_learning.zig {@code hasEvidenceAnchor}): marker words, or a hexadecimal,
 * file-like or CI-run token.
 */
class EvidenceAnchorsTests {

	@Test
	void markerWordsAnchorInAnyAsciiCase() {
		assertThat(List.of("task_42 closed", "3 tests PASSED", "build Failed", "TypeError raised", "exit 1",
				"make exited 2"))
			.allSatisfy((item) -> assertThat(EvidenceAnchors.anchored(item)).as(item).isTrue());
	}

	@Test
	void hexadecimalTokensOfSevenToFortyCharactersAnchor() {
		assertThat(EvidenceAnchors.anchored("fixed in 89ccd4c")).isTrue();
		assertThat(EvidenceAnchors.anchored("commit (da5f7099273cd526ecfa56b2307a63f60bb56bb1)")).isTrue();
		assertThat(EvidenceAnchors.anchored("fixed in 89ccd4")).isFalse();
		assertThat(EvidenceAnchors.anchored("digest da5f7099273cd526ecfa56b2307a63f60bb56bb1e")).isFalse();
	}

	@Test
	void fileLikeTokensAnchorUnlessTheyAreOptions() {
		assertThat(EvidenceAnchors.anchored("see src/parser/LineReader.java")).isTrue();
		assertThat(EvidenceAnchors.anchored("bumped to v1.2")).isTrue();
		assertThat(EvidenceAnchors.anchored("`a.b`")).isTrue();
		assertThat(EvidenceAnchors.anchored("ran with --config.strict")).isFalse();
		assertThat(EvidenceAnchors.anchored("a. b.")).isFalse();
	}

	@Test
	void ciRunNumbersAnchor() {
		assertThat(EvidenceAnchors.anchored("see run_1234567")).isTrue();
		assertThat(EvidenceAnchors.anchored("see run-123456")).isTrue();
		assertThat(EvidenceAnchors.anchored("see run123456789")).isTrue();
		assertThat(EvidenceAnchors.anchored("see run_12345")).isFalse();
		assertThat(EvidenceAnchors.anchored("see runner")).isFalse();
	}

	@Test
	void placeholdersAndProseDoNotAnchor() {
		assertThat(List.of("none_provided", "capture_follow_up_later", "todo", "n/a", "it looks fine now", ""))
			.allSatisfy((item) -> assertThat(EvidenceAnchors.anchored(item)).as(item).isFalse());
	}

	@Test
	void evidenceIsAnchoredWhenAnyItemIs() {
		assertThat(EvidenceAnchors.any(List.of("it looks fine", "3 tests passed"))).isTrue();
		assertThat(EvidenceAnchors.any(List.of("it looks fine", "none_provided"))).isFalse();
		assertThat(EvidenceAnchors.any(List.of())).isFalse();
	}

}

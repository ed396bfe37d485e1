package io.teamlearnings.learnings.jsonl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalFormatTests {

	@Test
	void normalisesStatusesLikeTheTool() {
		assertThat(CanonicalFormat.normalizeLabel("Codify Now")).isEqualTo("codify_now");
		assertThat(CanonicalFormat.normalizeLabel("  do--more!! ")).isEqualTo("do_more");
		assertThat(CanonicalFormat.normalizeLabel("REVIEW_LATER")).isEqualTo("review_later");
	}

	/** The tool's own test of {@code normalizeStatusAlloc}. */
	@Test
	void normalisesTheToolsStatusExample() {
		assertThat(CanonicalFormat.normalizeStatus("  Do More / ASAP  ")).isEqualTo("do_more_asap");
	}

	@Test
	void keepsOnlyAsciiLettersAndDigitsInALabel() {
		assertThat(CanonicalFormat.normalizeLabel("Caf\u00e9 Cr\u00e8me")).isEqualTo("caf_cr_me");
		// Java's own lower-casing makes "i" of U+0130 and "k" of the Kelvin sign; the
		// tool makes separators of them
		assertThat(CanonicalFormat.normalizeLabel("\u0130x\u212Ay")).isEqualTo("x_y");
	}

	@Test
	void aMissingOrEmptyStatusIsReviewLater() {
		assertThat(CanonicalFormat.normalizeStatus(null)).isEqualTo("review_later");
		assertThat(CanonicalFormat.normalizeStatus("")).isEqualTo("review_later");
		assertThat(CanonicalFormat.normalizeStatus(" / \u00c9 ")).isEqualTo("review_later");
		assertThat(CanonicalFormat.normalizeStatus("maybe later")).isEqualTo("maybe_later");
	}

	@Test
	void normalisesAndDeduplicatesTagsKeepingFirstOrder() {
		assertThat(CanonicalFormat.normalizeTags(List.of("Testing", "JUnit 5", "testing", "  ", "junit-5")))
			.containsExactly("testing", "junit_5");
	}

	@Test
	void splitsTagsOnCommasAsTheToolDoes() {
		assertThat(CanonicalFormat.normalizeTags(List.of("tooling, Git", ",,ci", "git,CI,,")))
			.containsExactly("tooling", "git", "ci");
	}

	@Test
	void splitsRelatedIdsOnCommasTrimmingThemAndDroppingRepeats() {
		assertThat(CanonicalFormat.normalizeIds(List.of(" lrn-a ,lrn-b", "lrn-a,\tlrn-c\n", " , ")))
			.containsExactly("lrn-a", "lrn-b", "lrn-c");
	}

	@Test
	void collapsesWhitespaceInLearnings() {
		assertThat(CanonicalFormat.collapseWhitespace("  When\tX,\n\n prefer   Y. ")).isEqualTo("When X, prefer Y.");
	}

	@Test
	void collapsesOnlyAsciiWhitespaceVerticalTabAndFormFeedIncluded() {
		assertThat(CanonicalFormat.collapseWhitespace("\u000B\fWhen\u000BX\f\r\n,Y \u000B")).isEqualTo("When X ,Y");
		assertThat(CanonicalFormat.collapseWhitespace("\u00A0When\u2003X\u00A0")).isEqualTo("\u00A0When\u2003X\u00A0");
	}

	@Test
	void fingerprintsTheReferenceVectors() {
		String fingerprint = CanonicalFormat.fingerprint("do_more", "When X, prefer Y because Z.");
		assertThat(fingerprint).isEqualTo("89ccd4c6a81eeb1d");
		assertThat(CanonicalFormat.id(CanonicalFormat.capturedAt(Instant.parse("2026-06-20T18:30:00Z")), fingerprint))
			.isEqualTo("lrn-20260620T183000Z-89ccd4c6");
	}

	/**
	 * The tool lower-cases ASCII only: a full Unicode lower-casing would give
	 * {@code b4bd8c3bdc85d2fe}, a fingerprint the tool never produces.
	 */
	@Test
	void fingerprintsLowerCasingAsciiOnly() {
		assertThat(CanonicalFormat.fingerprint("do_more", "When \u00c9 happens, prefer Y because Z."))
			.isEqualTo("2b73fc1f0865f8ac");
		assertThat(CanonicalFormat.fingerprint("do_more", "when \u00c9 happens,  PREFER Y because Z."))
			.isEqualTo("2b73fc1f0865f8ac");
	}

	@Test
	void buildsIdsFromCaptureTimeAndFingerprint() {
		String capturedAt = CanonicalFormat.capturedAt(Instant.parse("2026-05-28T17:07:24.987Z"));
		assertThat(capturedAt).isEqualTo("2026-05-28T17:07:24Z");
		assertThat(CanonicalFormat.id(capturedAt, "c468d2a9e1f0b7a3")).isEqualTo("lrn-20260528T170724Z-c468d2a9");
	}

	@Test
	void fingerprintsMatchTheToolOnTheRowsItWroteThatWay() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		List<String> mismatched = new ArrayList<>();
		int matched = 0;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				getClass().getResourceAsStream(TestStores.DOTFILES_FIXTURE), StandardCharsets.UTF_8))) {
			int lineNumber = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lineNumber++;
				if (lineNumber == 214 || lineNumber == 215) {
					continue;
				}
				JsonNode row = mapper.readTree(line);
				String expected = row.get("fingerprint").asString();
				if (CanonicalFormat.fingerprint(row.get("status").asString(), row.get("learning").asString())
					.equals(expected)) {
					matched++;
				}
				else {
					mismatched.add(row.get("id").asString());
				}
			}
		}
		assertThat(matched).isEqualTo(403);
		assertThat(mismatched).hasSize(7).contains("lrn-20260216T031955Z-69071c69", "lrn-20260308T171108Z-24949175");
	}

}

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

	@Test
	void normalisesAndDeduplicatesTagsKeepingFirstOrder() {
		assertThat(CanonicalFormat.normalizeTags(List.of("Testing", "JUnit 5", "testing", "  ", "junit-5")))
			.containsExactly("testing", "junit_5");
	}

	@Test
	void collapsesWhitespaceInLearnings() {
		assertThat(CanonicalFormat.collapseWhitespace("  When\tX,\n\n prefer   Y. ")).isEqualTo("When X, prefer Y.");
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

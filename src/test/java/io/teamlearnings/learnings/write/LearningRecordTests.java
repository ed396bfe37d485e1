package io.teamlearnings.learnings.write;

import java.util.List;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row's line is the bytes the {@code learnings} tool writes for it
 * ({@code encodeRecordJsonAlloc} and {@code writeJsonStringAscii} in
 * {@code append_learning.zig}): the expected lines below follow the tool's encoder by
 * hand, character by character.
 */
class LearningRecordTests {

	@Test
	void writesTheToolsKeysInItsOrderLeavingOutEmptyOptionalOnes() {
		LearningRecord row = row("When X, prefer Y because Z.", List.of(), List.of(), null);

		assertThat(row.toLine()).isEqualTo("{\"id\":\"lrn-20260620T183000Z-89ccd4c6\","
				+ "\"captured_at\":\"2026-06-20T18:30:00Z\",\"status\":\"do_more\","
				+ "\"learning\":\"When X, prefer Y because Z.\",\"evidence\":[\"./mvnw test -> passed\"],"
				+ "\"application\":\"Do Y first.\","
				+ "\"context\":{\"repo\":\"acme/service\",\"branch\":\"main\",\"paths\":[\"src/App.java\"]},"
				+ "\"source\":\"skill:learnings\",\"fingerprint\":\"89ccd4c6a81eeb1d\"}");
	}

	@Test
	void writesTagsRelatedIdsAndSupersedesIdLastWhenThereAreSome() {
		LearningRecord row = row("When X, prefer Y because Z.", List.of("ci"), List.of("lrn-a", "lrn-b"), "lrn-c");

		assertThat(row.toLine()).endsWith("\"fingerprint\":\"89ccd4c6a81eeb1d\",\"tags\":[\"ci\"],"
				+ "\"related_ids\":[\"lrn-a\",\"lrn-b\"],\"supersedes_id\":\"lrn-c\"}");
	}

	@Test
	void escapesEveryCharacterOutsideAsciiWithUpperCaseHex() {
		LearningRecord row = row("When \u00c9 happens, prefer Y because Z.", List.of(), List.of(), null);

		String line = row.toLine();

		assertThat(line).contains("\"learning\":\"When \\u00C9 happens, prefer Y because Z.\"")
			.contains("\"fingerprint\":\"2b73fc1f0865f8ac\"");
		assertThat(line.chars()).allMatch((c) -> c >= 0x20 && c < 0x7F);
	}

	@Test
	void writesCharactersAboveTheBasicPlaneAsSurrogatePairsAndControlsAsTheToolDoes() {
		String text = "caf\u00e9 \u2013 \ud83d\ude00 \u0001\u001f\u007f \b\f\n\r\t \"q\" \\ a/b \u2028";

		String line = row(text, List.of(), List.of(), null).toLine();

		assertThat(line).contains("\"learning\":\"caf\\u00E9 \\u2013 \\uD83D\\uDE00 \\u0001\\u001F\u007f "
				+ "\\b\\f\\n\\r\\t \\\"q\\\" \\\\ a/b \\u2028\"");
		JsonNode parsed = JsonMapper.builder().build().readTree(line);
		assertThat(parsed.get("learning").asString()).isEqualTo(text);
	}

	private static LearningRecord row(String learning, List<String> tags, List<String> related, String supersedesId) {
		String fingerprint = CanonicalFormat.fingerprint("do_more", learning);
		return new LearningRecord(CanonicalFormat.id("2026-06-20T18:30:00Z", fingerprint), "2026-06-20T18:30:00Z",
				"do_more", learning, List.of("./mvnw test -> passed"), "Do Y first.",
				new LearningRecord.Context("acme/service", "main", List.of("src/App.java")), "skill:learnings",
				fingerprint, tags, related, supersedesId);
	}

}

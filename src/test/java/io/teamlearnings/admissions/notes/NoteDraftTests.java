package io.teamlearnings.admissions.notes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notes made as the {@code memory-note} tool makes them, checked against the reference's
 * vector ({@code seed-tools.md}, section 2) and the tool's rules.
 */
class NoteDraftTests {

	/** The reference's input bytes: one line, no newline. */
	static final String VECTOR = "{\"operation\":\"assert\",\"authority\":\"learnings-cli\",\"summary\":\"Admit "
			+ "lrn-20260620T183000Z-89ccd4c6 for Phase 2 consideration.\",\"scope\":{\"kind\":\"repo\",\"repo\":"
			+ "\"owner/repo\",\"paths\":[]},\"source_refs\":[{\"kind\":\"learning\",\"ref\":\".learnings.jsonl#lrn-x\","
			+ "\"summary\":\"Canonical learning row\"}],\"related_ids\":[],\"supersedes_id\":null,\"payload\":"
			+ "{\"learning_id\":\"lrn-x\",\"learning_status\":\"codify_now\",\"repo\":\"owner/repo\",\"source_path\":"
			+ "\".learnings.jsonl\",\"decision_delta\":\"d\",\"evidence_snapshot\":[\"e\"],\"future_behavior\":\"f\","
			+ "\"verification\":\"v\",\"tags\":[\"memory-admission\"]}}";

	static final Instant AT = Instant.parse("2026-06-20T18:30:00Z");

	private static NoteDraft draft(String input, Instant at) {
		return NoteDraft.of(NoteDraft.ADMISSION, NoteInput.received(input.getBytes(StandardCharsets.UTF_8)), at);
	}

	@Test
	void makesTheReferenceVectorsFingerprintIdAndFileName() {
		NoteDraft draft = draft(VECTOR, AT.plusMillis(999));

		assertThat(draft.fingerprint()).isEqualTo("da5f7099273cd526ecfa56b2307a63f60bb56bb1e46a4a9a8c1b59c666d037fe");
		assertThat(draft.id()).isEqualTo("MSN-20260620T183000Z-da5f7099273cd526");
		assertThat(draft.capturedAt()).isEqualTo("2026-06-20T18:30:00Z");
		assertThat(draft.fileName()).isEqualTo("2026-06-20T18-30-00-learning-admission-admit-lrn-20260620t183000z-"
				+ "89ccd4c6-for-phase-2-consideration-da5f7099273cd526.md");
	}

	@Test
	void writesOneLineOfCompactJsonWithTheFourteenKeysInTheToolsOrder() {
		String line = draft(VECTOR, AT).line();

		assertThat(line).isEqualTo("{\"schema\":\"memory-source-note/v1\",\"id\":\"MSN-20260620T183000Z-"
				+ "da5f7099273cd526\",\"captured_at\":\"2026-06-20T18:30:00Z\",\"extension\":\"learnings\",\"kind\":"
				+ "\"learning-admission\"," + VECTOR.substring(1, VECTOR.indexOf(",\"payload\":"))
				+ ",\"fingerprint\":\"da5f7099273cd526ecfa56b2307a63f60bb56bb1e46a4a9a8c1b59c666d037fe\""
				+ VECTOR.substring(VECTOR.indexOf(",\"payload\":")) + "\n");
	}

	@Test
	void fingerprintsTheBytesAsReceivedAndEmbedsTheirValuesCompactly() {
		String spaced = VECTOR.replace(",", ", ").replace(":", ": ") + "\n";
		NoteDraft compact = draft(VECTOR, AT);
		NoteDraft pretty = draft(spaced, AT);

		assertThat(pretty.fingerprint()).isNotEqualTo(compact.fingerprint())
			.isEqualTo(NoteDraft.fingerprint(NoteDraft.ADMISSION, spaced.getBytes(StandardCharsets.UTF_8)));
		assertThat(pretty.line().replace(pretty.fingerprint(), "FP").replace(pretty.id(), "ID"))
			.isEqualTo(compact.line().replace(compact.fingerprint(), "FP").replace(compact.id(), "ID"));
	}

	@Test
	void fillsRelatedIdsAndSupersedesIdWhenTheInputHasNone() {
		String bare = VECTOR.replace("\"related_ids\":[],\"supersedes_id\":null,", "");

		assertThat(draft(bare, AT).line()).contains("\"related_ids\":[],\"supersedes_id\":null,\"fingerprint\":");
	}

	@Test
	void writesStringsAsUtf8EscapingOnlyQuotesBackslashesAndControlCharacters() {
		String input = VECTOR.replace("\"decision_delta\":\"d\"",
				"\"decision_delta\":\"Caf\\u00e9 \\ud83d\\ude80 a/b \\\"q\\\" \\\\ \\u0001\\t\\u007f\"");

		assertThat(draft(input, AT).line())
			.contains("\"decision_delta\":\"Café \uD83D\uDE80 a/b \\\"q\\\" \\\\ \\u0001\\t\u007f\"");
	}

	@Test
	void writesNumbersAsZigDoes() {
		String input = VECTOR.replace("\"tags\":[\"memory-admission\"]",
				"\"counts\":[1,-7,12345678901234567890,2.5,100.0,0.001,1e21]");

		assertThat(draft(input, AT).line()).contains("\"counts\":[1,-7,12345678901234567890,2.5e0,1e2,1e-3,1e21]");
	}

	@Test
	void takesTheSlugFromSlugElseSummaryAsciiOnlyAndAtMostEightyCharacters() {
		assertThat(draft(VECTOR.replace("{\"operation\"", "{\"slug\":\"My Slug!\",\"operation\""), AT).fileName())
			.matches("2026-06-20T18-30-00-learning-admission-my-slug-[0-9a-f]{16}\\.md");
		assertThat(draft(
				VECTOR.replace("Admit lrn-20260620T183000Z-89ccd4c6 for Phase 2 consideration.", "--Été à Zürich--"),
				AT)
			.fileName()).contains("-learning-admission-t-z-rich-");
		assertThat(draft(VECTOR.replace("Admit lrn-20260620T183000Z-89ccd4c6 for Phase 2 consideration.", "***"), AT)
			.fileName()).contains("-learning-admission-note-");
		String summary = "a".repeat(79) + " b";
		assertThat(draft(VECTOR.replace("Admit lrn-20260620T183000Z-89ccd4c6 for Phase 2 consideration.", summary), AT)
			.fileName()).contains("-learning-admission-" + "a".repeat(79) + "-");
	}

}

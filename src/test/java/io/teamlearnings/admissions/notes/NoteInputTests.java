package io.teamlearnings.admissions.notes;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The inputs the {@code memory-note} tool refuses ({@code validateCommon},
 * {@code validatePayload}, {@code rejectSensitiveKeys} in {@code memory_note.zig}) are
 * refused, naming the field; what it accepts is accepted.
 */
class NoteInputTests {

	private static NoteInputException refusal(String input) {
		return catchThrowableOfType(NoteInputException.class,
				() -> NoteInput.received(input.getBytes(StandardCharsets.UTF_8)).check(NoteDraft.ADMISSION));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					"operation":"assert",                           | "operation":7,                   | operation
					"operation":"assert",                           | ''                               | operation
					"authority":"learnings-cli",                    | "authority":null,                | authority
					"scope":{"kind":"repo","repo":"owner/repo","paths":[]}, | ''                       | scope
					"source_refs":[{                                | "source_refs":[],"x":[{          | source_refs
					"source_refs":[{"kind":"learning","ref":".learnings.jsonl#lrn-x","summary":"Canonical learning row"}] | "source_refs":{} | source_refs
					"payload":{"learning_id":"lrn-x",               | "payload":{"learning_id":1,      | payload.learning_id
					"decision_delta":"d",                           | ''                               | payload.decision_delta
					"evidence_snapshot":["e"],                      | ''                               | payload.evidence_snapshot
					"tags":["memory-admission"]                     | "tags":[{"meta":{"Api_Key":"k"}}] | payload.tags[0].meta.Api_Key
					"supersedes_id":null                            | "supersedes_id":null,"PASSWORD":"p" | PASSWORD
					""")
	void refusesWhatTheToolRefusesNamingTheField(String from, String to, String field) {
		assertThat(refusal(NoteDraftTests.VECTOR.replace(from, to)).field()).isEqualTo(field);
	}

	@Test
	void refusesAnEmptyPayloadAndNotOneObject() {
		String vector = NoteDraftTests.VECTOR;
		String emptyPayload = vector.substring(0, vector.indexOf("\"payload\":")) + "\"payload\":{}}";
		assertThat(refusal(emptyPayload).field()).isEqualTo("payload");
		assertThat(refusal("[]").getMessage()).isEqualTo("The memory-note input must be one JSON object");
		assertThat(refusal(vector + "{}").getMessage()).startsWith("The memory-note input is not one JSON object");
		assertThat(refusal(vector.replace("{\"operation\"", "{\"summary\":\"x\",\"operation\"")).getMessage())
			.contains("Duplicate Object property \"summary\"");
		assertThat(refusal("\uFEFF" + vector).getMessage()).contains("not UTF-8");
	}

	@Test
	void namesTheFieldInTheMessage() {
		assertThat(refusal(NoteDraftTests.VECTOR.replace("\"source_refs\":[{", "\"source_refs\":[],\"x\":[{"))
			.getMessage()).isEqualTo("Field 'source_refs' must be a non-empty list");
	}

	@Test
	void acceptsAnyScopeAndKeysThatAreSecretsOnlyOutsideAscii() {
		String vector = NoteDraftTests.VECTOR;
		assertThatNoException().isThrownBy(
				() -> NoteInput
					.received(vector.replace("{\"kind\":\"repo\",\"repo\":\"owner/repo\",\"paths\":[]}", "[\"src\"]")
						.replace("\"tags\":", "\"\u017Fecret\":1,\"tags\":")
						.getBytes(StandardCharsets.UTF_8))
					.check(NoteDraft.ADMISSION));
	}

	@Test
	void refusesInputsOverOneMebibyte() {
		String big = NoteDraftTests.VECTOR.replace("\"d\"", "\"" + "d".repeat(NoteInput.MAX_BYTES) + "\"");
		assertThat(refusal(big).getMessage()).contains("over the memory-note tool's limit of 1048576");
	}

}

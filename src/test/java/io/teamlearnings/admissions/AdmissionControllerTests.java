package io.teamlearnings.admissions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.teamlearnings.admissions.notes.NoteLockBusyException;

import io.teamlearnings.security.SecurityConfiguration;
import io.teamlearnings.security.TokenRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The admissions' web layer: an admission answers JSON or, for {@code Accept:
 * text/plain}, the proof lines alone (the rule of {@code ProofLines}); missing fields are
 * named before the gate runs; a note is JSON or its Markdown file.
 */
@WebMvcTest(AdmissionController.class)
@Import(SecurityConfiguration.class)
class AdmissionControllerTests {

	private static final String ADMISSIONS = "/api/repos/default/admissions";

	private static final String REQUEST = """
			{"learning_id": "lrn-20260528T170724Z-c468d2a9", "scope": "src/parser",
			 "decision_delta": "Run the fuzz target first.", "reasons": "user_requested"}""";

	/** The reference's memory-note input (seed-tools.md, section 2). */
	private static final String SKILL_INPUT = "{\"operation\":\"assert\",\"authority\":\"learnings-cli\",\"summary\":"
			+ "\"Admit lrn-x.\",\"scope\":{\"kind\":\"repo\",\"repo\":\"owner/repo\",\"paths\":[]},\"source_refs\":"
			+ "[{\"kind\":\"learning\",\"ref\":\".learnings.jsonl#lrn-x\",\"summary\":\"Canonical learning row\"}],"
			+ "\"related_ids\":[],\"supersedes_id\":null,\"payload\":{\"learning_id\":\"lrn-x\",\"learning_status\":"
			+ "\"codify_now\",\"repo\":\"owner/repo\",\"source_path\":\".learnings.jsonl\",\"decision_delta\":\"d\","
			+ "\"evidence_snapshot\":[\"e\"],\"future_behavior\":\"f\",\"verification\":\"v\"}}";

	private static final String NOTE_ID = "MSN-20260528T170724Z-0123456789abcdef";

	private static final String ROW_PROOF = "appended: id=lrn-20260528T170724Z-c468d2a9 status=do_more path=/r/.learnings.jsonl";

	private static final String NOTE_PROOF = "memory-note: id=" + NOTE_ID
			+ " extension=learnings kind=learning-admission status=created";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Admissions admissions;

	@MockitoBean
	TokenRegistry tokens;

	@Test
	void answersACreatedNoteAsJsonWithProofVerdictAndEnvelope() {
		given(this.admissions.admit(eq("default"), any(), any(), eq(false)))
			.willReturn(result(AdmissionResult.CREATED));

		MvcTestResult result = this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.content(REQUEST)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.outcome").isEqualTo("created");
		assertThat(result).bodyJson().extractingPath("$.note_id").isEqualTo(NOTE_ID);
		assertThat(result).bodyJson().extractingPath("$.proof").asArray().containsExactly(ROW_PROOF, NOTE_PROOF);
		assertThat(result).bodyJson().extractingPath("$.gate.admitted").isEqualTo(true);
		assertThat(result).bodyJson().extractingPath("$.note.kind").isEqualTo("learning-admission");
		ArgumentCaptor<AdmissionBody> body = ArgumentCaptor.forClass(AdmissionBody.class);
		verify(this.admissions).admit(eq("default"), body.capture(), eq(List.of()), eq(false));
		assertThat(body.getValue().request().scope().paths()).containsExactly("src/parser");
		assertThat(body.getValue().request().reasons()).containsExactly(AdmissionRequest.Reason.USER_REQUESTED);
	}

	@Test
	void answersWithTheProofLinesAloneForPlainText() {
		given(this.admissions.admit(eq("default"), any(), any(), eq(false)))
			.willReturn(result(AdmissionResult.CREATED));

		assertThat(this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_PLAIN)
			.content(REQUEST)).hasStatus(HttpStatus.CREATED)
			.hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.hasBodyTextEqualTo(ROW_PROOF + "\n" + NOTE_PROOF + "\n");
	}

	@Test
	void answersJsonWhenJsonIsPreferredOverPlainText() {
		given(this.admissions.admit(eq("default"), any(), any(), eq(false)))
			.willReturn(result(AdmissionResult.CREATED));

		assertThat(this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept", "text/plain;q=0.5, application/json")
			.content(REQUEST)).hasStatus(HttpStatus.CREATED)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.outcome")
			.isEqualTo("created");
	}

	@Test
	void passesADryRunOnAndAnswersOkBecauseNothingWasWritten() {
		given(this.admissions.admit(eq("default"), any(), any(), eq(true))).willReturn(result("dry-run"));

		assertThat(this.mvc.post()
			.uri(ADMISSIONS + "?dry_run=true")
			.contentType(MediaType.APPLICATION_JSON)
			.content(REQUEST)).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.outcome").isEqualTo("dry-run");
		verify(this.admissions).admit(eq("default"), any(), any(), eq(true));
	}

	@Test
	void namesTheMissingLearningIdAndRunsNoGate() {
		assertThat(this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"scope\": [\"src\"]}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("learning_id");
		verifyNoInteractions(this.admissions);
	}

	@Test
	void answersAMissingFieldWithAProblemEvenToAPlainTextCaller() {
		assertThat(this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_PLAIN)
			.content("{\"learning_id\": \" \"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("learning_id");
		verifyNoInteractions(this.admissions);
	}

	@Test
	void namesAnUnknownReason() {
		assertThat(this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.content(REQUEST.replace("user_requested", "because"))).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.startsWith("Field 'reasons");
		verifyNoInteractions(this.admissions);
	}

	@Test
	void passesTheSkillsInputOnByteForByteWithTheClaimedReasons() {
		given(this.admissions.admit(eq("default"), any(), any(), eq(false)))
			.willReturn(result(AdmissionResult.CREATED));
		String input = SKILL_INPUT.replace(",", ", ") + "\n";

		assertThat(this.mvc.post()
			.uri(ADMISSIONS + "?reasons=user_requested,high_impact")
			.contentType(MediaType.APPLICATION_JSON)
			.content(input)).hasStatus(HttpStatus.CREATED);

		ArgumentCaptor<AdmissionBody> body = ArgumentCaptor.forClass(AdmissionBody.class);
		verify(this.admissions).admit(eq("default"), body.capture(),
				eq(List.of(AdmissionRequest.Reason.USER_REQUESTED, AdmissionRequest.Reason.HIGH_IMPACT)), eq(false));
		assertThat(body.getValue()).isInstanceOf(AdmissionBody.ToolInput.class);
		assertThat(((AdmissionBody.ToolInput) body.getValue()).input().bytes())
			.isEqualTo(input.getBytes(StandardCharsets.UTF_8));
		AdmissionRequest judged = body.getValue().request();
		assertThat(judged.learningId()).isEqualTo("lrn-x");
		assertThat(judged.scope().kind()).isEqualTo("repo");
		assertThat(judged.scope().stated()).isTrue();
		assertThat(judged.decisionDelta()).isEqualTo("d");
		assertThat(judged.futureBehavior()).isEqualTo("f");
	}

	@Test
	void refusesASkillInputTheToolWouldRefuseBeforeTheGateRuns() {
		assertThat(this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_PLAIN)
			.content(SKILL_INPUT.replace("\"learning_id\":\"lrn-x\",", ""))).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("payload.learning_id");
		verifyNoInteractions(this.admissions);
	}

	@Test
	void namesAFieldHoldingAnUnpairedSurrogate() {
		assertThat(this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.content(REQUEST.replace("Run the fuzz target first.", "Run \\ud800 first.")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("decision_delta");
		assertThat(this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.content(REQUEST.replace("Run the fuzz target first.", "Run \\u001b[31m first.")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("decision_delta");
		this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.content(REQUEST.replace("Run the fuzz target first.", "Run \\ud83d\\ude00 first,\\tthen\\nverify."))
			.exchange();
		verify(this.admissions).admit(any(), any(), any(), anyBoolean());
	}

	@Test
	void namesAScopeOfTheWrongShape() {
		assertThat(this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.content(REQUEST.replace("\"scope\": \"src/parser\"", "\"scope\": {\"kind\": \"repo\", \"dirs\": []}")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.startsWith("Field 'scope' has the wrong type or shape: scope has an unknown field 'dirs'");
		verifyNoInteractions(this.admissions);
	}

	@Test
	void namesAnUnknownClaimedReasonInTheQuery() {
		assertThat(this.mvc.post()
			.uri(ADMISSIONS + "?reasons=because")
			.contentType(MediaType.APPLICATION_JSON)
			.content(REQUEST)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("reasons");
		verifyNoInteractions(this.admissions);
	}

	@Test
	void answersAHeldLockWithAServiceUnavailableProblemNamingIt() {
		Path lock = Path.of("/home/me/.codex/.memory-note/locks/learnings.lock");
		given(this.admissions.admit(any(), any(), any(), anyBoolean()))
			.willThrow(NoteLockBusyException.of(lock, Duration.ofSeconds(5)));

		MvcTestResult result = this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_PLAIN)
			.content(REQUEST)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.lock").isEqualTo(lock.toString());
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("held for longer than 5000 ms", "remove " + lock);
	}

	@Test
	void listsNotesFilteredByKindAndLearning() {
		given(this.admissions.list("default", "learning-admission", "lrn-1")).willReturn(List.of(note(null)));

		MvcTestResult result = this.mvc.get().uri(ADMISSIONS + "?kind=learning-admission&learning_id=lrn-1").exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$[0].id").isEqualTo(NOTE_ID);
		assertThat(result).bodyJson().extractingPath("$[0].learning_id").isEqualTo("lrn-1");
		assertThat(result).bodyJson().extractingPath("$[0].captured_at").isEqualTo("2026-05-28T17:07:24Z");
	}

	@Test
	void answersANoteAsJsonWithItsEnvelope() {
		given(this.admissions.get("default", NOTE_ID)).willReturn(note(Map.of("kind", "learning-admission")));

		MvcTestResult result = this.mvc.get().uri(ADMISSIONS + "/" + NOTE_ID).exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.envelope.kind").isEqualTo("learning-admission");
		verify(this.admissions, never()).markdown(any(), any());
	}

	@Test
	void answersANoteAsItsMarkdownFileForTextMarkdown() {
		given(this.admissions.markdown("default", NOTE_ID)).willReturn("# Learning admission\n");

		assertThat(this.mvc.get().uri(ADMISSIONS + "/" + NOTE_ID).header("Accept", "text/markdown"))
			.hasStatus(HttpStatus.OK)
			.hasContentType("text/markdown;charset=UTF-8")
			.hasBodyTextEqualTo("# Learning admission\n");
		verify(this.admissions, never()).get(any(), any());
	}

	@Test
	void answersJsonToACallerThatRefusesMarkdown() {
		given(this.admissions.get("default", NOTE_ID)).willReturn(note(Map.of("kind", "learning-admission")));

		assertThat(this.mvc.get().uri(ADMISSIONS + "/" + NOTE_ID).header("Accept", "text/markdown;q=0, */*"))
			.hasStatus(HttpStatus.OK)
			.hasContentType(MediaType.APPLICATION_JSON);
		verify(this.admissions, never()).markdown(any(), any());
	}

	@Test
	void answersAnIdThatIsNotANoteIdWithABadRequestProblem() {
		given(this.admissions.get("default", "not-a-note")).willThrow(InvalidNoteIdException.of("not-a-note"));

		assertThat(this.mvc.get().uri(ADMISSIONS + "/not-a-note")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Invalid note id");
	}

	@Test
	void answersAnUnknownNoteWithANotFoundProblemEvenForMarkdown() {
		given(this.admissions.markdown("default", NOTE_ID)).willThrow(NoteNotFoundException.of("default", NOTE_ID));

		assertThat(this.mvc.get().uri(ADMISSIONS + "/" + NOTE_ID).header("Accept", "text/markdown"))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unknown memory note");
	}

	@Test
	void hidesInternalFailuresBehindAPlainProblem() {
		given(this.admissions.admit(any(), any(), any(), anyBoolean()))
			.willThrow(new IllegalStateException("secret /etc/memories"));

		assertThat(this.mvc.post()
			.uri(ADMISSIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_PLAIN)
			.content(REQUEST)).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Internal error\"")
				.doesNotContain("secret", "IllegalState", "at io."));
	}

	private static AdmissionResult result(String outcome) {
		return new AdmissionResult(outcome, List.of(ROW_PROOF, NOTE_PROOF), NOTE_ID,
				"/m/extensions/learnings/notes/" + NOTE_ID + ".md",
				new GateVerdict(true, List.of(new GateVerdict.Check("canonical_row", true, "found"))),
				Map.of("kind", "learning-admission"));
	}

	private static MemoryNote note(Map<String, Object> envelope) {
		return new MemoryNote(NOTE_ID, "learning-admission", "default", "lrn-1", null, "0123456789abcdef",
				"2026-05-28T17:07:24Z", "Admitted lrn-1", "/m/extensions/learnings/notes/" + NOTE_ID + ".md",
				"json-line", envelope);
	}

}

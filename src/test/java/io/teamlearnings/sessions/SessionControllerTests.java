package io.teamlearnings.sessions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.teamlearnings.security.SecurityConfiguration;
import io.teamlearnings.sessions.rollout.Rollout;
import io.teamlearnings.security.TokenRegistry;
import org.junit.jupiter.api.Test;

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
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The sessions' web layer: listing, one session, uploads (201 new, 200 seen before, 400
 * not a rollout), the extract as text unless JSON is asked for, and cleanup.
 */
@WebMvcTest(SessionController.class)
@Import(SecurityConfiguration.class)
class SessionControllerTests {

	private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private static final String ID = "0199a213-81c0-7800-8aa1-bbab2a035a53";

	private static final String ROLLOUT = "{\"type\":\"session_meta\",\"payload\":{\"id\":\"" + ID + "\"}}\n";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	SessionCatalog catalog;

	@MockitoBean
	ConversationExtractor extractor;

	@MockitoBean
	SessionCleanup cleanup;

	@MockitoBean
	TokenRegistry tokens;

	@Test
	void listsSessionsWithTheirCounts() {
		given(this.catalog.list(new Lookback(60, Lookback.By.START))).willReturn(List.of(summary()));

		MvcTestResult result = this.mvc.get().uri("/api/sessions?lookback_minutes=60").exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$[0].id").isEqualTo(ID);
		assertThat(result).bodyJson().extractingPath("$[0].started_at").isEqualTo("2026-11-23T08:14:09Z");
		assertThat(result).bodyJson().extractingPath("$[0].last_activity_at").isEqualTo("2026-11-23T08:20:00Z");
		assertThat(result).bodyJson()
			.extractingPath("$[0].forked_from_id")
			.isEqualTo("0199a100-0000-7000-8000-000000000001");
		assertThat(result).bodyJson().extractingPath("$[0].user_messages").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$[0].failed_tool_calls").isEqualTo(1);
	}

	@Test
	void rejectsALookbackBelowOneMinute() {
		assertThat(this.mvc.get().uri("/api/sessions?lookback_minutes=0")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("lookback_minutes");
		verifyNoInteractions(this.catalog);
	}

	@Test
	void answersOneSessionAsStructuredJson() {
		given(this.catalog.get(ID)).willReturn(new SessionDetail(summary(),
				List.of(new Rollout.Message(3, "user", "fix the build", null, false)),
				List.of(new Rollout.ToolCall(5, "call_1", "shell", "mvn verify", 10, "BUILD FAILURE", 13, 1, true, null,
						false)),
				List.of(new Rollout.Compaction(7, "Summary of the work so far", 12, null)),
				List.of(new Rollout.Problem(9, "invalid JSON"))));

		MvcTestResult result = this.mvc.get().uri("/api/sessions/" + ID).exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.session.id").isEqualTo(ID);
		assertThat(result).bodyJson().extractingPath("$.messages[0].text").isEqualTo("fix the build");
		assertThat(result).bodyJson().extractingPath("$.tool_calls[0].exit_code").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.unreadable_lines[0].line").isEqualTo(9);
		assertThat(result).bodyJson().extractingPath("$.compacted[0].replacement_items").isEqualTo(12);
	}

	@Test
	void answersAnUnknownSessionWithANotFoundProblem() {
		given(this.catalog.get("nope")).willThrow(SessionNotFoundException.of("nope"));

		assertThat(this.mvc.get().uri("/api/sessions/nope")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unknown session");
	}

	@Test
	void answersANewUploadWithCreatedAndARepeatedOneWithOk() {
		byte[] body = ROLLOUT.getBytes(StandardCharsets.UTF_8);
		given(this.catalog.upload(any())).willReturn(new SessionCatalog.Upload(summary(), true),
				new SessionCatalog.Upload(summary(), false));

		assertThat(this.mvc.post().uri("/api/sessions").contentType(NDJSON).content(body)).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.id")
			.isEqualTo(ID);
		assertThat(this.mvc.post().uri("/api/sessions").contentType(NDJSON).content(body)).hasStatus(HttpStatus.OK);
	}

	@Test
	void answersAnUploadThatIsNotARolloutWithABadRequestProblem() {
		given(this.catalog.upload(any())).willThrow(InvalidUploadException.because("no session_meta record"));

		assertThat(this.mvc.post().uri("/api/sessions").contentType(MediaType.TEXT_PLAIN).content("hello"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Invalid session upload\"",
					"no session_meta record"));
	}

	@Test
	void refusesAnUploadSentAsJson() {
		assertThat(this.mvc.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.catalog);
	}

	@Test
	void extractsAsTextByDefault() throws IOException {
		ConversationExtractor.Request expected = new ConversationExtractor.Request(new Lookback(30, Lookback.By.START),
				2, 1600, true, false);
		given(this.extractor.plan(expected)).willReturn(new ConversationExtractor.Plan(expected, List.of(), List.of(),
				0, Instant.parse("2026-11-23T08:00:00Z")));
		willAnswer((invocation) -> {
			OutputStream out = invocation.getArgument(1);
			out.write("NO_RECENT_CONVERSATIONS\n".getBytes(StandardCharsets.UTF_8));
			return null;
		}).given(this.extractor).writeText(any(), any());

		assertThat(this.mvc.get().uri("/api/sessions/extract?lookback_minutes=30&limit=2&cleanup=true"))
			.hasStatus(HttpStatus.OK)
			.hasContentType("text/plain;charset=UTF-8")
			.hasHeader("Sessions-Unreadable", "0")
			.hasHeader("Sessions-Skipped-Lines", "0")
			.doesNotContainHeader("Sessions-Unreadable-Files")
			.hasBodyTextEqualTo("NO_RECENT_CONVERSATIONS\n");
		verify(this.extractor).writeText(any(), any());
		verify(this.extractor, never()).writeJson(any(), any());
	}

	@Test
	void reportsUnreadableFilesInHeadersAnyPathCanTravelIn() {
		ConversationExtractor.Request expected = new ConversationExtractor.Request(
				new Lookback(1440, Lookback.By.ACTIVITY), null, 1600, false, true);
		given(this.extractor.plan(expected)).willReturn(new ConversationExtractor.Plan(expected, List.of(), List
			.of(new SessionCatalog.Unreadable("/s/r\u00e9sum\u00e9 \"1\".jsonl.zst", "could not be read: 100%")), 3,
				Instant.parse("2026-11-23T08:00:00Z")));

		assertThat(this.mvc.get().uri("/api/sessions/extract?lookback_by=activity&include_compressed=true"))
			.hasStatus(HttpStatus.OK)
			.hasHeader("Sessions-Unreadable", "1")
			.hasHeader("Sessions-Skipped-Lines", "3")
			.hasHeader("Sessions-Unreadable-Files",
					"\"/s/r%C3%A9sum%C3%A9 %221%22.jsonl.zst\";reason=\"could not be read: 100%25\"");
	}

	@Test
	void rejectsAnUnknownLookbackByOnTheExtract() {
		assertThat(this.mvc.get().uri("/api/sessions/extract?lookback_by=START_TIME")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("lookback_by");
		verifyNoInteractions(this.extractor);
	}

	@Test
	void extractsAsJsonWhenOnlyJsonIsAccepted() throws IOException {
		givenAnEmptyPlan();
		willAnswer((invocation) -> {
			OutputStream out = invocation.getArgument(1);
			out.write("{\"sessions\":[]}".getBytes(StandardCharsets.UTF_8));
			return null;
		}).given(this.extractor).writeJson(any(), any());

		assertThat(this.mvc.get().uri("/api/sessions/extract").accept(MediaType.APPLICATION_JSON))
			.hasStatus(HttpStatus.OK)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.sessions")
			.asArray()
			.isEmpty();
		verify(this.extractor, never()).writeText(any(), any());
	}

	@Test
	void extractsAsJsonWhenJsonIsPreferredOverText() throws IOException {
		givenAnEmptyPlan();
		assertThat(this.mvc.get().uri("/api/sessions/extract").header("Accept", "application/json, text/plain;q=0.1"))
			.hasStatus(HttpStatus.OK)
			.hasContentType(MediaType.APPLICATION_JSON);
		verify(this.extractor).writeJson(any(), any());
		verify(this.extractor, never()).writeText(any(), any());
	}

	@Test
	void cleansUpOrListsWhatWouldGo() {
		given(this.cleanup.clean(eq(true), any())).willReturn(new SessionCleanup.Report(true, 30,
				List.of("/s/2026/01/01/rollout-a.jsonl"), List.of(), List.of("/a/rollout-c.jsonl.zst"),
				List.of("/s/2026/11/01/rollout-d.jsonl"),
				List.of(new SessionCleanup.Kept("/s/2026/11/23/rollout-b.jsonl", "modified after the request began"))));

		MvcTestResult result = this.mvc.post().uri("/api/sessions/cleanup?dry_run=true").exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.dry_run").isEqualTo(true);
		assertThat(result).bodyJson().extractingPath("$.retention_days").isEqualTo(30);
		assertThat(result).bodyJson()
			.extractingPath("$.removed_old_sessions")
			.asArray()
			.containsExactly("/s/2026/01/01/rollout-a.jsonl");
		assertThat(result).bodyJson().extractingPath("$.kept[0].reason").isEqualTo("modified after the request began");
		assertThat(result).bodyJson()
			.extractingPath("$.removed_archived_compressed")
			.asArray()
			.containsExactly("/a/rollout-c.jsonl.zst");
		assertThat(result).bodyJson()
			.extractingPath("$.kept_recently_active")
			.asArray()
			.containsExactly("/s/2026/11/01/rollout-d.jsonl");
		verify(this.cleanup, never()).clean(eq(false), any());
	}

	@Test
	void hidesInternalFailuresBehindAPlainProblem() {
		given(this.cleanup.clean(anyBoolean(), any())).willThrow(new IllegalStateException("secret /home/me/.codex"));

		assertThat(this.mvc.post().uri("/api/sessions/cleanup")).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Internal error\"")
				.doesNotContain("secret", "IllegalState", "at io."));
	}

	private void givenAnEmptyPlan() {
		given(this.extractor.plan(any()))
			.willAnswer((invocation) -> new ConversationExtractor.Plan(invocation.getArgument(0), List.of(), List.of(),
					0, Instant.parse("2026-11-23T08:00:00Z")));
	}

	private static SessionSummary summary() {
		return new SessionSummary(ID, "sessions", "/home/me/.codex/sessions/2026/11/23/rollout-" + ID + ".jsonl", false,
				4096, "current", Instant.parse("2026-11-23T08:14:09Z"), Instant.parse("2026-11-23T08:20:00Z"),
				"0199a100-0000-7000-8000-000000000001", "/work/app", 2, 3, 4, 1, 0, 0, 0, false, null);
	}

}

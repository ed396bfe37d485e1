package io.teamlearnings.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.teamlearnings.learnings.LearningLookup;
import io.teamlearnings.security.SecurityConfiguration;
import io.teamlearnings.security.TokenRegistry;
import io.teamlearnings.sessions.runs.RunMemory;
import io.teamlearnings.sessions.runs.RunReport;
import io.teamlearnings.skills.SkillIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The automation runs' web layer: lesson signals with their window and limit checked
 * first, the run memory read and replaced as Markdown, and run reports recorded (summary
 * required) and listed.
 */
@WebMvcTest(RunController.class)
@Import(SecurityConfiguration.class)
class RunControllerTests {

	private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	LessonSignals signals;

	@MockitoBean
	RunMemory memory;

	@MockitoBean
	TokenRegistry tokens;

	@TestConfiguration(proxyBeanMethods = false)
	static class Roots {

		@Bean
		SkillIds skillIds() {
			return new SkillIds(Set.of("codex", "app"));
		}

	}

	@Test
	void answersSignalsWithTheirEvidenceAndRelatedLearnings() {
		given(this.signals.signals(new Lookback(1440, Lookback.By.ACTIVITY), 50))
			.willReturn(new SignalsResult(1440, "activity", 2, Map.of("correction", 1),
					List.of(new LessonSignal("correction", 3.5, "0199a213", "/s/rollout.jsonl", 12,
							List.of("[ASSISTANT] Done.", "[USER] no, that is wrong"), "user says no after a completion",
							List.of(new LearningLookup.Recalled("default", "lrn-1", 2.5, "Run the tests first.")))),
					List.of()));

		MvcTestResult result = this.mvc.get().uri("/api/sessions/signals").exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.lookback_minutes").isEqualTo(1440);
		assertThat(result).bodyJson().extractingPath("$.lookback_by").isEqualTo("activity");
		assertThat(result).bodyJson().extractingPath("$.by_kind.correction").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.signals[0].session_id").isEqualTo("0199a213");
		assertThat(result).bodyJson().extractingPath("$.signals[0].related_learnings[0].id").isEqualTo("lrn-1");
	}

	@Test
	void selectsSignalsBySessionStartWhenAsked() {
		given(this.signals.signals(new Lookback(60, Lookback.By.START), 50))
			.willReturn(new SignalsResult(60, "start", 0, Map.of(), List.of(), List.of()));

		assertThat(this.mvc.get().uri("/api/sessions/signals?lookback_minutes=60&lookback_by=start"))
			.hasStatus(HttpStatus.OK)
			.bodyJson()
			.extractingPath("$.lookback_by")
			.isEqualTo("start");
	}

	@Test
	void rejectsAnUnknownLookbackByNamingTheParameter() {
		assertThat(this.mvc.get().uri("/api/sessions/signals?lookback_by=yesterday")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("lookback_by");
		verifyNoInteractions(this.signals);
	}

	@Test
	void rejectsASignalLimitOverTheMaximum() {
		assertThat(this.mvc.get().uri("/api/sessions/signals?limit=501")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("limit");
		verifyNoInteractions(this.signals);
	}

	@Test
	void rejectsASignalLookbackBelowOneMinute() {
		assertThat(this.mvc.get().uri("/api/sessions/signals?lookback_minutes=0")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("lookback_minutes");
		verifyNoInteractions(this.signals);
	}

	@Test
	void readsTheRunMemoryAsMarkdown() {
		given(this.memory.read()).willReturn("# Run memory\n\n- placed 2 lessons\n");

		assertThat(this.mvc.get().uri("/api/runs/memory")).hasStatus(HttpStatus.OK)
			.hasContentType("text/markdown;charset=UTF-8")
			.hasBodyTextEqualTo("# Run memory\n\n- placed 2 lessons\n");
	}

	@Test
	void replacesTheRunMemoryWhole() {
		assertThat(this.mvc.put().uri("/api/runs/memory").contentType(MARKDOWN).content("# Run memory\n"))
			.hasStatus(HttpStatus.NO_CONTENT);

		verify(this.memory).replace("# Run memory\n");
	}

	@Test
	void refusesARunMemorySentAsJson() {
		assertThat(this.mvc.put()
			.uri("/api/runs/memory")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"memory\": \"x\"}")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.memory);
	}

	@Test
	void recordsARunAndAnswersItWithItsTime() {
		given(this.memory.record(any())).willAnswer(
				(invocation) -> invocation.<RunReport>getArgument(0).recorded(Instant.parse("2026-11-30T01:00:00Z")));

		MvcTestResult result = this.mvc.post()
			.uri("/api/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"summary\": \"Analysed 3 sessions.\", \"learnings_created\": [\"lrn-1\"]}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.recorded_at").isEqualTo("2026-11-30T01:00:00Z");
		assertThat(result).bodyJson().extractingPath("$.learnings_created").asArray().containsExactly("lrn-1");
		ArgumentCaptor<RunReport> report = ArgumentCaptor.forClass(RunReport.class);
		verify(this.memory).record(report.capture());
		assertThat(report.getValue().summary()).isEqualTo("Analysed 3 sessions.");
	}

	@Test
	void recordsTheSkillsARunCreatedOrUpdatedWithTheirPlacement() {
		given(this.memory.record(any())).willAnswer(
				(invocation) -> invocation.<RunReport>getArgument(0).recorded(Instant.parse("2026-11-30T01:00:00Z")));

		MvcTestResult result = this.mvc.post()
			.uri("/api/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"summary\": \"One lesson on commit scope.\", \"skills\": [{\"action\": \"updated\", "
					+ "\"skill\": \"codex/commit-changes\", \"placement\": \"shared\", \"why\": \"All three "
					+ "conditions hold.\"}, {\"action\": \"created\", \"skill\": \"app/deploy\", "
					+ "\"placement\": \"project\", \"repository\": \"app\"}]}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result).bodyJson().extractingPath("$.skills[0].skill").isEqualTo("codex/commit-changes");
		assertThat(result).bodyJson().extractingPath("$.skills[1].placement").isEqualTo("project");
		assertThat(result).bodyJson().extractingPath("$.skills[1].repository").isEqualTo("app");
	}

	@Test
	void refusesASkillChangeOfAnUnknownKind() {
		assertThat(this.mvc.post()
			.uri("/api/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"summary\": \"s\", \"skills\": [{\"action\": \"deleted\", \"skill\": \"a/b\", "
					+ "\"placement\": \"global\"}]}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("skills[0].action", "skills[0].placement");
		verifyNoInteractions(this.memory);
	}

	@Test
	void refusesANullSkillChange() {
		assertThat(this.mvc.post()
			.uri("/api/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"summary\": \"s\", \"skills\": [null]}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("skills[0]");
		verifyNoInteractions(this.memory);
	}

	@ParameterizedTest
	@ValueSource(strings = { "commit-changes", "nowhere/commit-changes", "codex/a/b", "codex/..", "codex/.", "codex/",
			"/etc/passwd", "codex/a\\u0000b", "codex\\\\a" })
	void refusesASkillThatIsNotRootAndName(String skill) {
		MvcTestResult result = this.mvc.post()
			.uri("/api/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"summary\": \"s\", \"skills\": [{\"action\": \"created\", \"skill\": \"" + skill
					+ "\", \"placement\": \"shared\"}]}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("skills[0].skill");
		verifyNoInteractions(this.memory);
	}

	@Test
	void namesTheMissingSummaryAndRecordsNothing() {
		assertThat(this.mvc.post()
			.uri("/api/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lessons\": [\"one\"]}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactly("summary");
		verifyNoInteractions(this.memory);
	}

	@Test
	void listsRecentRunsAskingForTenByDefault() {
		given(this.memory.recent(10)).willReturn(List.of(new RunReport("Analysed 3 sessions.", List.of("0199a213"),
				List.of(), List.of(), List.of(), List.of(), Instant.parse("2026-11-30T01:00:00Z"))));

		MvcTestResult result = this.mvc.get().uri("/api/runs").exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$[0].sessions_analysed[0]").isEqualTo("0199a213");
	}

	@Test
	void rejectsARunsLimitOverTheMaximum() {
		assertThat(this.mvc.get().uri("/api/runs?limit=101")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("limit");
		verifyNoInteractions(this.memory);
	}

	@Test
	void hidesInternalFailuresBehindAPlainProblem() {
		given(this.memory.read()).willThrow(new IllegalStateException("secret /home/me/.learnings-service"));

		assertThat(this.mvc.get().uri("/api/runs/memory")).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Internal error\"")
				.doesNotContain("secret", "IllegalState", "at io."));
	}

}

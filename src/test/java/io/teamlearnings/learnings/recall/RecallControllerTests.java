package io.teamlearnings.learnings.recall;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.teamlearnings.learnings.index.LearningView;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.repos.UnknownRepositoryException;
import io.teamlearnings.security.Caller;
import io.teamlearnings.security.Role;
import io.teamlearnings.security.SecurityConfiguration;
import io.teamlearnings.security.TokenRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Recall's web layer, per repository and team-wide: the query, the limit (against the
 * configured maximum) and the times are checked before anything is ranked, the ranking's
 * time is told in {@code Server-Timing}, and a token caller only recalls what it may
 * read.
 */
@WebMvcTest(RecallController.class)
@Import({ SecurityConfiguration.class, RecallRequests.class })
@EnableConfigurationProperties(RecallProperties.class)
@TestPropertySource(properties = "learnings.recall.max-limit=10")
class RecallControllerTests {

	private static final String RECALL = "/api/repos/default/learnings/recall";

	private static final String TEAM_RECALL = "/api/learnings/recall";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	LearningRecall recall;

	@MockitoBean
	Repositories repositories;

	@MockitoBean
	TokenRegistry tokens;

	@Test
	void rejectsAnEmptyQueryNamingIt() {
		assertThat(this.mvc.get().uri(RECALL).param("query", "  ")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Invalid recall\""))
			.extractingPath("$.errors[0].field")
			.isEqualTo("query");
		assertThat(this.mvc.get().uri(TEAM_RECALL)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("query");
		verifyNoInteractions(this.recall);
	}

	@Test
	void rejectsPathsThatAreBlankOnceNormalisedAsAnEmptyQuery() {
		assertThat(this.mvc.get().uri(RECALL).param("paths", " ")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("query");
		verifyNoInteractions(this.recall);
	}

	@Test
	void tellsTheRankingTimeEvenWhenTheCallerMayReadNoRepository() throws ReflectiveOperationException {
		tokenFor("elsewhere-token", new Caller("elsewhere", Map.of("retired", Role.READER), false));
		given(this.repositories.all()).willReturn(List.of(repo("app")));

		MvcTestResult result = this.mvc.get()
			.uri(TEAM_RECALL + "?query=flaky")
			.header("Authorization", "Bearer elsewhere-token")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).headers().containsHeader("Server-Timing");
		assertThat(result).bodyJson().extractingPath("$.hits").asArray().isEmpty();
		verifyNoInteractions(this.recall);
	}

	@Test
	void rejectsALimitOverTheMaximum() {
		assertThat(this.mvc.get().uri(RECALL + "?query=flaky&limit=11")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("maximum of 10"))
			.extractingPath("$.errors[0].field")
			.isEqualTo("limit");
		assertThat(this.mvc.get().uri(TEAM_RECALL + "?query=flaky&limit=11")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("limit");
		verifyNoInteractions(this.recall);
	}

	@Test
	void rejectsALimitBelowOne() {
		assertThat(this.mvc.get().uri(RECALL + "?query=flaky&limit=0")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("limit");
		verifyNoInteractions(this.recall);
	}

	@Test
	void rejectsAnAsOfThatIsNotAnInstant() {
		assertThat(this.mvc.get().uri(RECALL + "?query=flaky&as_of=last-tuesday")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("'as_of'", "ISO-8601"))
			.extractingPath("$.errors[0].field")
			.isEqualTo("as_of");
		verifyNoInteractions(this.recall);
	}

	@Test
	void answersHitsAndTellsTheRankingTimeInServerTiming() {
		given(this.recall.recall(eq("default"), any(), any())).willReturn(result());

		MvcTestResult result = this.mvc.get().uri(RECALL).param("query", "flaky tests").exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).headers()
			.hasHeaderSatisfying("Server-Timing",
					(values) -> assertThat(values).singleElement().asString().matches("recall;dur=\\d+\\.\\d{3}"));
		assertThat(result).bodyJson().extractingPath("$.total_matches").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.hits[0].id").isEqualTo("lrn-1");
		assertThat(result).bodyJson().extractingPath("$.hits[0].why.status_boost").isEqualTo(0.15);
		assertThat(result).bodyJson().extractingPath("$.excluded.below_min_score").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.excluded.superseded_rows[0].superseded_by").isEqualTo("lrn-1");
	}

	@Test
	void buildsTheQueryFromTheParametersWithTheDefaultLimit() {
		given(this.recall.recall(eq("default"), any(), any())).willReturn(result());

		assertThat(this.mvc.get()
			.uri(RECALL + "?query=flaky&drop_superseded=false&status=Do-More&tag=ci&as_of=2026-05-01T00:00:00Z"
					+ "&paths=./src/Main.java"))
			.hasStatus(HttpStatus.OK);

		ArgumentCaptor<RecallQuery> query = ArgumentCaptor.forClass(RecallQuery.class);
		verify(this.recall).recall(eq("default"), query.capture(), isNull());
		assertThat(query.getValue().limit()).isEqualTo(5);
		assertThat(query.getValue().dropSuperseded()).isFalse();
		assertThat(query.getValue().statuses()).containsExactly("do_more");
		assertThat(query.getValue().asOf()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
		assertThat(query.getValue().paths()).containsExactly("src/Main.java");
	}

	@Test
	void recallsByPathsAloneWithoutQueryText() {
		given(this.recall.recall(eq("default"), any(), any())).willReturn(result());

		assertThat(this.mvc.get().uri(RECALL + "?paths=src/Main.java")).hasStatus(HttpStatus.OK);
	}

	@Test
	void answersAnUnknownRepositoryWithAProblemNamingIt() {
		given(this.recall.recall(eq("nope"), any(), any())).willThrow(UnknownRepositoryException.forName("nope"));

		assertThat(this.mvc.get().uri("/api/repos/nope/learnings/recall?query=flaky")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.repo")
			.isEqualTo("nope");
	}

	@Test
	void recallsAcrossEveryRepositoryWhenNoneIsNamed() {
		given(this.repositories.all()).willReturn(List.of(repo("app"), repo("other")));
		given(this.recall.recallAcross(eq(List.of("app", "other")), any(), nullable(RecallQuery.Mode.class)))
			.willReturn(result());

		MvcTestResult result = this.mvc.get().uri(TEAM_RECALL + "?query=flaky").exchange();

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).headers().containsHeader("Server-Timing");
		assertThat(result).bodyJson().extractingPath("$.hits[0].repo").isEqualTo("app");
	}

	@Test
	void recallsAcrossOnlyTheRepositoriesATokenCallerMayRead() throws ReflectiveOperationException {
		tokenFor("reader-token", new Caller("ci", Map.of("app", Role.READER), false));
		given(this.repositories.all()).willReturn(List.of(repo("app"), repo("other")));
		given(this.recall.recallAcross(eq(List.of("app")), any(), nullable(RecallQuery.Mode.class)))
			.willReturn(result());

		assertThat(this.mvc.get().uri(TEAM_RECALL + "?query=flaky").header("Authorization", "Bearer reader-token"))
			.hasStatus(HttpStatus.OK);

		verify(this.recall).recallAcross(eq(List.of("app")), any(), nullable(RecallQuery.Mode.class));
	}

	@Test
	void refusesATokenCallerNamingARepositoryItMayNotRead() throws ReflectiveOperationException {
		tokenFor("reader-token", new Caller("ci", Map.of("app", Role.READER), false));

		assertThat(this.mvc.get()
			.uri(TEAM_RECALL + "?query=flaky&repo=app&repo=other")
			.header("Authorization", "Bearer reader-token")).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("'ci'", "'other'");
		verifyNoInteractions(this.recall);
	}

	@Test
	void refusesATokenCallerTheRecallOfARepositoryItMayNotRead() throws ReflectiveOperationException {
		tokenFor("reader-token", new Caller("ci", Map.of("app", Role.READER), false));

		assertThat(this.mvc.get()
			.uri("/api/repos/other/learnings/recall?query=flaky")
			.header("Authorization", "Bearer reader-token")).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("role reader in repository 'other'");
		verifyNoInteractions(this.recall);
	}

	@Test
	void hidesInternalFailuresBehindAPlainProblem() {
		given(this.recall.recall(eq("default"), any(), any()))
			.willThrow(new IllegalStateException("secret /etc/index"));

		assertThat(this.mvc.get().uri(RECALL + "?query=flaky")).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Internal error\"")
				.doesNotContain("secret", "IllegalState", "at io."));
	}

	/**
	 * Makes {@code token} authenticate as {@code caller}, as a configured token would.
	 * {@code TokenRegistry.authenticate} is package-private to the security module, so it
	 * is stubbed through reflection.
	 */
	private void tokenFor(String token, Caller caller) throws ReflectiveOperationException {
		given(this.tokens.anyTokens()).willReturn(true);
		Method authenticate = TokenRegistry.class.getDeclaredMethod("authenticate", String.class);
		authenticate.setAccessible(true);
		authenticate.invoke(willReturn(Optional.of(caller)).given(this.tokens), token);
	}

	private static Repo repo(String name) {
		return new Repo(name, Path.of("/repos", name));
	}

	private static RecallResult result() {
		LearningView row = new LearningView("app", 3, Map.of("id", "lrn-1", "status", "do_more"), List.of(), List.of());
		return new RecallResult("flaky tests", List.of("flaki", "test"), RecallQuery.Mode.LEXICAL, null, 3,
				List.of(new RecallResult.Hit("app", "lrn-1", 4.25,
						new RecallResult.Why(List.of(new RecallResult.TermMatch("flaki", List.of("learning"))), 3.1,
								0.15, 0.05, 0.0, List.of("lrn-0")),
						row)),
				new RecallResult.Exclusions(1, 0, 0, 1,
						List.of(new RecallResult.SupersededRow("app", "lrn-0", "lrn-1", "lrn-1")), List.of()));
	}

}

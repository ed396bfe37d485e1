package io.teamlearnings.learnings.insights;

import java.util.List;

import io.teamlearnings.learnings.insights.CodifyCandidates.Candidate;
import io.teamlearnings.learnings.insights.CodifyTargets.Target;
import io.teamlearnings.repos.UnknownRepositoryException;
import io.teamlearnings.security.SecurityConfiguration;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The codify candidates' web layer: {@code min_count} and {@code limit} are checked
 * before the store is read; the answer is JSON, or the learnings tool's table for
 * {@code text/plain}.
 */
@WebMvcTest(CodifyController.class)
@Import(SecurityConfiguration.class)
class CodifyControllerTests {

	private static final String CANDIDATES = "/api/repos/default/learnings/codify-candidates";

	private static final CodifyCandidates.Result RESULT = new CodifyCandidates.Result("default", "/r/.learnings.jsonl",
			5, 3, 20,
			List.of(new Candidate("build node nvmrc pin use version", 6.5, 3, "2026-11-20T09:00:00Z", "do_more",
					"When a build uses node, pin the version in nvmrc.", Target.AGENTS_MD_RULE,
					"3 rows on one theme: a standing rule for this repository; an AGENTS.md rule puts it before "
							+ "every session in it.",
					List.of(new CodifyCandidates.Row("lrn-n1", "2026-11-18T09:00:00Z", "do_more",
							"When builds use node, pin the version in nvmrc.", "Add .nvmrc.")))));

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	CodifyCandidates candidates;

	@MockitoBean
	TokenRegistry tokens;

	@Test
	void asksForTheToolsDefaultsAndAnswersJson() {
		given(this.candidates.find("default", 3, 20)).willReturn(RESULT);

		MvcTestResult result = this.mvc.get().uri(CANDIDATES).exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.min_count").isEqualTo(3);
		assertThat(result).bodyJson().extractingPath("$.store_file").isEqualTo("/r/.learnings.jsonl");
		assertThat(result).bodyJson().extractingPath("$.candidates[0].last_seen").isEqualTo("2026-11-20T09:00:00Z");
		assertThat(result).bodyJson().extractingPath("$.candidates[0].target").isEqualTo("agents_md_rule");
		assertThat(result).bodyJson()
			.extractingPath("$.candidates[0].why")
			.asString()
			.startsWith("3 rows on one theme");
		assertThat(result).bodyJson()
			.extractingPath("$.candidates[0].rows[0].captured_at")
			.isEqualTo("2026-11-18T09:00:00Z");
	}

	@Test
	void passesMinCountAndLimitOn() {
		given(this.candidates.find("default", 1, 5)).willReturn(RESULT);

		assertThat(this.mvc.get().uri(CANDIDATES + "?min_count=1&limit=5")).hasStatus(HttpStatus.OK);
	}

	@Test
	void answersTextPlainWithTheToolsTable() {
		given(this.candidates.find("default", 3, 20)).willReturn(RESULT);

		MvcTestResult result = this.mvc.get().uri(CANDIDATES).accept(MediaType.TEXT_PLAIN).exchange();

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result.getResponse().getContentType()).startsWith(MediaType.TEXT_PLAIN_VALUE);
		assertThat(result).hasBodyTextEqualTo(CodifyTable.of(RESULT));
		assertThat(CodifyTable.of(RESULT)).startsWith("score  count  last_seen             status   theme")
			.contains("\n6.5    3      2026-11-20T09:00:00Z  do_more  build node nvmrc pin use version  When a build");
	}

	@Test
	void rejectsAMinCountBelowOne() {
		assertThat(this.mvc.get().uri(CANDIDATES + "?min_count=0")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("min_count");
		verifyNoInteractions(this.candidates);
	}

	@Test
	void rejectsAMinCountThatIsNotANumber() {
		assertThat(this.mvc.get().uri(CANDIDATES + "?min_count=three")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("'min_count'", "whole number");
		verifyNoInteractions(this.candidates);
	}

	@Test
	void rejectsALimitOutOfRange() {
		assertThat(this.mvc.get().uri(CANDIDATES + "?limit=201")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("limit");
		assertThat(this.mvc.get().uri(CANDIDATES + "?limit=0")).hasStatus(HttpStatus.BAD_REQUEST);
		verifyNoInteractions(this.candidates);
	}

	@Test
	void answersAnUnknownRepositoryWithAProblemNamingIt() {
		given(this.candidates.find("nope", 3, 20)).willThrow(UnknownRepositoryException.forName("nope"));

		assertThat(this.mvc.get().uri("/api/repos/nope/learnings/codify-candidates")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.repo")
			.isEqualTo("nope");
	}

}

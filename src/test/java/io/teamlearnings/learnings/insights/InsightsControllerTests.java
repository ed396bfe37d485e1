package io.teamlearnings.learnings.insights;

import java.util.List;
import java.util.Map;

import io.teamlearnings.learnings.index.LearningNotFoundException;
import io.teamlearnings.learnings.index.LearningView;
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
 * The insights' web layer: the related rows' limit is checked (1 to 50) before the index
 * is asked, and related rows and the summary answer in their documented JSON shape.
 */
@WebMvcTest(InsightsController.class)
@Import(SecurityConfiguration.class)
class InsightsControllerTests {

	private static final String ID = "lrn-20260528T170724Z-c468d2a9";

	private static final String RELATED = "/api/repos/default/learnings/" + ID + "/related";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	LearningInsights insights;

	@MockitoBean
	TokenRegistry tokens;

	@Test
	void rejectsALimitBelowOne() {
		assertThat(this.mvc.get().uri(RELATED + "?limit=0")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("limit");
		verifyNoInteractions(this.insights);
	}

	@Test
	void rejectsALimitOverTheMaximum() {
		assertThat(this.mvc.get().uri(RELATED + "?limit=51")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("limit");
		verifyNoInteractions(this.insights);
	}

	@Test
	void rejectsALimitThatIsNotANumber() {
		assertThat(this.mvc.get().uri(RELATED + "?limit=many")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("'limit'", "whole number");
		verifyNoInteractions(this.insights);
	}

	@Test
	void answersRelatedRowsWithTheirSimilarityAskingForFiveByDefault() {
		given(this.insights.related("default", ID, 5))
			.willReturn(List.of(new LearningInsights.Related(0.4286, new LearningView("default", 7,
					Map.of("id", "lrn-20260601T090000Z-0badc0de", "status", "do_more"), List.of(), List.of()))));

		MvcTestResult result = this.mvc.get().uri(RELATED).exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$[0].similarity").isEqualTo(0.4286);
		assertThat(result).bodyJson().extractingPath("$[0].learning.line").isEqualTo(7);
		assertThat(result).bodyJson().extractingPath("$[0].learning.row.id").isEqualTo("lrn-20260601T090000Z-0badc0de");
	}

	@Test
	void answersAnUnknownLearningWithANotFoundProblem() {
		given(this.insights.related("default", ID, 5)).willThrow(LearningNotFoundException.forId("default", ID));

		assertThat(this.mvc.get().uri(RELATED)).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unknown learning");
	}

	@Test
	void answersTheSummaryWithCountsTagsWeeksAndThemes() {
		given(this.insights.summary("default")).willReturn(new LearningSummary("default", 12, 9, 2, 1,
				Map.of("do_more", 7, "avoid_for_now", 5), List.of(new LearningSummary.TagCount("ci", 4)),
				Map.of("2026-W22", 12), List.of(new Themes.Theme(List.of("lrn-a", "lrn-b", "lrn-c"), List.of("ci")))));

		MvcTestResult result = this.mvc.get().uri("/api/repos/default/learnings/summary").exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.rows").isEqualTo(12);
		assertThat(result).bodyJson().extractingPath("$.by_status.do_more").isEqualTo(7);
		assertThat(result).bodyJson().extractingPath("$.top_tags[0].tag").isEqualTo("ci");
		assertThat(result).bodyJson().extractingPath("$.per_week['2026-W22']").isEqualTo(12);
		assertThat(result).bodyJson()
			.extractingPath("$.themes[0].ids")
			.asArray()
			.containsExactly("lrn-a", "lrn-b", "lrn-c");
	}

	@Test
	void hidesInternalFailuresBehindAPlainProblem() {
		given(this.insights.summary("default")).willThrow(new IllegalStateException("secret /etc/index"));

		assertThat(this.mvc.get().uri("/api/repos/default/learnings/summary"))
			.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Internal error\"")
				.doesNotContain("secret", "IllegalState", "at io."));
	}

}

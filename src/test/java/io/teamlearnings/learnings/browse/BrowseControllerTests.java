package io.teamlearnings.learnings.browse;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Browse's web layer: parameters validated before the index is asked, errors as problem
 * details that never show internals.
 */
@WebMvcTest(BrowseController.class)
@Import(SecurityConfiguration.class)
class BrowseControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	LearningQueries queries;

	@MockitoBean
	TokenRegistry tokens;

	@Test
	void answersAnUnknownRepositoryWithAProblemNamingIt() {
		given(this.queries.recent("nope", 10)).willThrow(UnknownRepositoryException.forName("nope"));

		assertThat(this.mvc.get().uri("/api/repos/nope/learnings/recent")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.repo")
			.isEqualTo("nope");
	}

	@Test
	void rejectsOutOfRangePagingAndBadTimes() {
		assertThat(this.mvc.get().uri("/api/repos/default/learnings?size=500")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("size");
		// the row offset page x size would not fit an int
		assertThat(this.mvc.get().uri("/api/repos/default/learnings?page=10737419&size=200"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("page");
		assertThat(this.mvc.get().uri("/api/repos/default/learnings?since=yesterday")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("'since'", "ISO-8601");
		verifyNoInteractions(this.queries);
	}

	@Test
	void hidesInternalFailuresBehindAPlainProblem() {
		given(this.queries.recent("default", 10)).willThrow(new IllegalStateException("secret /etc/path"));

		assertThat(this.mvc.get().uri("/api/repos/default/learnings/recent"))
			.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).doesNotContain("secret", "IllegalState", "at io."));
	}

}

package io.teamlearnings.admissions;

import java.nio.file.Path;

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

/**
 * The memory digest's web layer: a written digest answers 201 with its path, counts and
 * Markdown, or the learnings tool's line for {@code text/plain}; a digest that exists
 * already is a 409 problem, never an overwrite.
 */
@WebMvcTest(DigestController.class)
@Import(SecurityConfiguration.class)
class DigestControllerTests {

	private static final String DIGEST = "/api/repos/default/learnings/memory-digest";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	MemoryDigests digests;

	@MockitoBean
	TokenRegistry tokens;

	private static final MemoryDigest WRITTEN = new MemoryDigest(
			"/m/extensions/learnings/resources/2026-11-23T12-00-00-learnings-digest.md", 4, 2, 1,
			"# Learnings Digest\n\ngenerated_at: 2026-11-23T12:00:00Z\n");

	@Test
	void answersAWrittenDigestWithItsPathCountsAndContent() {
		given(this.digests.write("default")).willReturn(WRITTEN);

		MvcTestResult result = this.mvc.post().uri(DIGEST).exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.path")
			.isEqualTo("/m/extensions/learnings/resources/2026-11-23T12-00-00-learnings-digest.md");
		assertThat(result).bodyJson().extractingPath("$.rows").isEqualTo(4);
		assertThat(result).bodyJson().extractingPath("$.candidates").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.sources").isEqualTo(1);
		assertThat(result).bodyJson()
			.extractingPath("$.content")
			.isEqualTo("# Learnings Digest\n\ngenerated_at: 2026-11-23T12:00:00Z\n");
	}

	@Test
	void answersTextPlainWithTheLineTheToolPrints() {
		given(this.digests.write("default")).willReturn(WRITTEN);

		MvcTestResult result = this.mvc.post().uri(DIGEST).accept(MediaType.TEXT_PLAIN).exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result.getResponse().getContentType()).startsWith(MediaType.TEXT_PLAIN_VALUE);
		assertThat(result).hasBodyTextEqualTo("memory-digest: wrote "
				+ "/m/extensions/learnings/resources/2026-11-23T12-00-00-learnings-digest.md candidates=2 sources=1\n");
	}

	@Test
	void answersADigestThatExistsAlreadyWithAConflictProblem() {
		given(this.digests.write("default"))
			.willThrow(DigestExistsException.at(Path.of("/m/2026-05-28T17-07-24-learnings-digest.md")));

		MvcTestResult result = this.mvc.post().uri(DIGEST).exchange();

		assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Digest exists");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("2026-05-28T17-07-24-learnings-digest.md", "never overwritten");
	}

	@Test
	void answersAnUnknownRepositoryWithAProblemNamingIt() {
		given(this.digests.write("nope")).willThrow(UnknownRepositoryException.forName("nope"));

		assertThat(this.mvc.post().uri("/api/repos/nope/learnings/memory-digest")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.repo")
			.isEqualTo("nope");
	}

	@Test
	void hidesInternalFailuresBehindAPlainProblem() {
		given(this.digests.write("default")).willThrow(new IllegalStateException("secret /etc/memories"));

		assertThat(this.mvc.post().uri(DIGEST)).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Internal error\"")
				.doesNotContain("secret", "IllegalState", "at io."));
	}

}

package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.time.Instant;
import java.util.List;

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
 * The repositories' web layer: the list, the health check and the reindex in their
 * documented JSON shape, and a store that cannot be read as a 503 problem that names the
 * repository but not the file system.
 */
@WebMvcTest(RepoController.class)
@Import(SecurityConfiguration.class)
class RepoControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	RepoStatus status;

	@MockitoBean
	TokenRegistry tokens;

	@Test
	void listsEveryRepositoryWithItsIndexState() {
		given(this.status.summaries()).willReturn(List.of(
				new RepoSummary("default", "/r", "/r/.learnings.jsonl", true, 12, 1, "current", null),
				new RepoSummary("dotfiles", "/d", "/d/.learnings.jsonl", false, 0, 0, "failed", "IOException: gone")));

		MvcTestResult result = this.mvc.get().uri("/api/repos").exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$[*].name").asArray().containsExactly("default", "dotfiles");
		assertThat(result).bodyJson().extractingPath("$[0].file_exists").isEqualTo(true);
		assertThat(result).bodyJson().extractingPath("$[0].malformed_lines").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$[0].index_state").isEqualTo("current");
		assertThat(result).bodyJson().doesNotHavePath("$[0].index_error");
		assertThat(result).bodyJson().extractingPath("$[1].index_error").isEqualTo("IOException: gone");
	}

	@Test
	void answersTheHealthCheckWithEveryLineThatIsNotARow() throws IOException {
		given(this.status.health("default")).willReturn(health(false));

		MvcTestResult result = this.mvc.get().uri("/api/repos/default/health").exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.healthy").isEqualTo(false);
		assertThat(result).bodyJson().extractingPath("$.in_sync").isEqualTo(true);
		assertThat(result).bodyJson().extractingPath("$.rows_in_file").isEqualTo(11);
		assertThat(result).bodyJson().extractingPath("$.malformed[0].line").isEqualTo(4);
		assertThat(result).bodyJson().extractingPath("$.torn_tail.bytes").isEqualTo(17);
		assertThat(result).bodyJson().extractingPath("$.lost_acknowledged_rows[0].id").isEqualTo("lrn-c");
		assertThat(result).bodyJson()
			.extractingPath("$.lost_acknowledged_rows[0].acknowledged_at")
			.isEqualTo("2026-11-21T10:00:00Z");
		assertThat(result).bodyJson().extractingPath("$.cross_clone_duplicates[0].id").isEqualTo("lrn-d");
	}

	@Test
	void answersTheRepairWithTheRowsItRestoredAsJsonOrProofLines() throws IOException {
		RepairReport report = new RepairReport("default", "/r/.learnings.jsonl",
				List.of(new RepoHealth.LostRow("lrn-c", Instant.parse("2026-11-21T10:00:00Z"), "{\"id\":\"lrn-c\"}")));
		given(this.status.repair("default")).willReturn(report);

		MvcTestResult json = this.mvc.post().uri("/api/repos/default/repair").exchange();
		MvcTestResult text = this.mvc.post().uri("/api/repos/default/repair").accept(MediaType.TEXT_PLAIN).exchange();

		assertThat(json).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(json).bodyJson().extractingPath("$.restored[0].line").isEqualTo("{\"id\":\"lrn-c\"}");
		assertThat(text).hasStatus(HttpStatus.OK).hasBodyTextEqualTo("restored: id=lrn-c path=/r/.learnings.jsonl\n");
	}

	@Test
	void answersARepairOfAnUnknownRepositoryWithAProblemNamingIt() throws IOException {
		given(this.status.repair("nope")).willThrow(UnknownRepositoryException.forName("nope"));

		assertThat(this.mvc.post().uri("/api/repos/nope/repair")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.repo")
			.isEqualTo("nope");
	}

	@Test
	void answersTheReindexWithTheCheckThatFollows() throws IOException {
		given(this.status.reindex("default")).willReturn(health(true));

		MvcTestResult result = this.mvc.post().uri("/api/repos/default/reindex").exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.repaired").isEqualTo(true);
		assertThat(result).bodyJson().extractingPath("$.rows_in_index").isEqualTo(11);
	}

	@Test
	void answersAStoreThatCannotBeReadWithAServiceUnavailableProblem() throws IOException {
		given(this.status.health("default")).willThrow(
				StoreUnavailableException.reading("default", new AccessDeniedException("/secret/r/.learnings.jsonl")));

		assertThat(this.mvc.get().uri("/api/repos/default/health")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Store unavailable\"", "'default'")
				.doesNotContain("/secret"));
	}

	@Test
	void answersAnUnknownRepositoryWithAProblemNamingIt() throws IOException {
		given(this.status.reindex("nope")).willThrow(UnknownRepositoryException.forName("nope"));

		assertThat(this.mvc.post().uri("/api/repos/nope/reindex")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.repo")
			.isEqualTo("nope");
	}

	@Test
	void hidesInternalFailuresBehindAPlainProblem() {
		given(this.status.summaries()).willThrow(new IllegalStateException("secret /etc/index"));

		assertThat(this.mvc.get().uri("/api/repos")).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Internal error\"")
				.doesNotContain("secret", "IllegalState", "at io."));
	}

	private static RepoHealth health(boolean repaired) {
		return new RepoHealth("default", "/r/.learnings.jsonl", false, true, 2048, 12, 11, 11, "ab12", "ab12", repaired,
				List.of(new RepoHealth.MalformedLine(4, 310, "invalid JSON at column 25")),
				new RepoHealth.TornTail(13, 2031, 17),
				List.of(new RepoHealth.BadLink(9, "lrn-b", "lrn-a", SupersessionChains.LOOP)),
				List.of(new RepoHealth.LostRow("lrn-c", Instant.parse("2026-11-21T10:00:00Z"), "{\"id\":\"lrn-c\"}")),
				null, List.of(new RepoHealth.Duplicate(12, "lrn-d", "89ccd4c6a81eeb1d")));
	}

}

package io.teamlearnings.learnings.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.teamlearnings.repos.Repositories;
import io.teamlearnings.repos.UnknownRepositoryException;
import io.teamlearnings.security.SecurityConfiguration;
import io.teamlearnings.security.TokenRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Export and import's web layer: the export streams JSON lines, the import's
 * {@code on_conflict} and {@code atomic} are checked before anything is read, and an
 * import may be larger than an ordinary request.
 */
@WebMvcTest(TransferController.class)
@Import(SecurityConfiguration.class)
@TestPropertySource(properties = "learnings.http.max-request-size=1KB")
class TransferControllerTests {

	private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private static final String EXPORT = "/api/repos/default/learnings/export";

	private static final String IMPORT = "/api/repos/default/learnings/import";

	private static final String ROW = "{\"id\":\"lrn-20260528T170724Z-c468d2a9\",\"status\":\"do_more\","
			+ "\"learning\":\"When X, prefer Y because Z.\"}";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	LearningTransfer transfer;

	@MockitoBean
	Repositories repositories;

	@MockitoBean
	TokenRegistry tokens;

	@Test
	void streamsTheStoreAsJsonLines() throws IOException {
		willAnswer((invocation) -> {
			OutputStream out = invocation.getArgument(2);
			out.write((ROW + "\n" + ROW.replace("c468d2a9", "0badc0de") + "\n").getBytes(StandardCharsets.UTF_8));
			return null;
		}).given(this.transfer).export(eq("default"), isNull(), any());

		MvcTestResult result = this.mvc.get().uri(EXPORT).exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(NDJSON);
		assertThat(result).body().asString().hasLineCount(2).startsWith(ROW + "\n");
	}

	@Test
	void passesSinceOnAsAnInstant() throws IOException {
		assertThat(this.mvc.get().uri(EXPORT + "?since=2026-05-01T00:00:00Z")).hasStatus(HttpStatus.OK);

		verify(this.transfer).export(eq("default"), eq(Instant.parse("2026-05-01T00:00:00Z")), any());
	}

	@Test
	void rejectsASinceThatIsNotAnInstant() {
		assertThat(this.mvc.get().uri(EXPORT + "?since=yesterday")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("'since'", "ISO-8601");
		verifyNoInteractions(this.transfer);
	}

	@Test
	void answersTheExportOfAnUnknownRepositoryWithAProblemBeforeStreaming() {
		given(this.repositories.require("nope")).willThrow(UnknownRepositoryException.forName("nope"));

		assertThat(this.mvc.get().uri("/api/repos/nope/learnings/export")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.repo")
			.isEqualTo("nope");
		verifyNoInteractions(this.transfer);
	}

	@Test
	void answersAnImportWithItsPerLineReport() {
		given(this.transfer.importRows(eq("default"), any(), eq(true), eq(true))).willReturn(new ImportReport(0, 0, 1,
				false, List.of(new ImportReport.Line(1, "not-written", "lrn-1", "another line was rejected"),
						new ImportReport.Line(2, "rejected", null, "unknown status 'meh'"))));

		MvcTestResult result = this.mvc.post()
			.uri(IMPORT + "?on_conflict=fail&atomic=true")
			.contentType(NDJSON)
			.content(ROW + "\n")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.written").isEqualTo(false);
		assertThat(result).bodyJson().extractingPath("$.rejected").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.lines[1].reason").isEqualTo("unknown status 'meh'");
		assertThat(result).bodyJson().doesNotHavePath("$.lines[1].id");
		verify(this.transfer).importRows(eq("default"), eq((ROW + "\n").getBytes(StandardCharsets.UTF_8)), eq(true),
				eq(true));
	}

	@Test
	void skipsDuplicatesAndWritesWhatItCanByDefault() {
		given(this.transfer.importRows(eq("default"), any(), anyBoolean(), anyBoolean()))
			.willReturn(new ImportReport(1, 0, 0, true, List.of(new ImportReport.Line(1, "imported", "lrn-1", null))));

		assertThat(this.mvc.post().uri(IMPORT).contentType(MediaType.TEXT_PLAIN).content(ROW)).hasStatus(HttpStatus.OK);

		verify(this.transfer).importRows(eq("default"), any(), eq(false), eq(false));
	}

	@Test
	void rejectsAnUnknownConflictPolicyByName() {
		assertThat(this.mvc.post().uri(IMPORT + "?on_conflict=overwrite").contentType(NDJSON).content(ROW))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("on_conflict");
		verifyNoInteractions(this.transfer);
	}

	@Test
	void rejectsAnAtomicFlagThatIsNotABoolean() {
		assertThat(this.mvc.post().uri(IMPORT + "?atomic=maybe").contentType(NDJSON).content(ROW))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("atomic");
		verifyNoInteractions(this.transfer);
	}

	@Test
	void refusesAnImportThatIsNotJsonLines() {
		assertThat(this.mvc.post().uri(IMPORT).contentType(MediaType.APPLICATION_JSON).content("[" + ROW + "]"))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.transfer);
	}

	@Test
	void acceptsAnImportLargerThanAnOrdinaryRequest() {
		given(this.transfer.importRows(eq("default"), any(), anyBoolean(), anyBoolean()))
			.willReturn(new ImportReport(20, 0, 0, true, List.of()));
		String body = (ROW + "\n").repeat(20);
		assertThat(body.length()).isGreaterThan(1024);

		assertThat(this.mvc.post().uri(IMPORT).contentType(NDJSON).content(body)).hasStatus(HttpStatus.OK)
			.bodyJson()
			.extractingPath("$.imported")
			.isEqualTo(20);
	}

	@Test
	void hidesAFailureWhileStreamingBehindAPlainProblem() throws IOException {
		willThrow(new IllegalStateException("secret /etc/store")).given(this.transfer)
			.export(eq("default"), isNull(), any());

		assertThat(this.mvc.get().uri(EXPORT)).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Internal error\"")
				.doesNotContain("secret", "IllegalState", "at io."));
	}

	@Test
	void hidesInternalFailuresBehindAPlainProblem() {
		given(this.transfer.importRows(any(), any(), anyBoolean(), anyBoolean()))
			.willThrow(new IllegalStateException("secret /etc/store"));

		assertThat(this.mvc.post().uri(IMPORT).contentType(NDJSON).content(ROW))
			.hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Internal error\"")
				.doesNotContain("secret", "IllegalState", "at io."));
	}

}

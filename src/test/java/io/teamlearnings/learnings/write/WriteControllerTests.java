package io.teamlearnings.learnings.write;

import java.util.List;

import io.teamlearnings.learnings.index.LearningView;
import io.teamlearnings.learnings.index.StoreProperties;
import io.teamlearnings.learnings.quality.QualityMode;
import io.teamlearnings.learnings.quality.QualityVerdict;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

@WebMvcTest(WriteController.class)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties(StoreProperties.class)
@TestPropertySource(properties = "learnings.http.max-request-size=2KB")
class WriteControllerTests {

	private static final QualityVerdict REFUSED = new QualityVerdict(
			List.of("quality-error: learning is too short; include a durable decision rule.",
					"quality-error: evidence contains placeholder text.",
					"quality-error: use --quality-mode best_effort only for intentional exceptions."),
			List.of("quality-warning: status=review_later used; ensure this uncertainty is itself decision-shaping."),
			List.of("learning", "evidence"));

	private static final String VALID = """
			{"learning": "When X, prefer Y because Z.", "evidence": "cmd -> result",
			 "application": "Do Y first.", "status": "do_more"}""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	LearningWriter writer;

	@MockitoBean
	TokenRegistry tokens;

	/**
	 * Only the learning is required of every request, as only {@code --learning} is of
	 * the tool: a missing status is {@code review_later}, and evidence and application
	 * are the quality gate's to require (best-effort mode fills them in).
	 */
	@Test
	void namesEveryMissingFieldAndWritesNothing() {
		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"evidence\": [], \"tags\": [null]}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Invalid request\""))
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("learning", "tags[0]");
		verifyNoInteractions(this.writer);
	}

	@Test
	void leavesStatusEvidenceAndApplicationToTheStoreAndItsQualityGate() {
		given(this.writer.append(eq("default"), any(), anyBoolean(), isNull(), isNull())).willReturn(appended());

		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"learning\": \"When X, prefer Y because Z.\"}")).hasStatus(HttpStatus.CREATED);

		ArgumentCaptor<AppendRequest> request = ArgumentCaptor.forClass(AppendRequest.class);
		verify(this.writer).append(eq("default"), request.capture(), eq(false), isNull(), isNull());
		assertThat(request.getValue().status()).isNull();
		assertThat(request.getValue().evidence()).isNull();
		assertThat(request.getValue().application()).isNull();
	}

	@Test
	void passesTheRequestedQualityModeOn() {
		given(this.writer.append(eq("default"), any(), anyBoolean(), isNull(), any())).willReturn(appended());

		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings?quality_mode=best_effort")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).hasStatus(HttpStatus.CREATED);
		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings?quality_mode=strict")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).hasStatus(HttpStatus.CREATED);

		verify(this.writer).append(eq("default"), any(), eq(false), isNull(), eq(QualityMode.BEST_EFFORT));
		verify(this.writer).append(eq("default"), any(), eq(false), isNull(), eq(QualityMode.STRICT));
	}

	@Test
	void refusesAnUnknownQualityModeNamingTheParameter() {
		for (String mode : List.of("lenient", "STRICT", "best-effort", "")) {
			assertThat(this.mvc.post()
				.uri("/api/repos/default/learnings?quality_mode={mode}", mode)
				.contentType(MediaType.APPLICATION_JSON)
				.content(VALID)).as(mode)
				.hasStatus(HttpStatus.BAD_REQUEST)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson()
				.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Invalid parameter\"",
						"Parameter 'quality_mode' cannot be '" + mode + "'; it must be strict or best_effort"))
				.extractingPath("$.errors[0].field")
				.isEqualTo("quality_mode");
		}
		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings/lrn-1/supersede?quality_mode=lenient")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).hasStatus(HttpStatus.BAD_REQUEST);
		verifyNoInteractions(this.writer);
	}

	@Test
	void answersARefusedRowWith422ListingEveryErrorLine() {
		given(this.writer.append(eq("default"), any(), anyBoolean(), isNull(), isNull()))
			.willThrow(new QualityRefusedException(REFUSED));

		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Refused by the quality gate\"",
					"(learning, evidence)", "quality_mode=best_effort"))
			.satisfies((body) -> assertThat(body).extractingPath("$.warnings").isEqualTo(REFUSED.warnings()))
			.satisfies((body) -> assertThat(body).extractingPath("$.fields").isEqualTo(List.of("learning", "evidence")))
			.extractingPath("$.errors")
			.isEqualTo(REFUSED.errors());
	}

	@Test
	void answersARefusedRowWithTheErrorLinesAloneForPlainText() {
		given(this.writer.supersede(eq("default"), eq("lrn-1"), any(), anyBoolean(), isNull(), isNull()))
			.willThrow(new QualityRefusedException(REFUSED));

		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings/lrn-1/supersede")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_PLAIN)
			.content(VALID)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.hasBodyTextEqualTo("quality-error: learning is too short; include a durable decision rule.\n"
					+ "quality-error: evidence contains placeholder text.\n"
					+ "quality-error: use --quality-mode best_effort only for intentional exceptions.\n");
	}

	@Test
	void printsQualityWarningsBeforeTheProofLineAsTheToolDoes() {
		given(this.writer.append(eq("default"), any(), anyBoolean(), isNull(), isNull()))
			.willReturn(appended().withWarnings(REFUSED.warnings()));

		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_PLAIN)
			.content(VALID)).hasStatus(HttpStatus.CREATED)
			.hasBodyTextEqualTo(
					"quality-warning: status=review_later used; ensure this uncertainty is itself decision-shaping.\n"
							+ "appended: id=lrn-20260528T170724Z-c468d2a9 status=do_more path=/r/.learnings.jsonl\n");
		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.warnings")
			.isEqualTo(REFUSED.warnings());
	}

	@Test
	void leavesOutTheWarningsWhenThereAreNone() {
		given(this.writer.append(eq("default"), any(), anyBoolean(), isNull(), isNull())).willReturn(appended());

		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).hasStatus(HttpStatus.CREATED).bodyJson().doesNotHavePath("$.warnings");
	}

	@Test
	void acceptsASingleEvidenceStringAsAListOfOne() {
		given(this.writer.append(eq("default"), any(), anyBoolean(), isNull(), isNull())).willReturn(appended());

		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)).hasStatus(HttpStatus.CREATED)
			.hasHeader("Location", "/api/repos/default/learnings/lrn-20260528T170724Z-c468d2a9");

		ArgumentCaptor<AppendRequest> request = ArgumentCaptor.forClass(AppendRequest.class);
		verify(this.writer).append(eq("default"), request.capture(), eq(false), isNull(), isNull());
		assertThat(request.getValue().evidence()).containsExactly("cmd -> result");
	}

	@Test
	void answersWithTheProofLineAloneForPlainText() {
		given(this.writer.append(eq("default"), any(), anyBoolean(), isNull(), isNull())).willReturn(appended());

		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_PLAIN)
			.content(VALID)).hasStatus(HttpStatus.CREATED)
			.hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.hasBodyTextEqualTo("appended: id=lrn-20260528T170724Z-c468d2a9 status=do_more path=/r/.learnings.jsonl\n");
	}

	@Test
	void rejectsUnknownFieldsByName() {
		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID.replace("}", ", \"fingerprint\": \"abc\"}"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.startsWith("Unknown field 'fingerprint'");
		verifyNoInteractions(this.writer);
	}

	@Test
	void pointsAtMalformedJson() {
		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"learning\": \"x\",")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.startsWith("Malformed JSON at line 1, column");
	}

	@Test
	void namesAFieldOfTheWrongShape() {
		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID.replace("\"When X, prefer Y because Z.\"", "{\"text\": 1}")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.isEqualTo("Field 'learning' has the wrong type: it must be a string.");
	}

	@Test
	void refusesBodiesThatAreNotJson() {
		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.TEXT_PLAIN)
			.content("learning=x")).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.writer);
	}

	@Test
	void refusesBodiesOverTheConfiguredLimit() {
		String big = VALID.replace("Do Y first.", "y".repeat(3000));
		assertThat(this.mvc.post()
			.uri("/api/repos/default/learnings")
			.contentType(MediaType.APPLICATION_JSON)
			.content(big)).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("2048 bytes");
		verifyNoInteractions(this.writer);
	}

	@Test
	void neverFailsInternallyOnMutatedBodies() {
		given(this.writer.append(eq("default"), any(), anyBoolean(), isNull(), isNull())).willReturn(appended());
		qt().withExamples(300)
			.forAll(integers().between(0, VALID.length() - 1), integers().between(0, VALID.length() - 1),
					strings().allPossible().ofLengthBetween(0, 8))
			.check((from, to, insert) -> {
				String body = VALID.substring(0, Math.min(from, to)) + insert + VALID.substring(Math.max(from, to));
				int status = this.mvc.post()
					.uri("/api/repos/default/learnings")
					.contentType(MediaType.APPLICATION_JSON)
					.content(body)
					.exchange()
					.getResponse()
					.getStatus();
				return status == 201 || (status >= 400 && status < 500);
			});
	}

	private static AppendResult appended() {
		return new AppendResult(AppendResult.APPENDED,
				"appended: id=lrn-20260528T170724Z-c468d2a9 status=do_more path=/r/.learnings.jsonl",
				"lrn-20260528T170724Z-c468d2a9", "/r/.learnings.jsonl", null, new LearningView("default", 1,
						java.util.Map.of("id", "lrn-20260528T170724Z-c468d2a9"), List.of(), List.of()),
				null, List.of());
	}

}

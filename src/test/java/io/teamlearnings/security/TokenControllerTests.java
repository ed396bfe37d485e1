package io.teamlearnings.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Token administration's web layer: tokens are listed without secrets, a created token is
 * shown once, names and grants are checked before anything is stored, and only an admin
 * in every repository gets in.
 */
@WebMvcTest(TokenController.class)
@Import(SecurityConfiguration.class)
class TokenControllerTests {

	private static final String TOKENS = "/api/admin/tokens";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	TokenRegistry tokens;

	@Test
	void listsTokensByNameAndGrantsOnly() {
		given(this.tokens.list())
			.willReturn(List.of(new TokenRegistry.TokenInfo("ci-bot", Map.of("*", Role.READER), "configuration"),
					new TokenRegistry.TokenInfo("deployer", Map.of("service", Role.WRITER), "created")));

		MvcTestResult result = this.mvc.get().uri(TOKENS).exchange();

		assertThat(result).hasStatus(HttpStatus.OK).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$[*].name").asArray().containsExactly("ci-bot", "deployer");
		assertThat(result).bodyJson().extractingPath("$[1].origin").isEqualTo("created");
		assertThat(result).bodyJson().extractingPath("$[1].grants.service").asString().isEqualToIgnoringCase("writer");
		assertThat(result).bodyJson().doesNotHavePath("$[0].token").doesNotHavePath("$[0].sha256");
	}

	@Test
	void showsACreatedTokenOnce() {
		given(this.tokens.create("ci-bot", List.of("*=reader", "service=writer"))).willReturn("lrn_secret");

		MvcTestResult result = this.mvc.post()
			.uri(TOKENS)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"ci-bot\", \"grants\": [\"*=reader\", \"service=writer\"]}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED).hasContentType(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("ci-bot");
		assertThat(result).bodyJson().extractingPath("$.token").isEqualTo("lrn_secret");
	}

	@Test
	void rejectsANameWithSpacesAndNoGrantsByFieldAndStoresNothing() {
		assertThat(this.mvc.post()
			.uri(TOKENS)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"ci bot\", \"grants\": []}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("name", "grants");
		verify(this.tokens, never()).create(any(), any());
	}

	@Test
	void answersAGrantThatIsNotAGrantWithABadRequestProblem() {
		given(this.tokens.create("ci-bot", List.of("everything"))).willThrow(TokenException.badGrant("everything"));

		assertThat(this.mvc.post()
			.uri(TOKENS)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"ci-bot\", \"grants\": [\"everything\"]}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Invalid token request\"",
					"'everything' is not a grant"));
	}

	@Test
	void revokesACreatedToken() {
		assertThat(this.mvc.delete().uri(TOKENS + "/deployer")).hasStatus(HttpStatus.NO_CONTENT);

		verify(this.tokens).revoke("deployer");
	}

	@Test
	void answersTheRevocationOfAnUnknownTokenWithANotFoundProblem() {
		willThrow(TokenException.unknown("ghost")).given(this.tokens).revoke("ghost");

		assertThat(this.mvc.delete().uri(TOKENS + "/ghost")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unknown token");
	}

	@Test
	void refusesATokenThatIsNotAnAdminEverywhere() {
		given(this.tokens.anyTokens()).willReturn(true);
		given(this.tokens.authenticate("writer-token"))
			.willReturn(Optional.of(new Caller("writer", Map.of("*", Role.WRITER, "ops", Role.ADMIN), false)));

		assertThat(this.mvc.get().uri(TOKENS).header("Authorization", "Bearer writer-token"))
			.hasStatus(HttpStatus.FORBIDDEN)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("'writer'", "role admin in every repository");
		verify(this.tokens, never()).list();
	}

	@Test
	void asksForATokenOnceTokensExist() {
		given(this.tokens.anyTokens()).willReturn(true);

		assertThat(this.mvc.get().uri(TOKENS)).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader("WWW-Authenticate", "Bearer");
		verify(this.tokens, never()).list();
	}

	@Test
	void hidesInternalFailuresBehindAPlainProblem() {
		given(this.tokens.list()).willThrow(new IllegalStateException("secret jdbc:h2:file:/home/me"));

		assertThat(this.mvc.get().uri(TOKENS)).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((body) -> assertThat(body.getJson()).contains("\"title\":\"Internal error\"")
				.doesNotContain("secret", "IllegalState", "at io."));
	}

}

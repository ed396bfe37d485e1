package io.teamlearnings.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link BrowserRequestGuard} tells the service's own origin and loopback names from
 * others.
 */
class BrowserRequestGuardTests {

	@Test
	void comparesAnOriginWithTheHostItWasSentTo() {
		assertThat(BrowserRequestGuard.sameOrigin("http://localhost:8080", "localhost:8080")).isTrue();
		assertThat(BrowserRequestGuard.sameOrigin("http://LOCALHOST:8080", "localhost:8080")).isTrue();
		assertThat(BrowserRequestGuard.sameOrigin("https://learnings.example", "learnings.example")).isTrue();
		assertThat(BrowserRequestGuard.sameOrigin("https://learnings.example", "learnings.example:443")).isTrue();
		assertThat(BrowserRequestGuard.sameOrigin("http://[::1]:8080", "[::1]:8080")).isTrue();

		assertThat(BrowserRequestGuard.sameOrigin("http://localhost:9999", "localhost:8080")).isFalse();
		assertThat(BrowserRequestGuard.sameOrigin("http://localhost", "localhost:8080")).isFalse();
		assertThat(BrowserRequestGuard.sameOrigin("http://evil.example", "localhost:8080")).isFalse();
		assertThat(BrowserRequestGuard.sameOrigin("null", "localhost:8080")).isFalse();
		assertThat(BrowserRequestGuard.sameOrigin("http://localhost:8080", null)).isFalse();
	}

	@Test
	void takesOnlyLocalhostAndLoopbackLiteralsAsLoopbackHosts() {
		assertThat(BrowserRequestGuard.loopbackHost("localhost:8080")).isTrue();
		assertThat(BrowserRequestGuard.loopbackHost("127.0.0.1:8080")).isTrue();
		assertThat(BrowserRequestGuard.loopbackHost("127.0.0.2")).isTrue();
		assertThat(BrowserRequestGuard.loopbackHost("[::1]:8080")).isTrue();
		assertThat(BrowserRequestGuard.loopbackHost(null)).isTrue();

		assertThat(BrowserRequestGuard.loopbackHost("evil.example:8080")).isFalse();
		assertThat(BrowserRequestGuard.loopbackHost("127.0.0.1.nip.io")).isFalse();
		assertThat(BrowserRequestGuard.loopbackHost("10.0.0.5:8080")).isFalse();
		assertThat(BrowserRequestGuard.loopbackHost("localhost.evil.example")).isFalse();
	}

	@Test
	void letsAConfiguredOriginThroughAndChecksNoHostOnceTokensExist() throws Exception {
		BrowserRequestGuard guard = new BrowserRequestGuard(List.of("https://Dashboard.Example"), () -> true,
				new SecurityConfiguration.ProblemWriter(JsonMapper.builder().build()));

		MockHttpServletResponse allowed = filter(guard, "learnings.example", "https://dashboard.example:443");
		MockHttpServletResponse foreign = filter(guard, "learnings.example", "https://other.example");

		assertThat(allowed.getStatus()).isEqualTo(200);
		assertThat(foreign.getStatus()).isEqualTo(403);
		assertThat(foreign.getContentType()).startsWith("application/problem+json");
	}

	private static MockHttpServletResponse filter(BrowserRequestGuard guard, String host, String origin)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/repos/app/learnings");
		request.addHeader("Host", host);
		request.addHeader("Origin", origin);
		MockHttpServletResponse response = new MockHttpServletResponse();
		guard.doFilter(request, response, new MockFilterChain());
		return response;
	}

}

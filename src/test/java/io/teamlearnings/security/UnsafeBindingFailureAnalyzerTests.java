package io.teamlearnings.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start refused for listening beyond loopback without a token is explained, not dumped.
 */
class UnsafeBindingFailureAnalyzerTests {

	private final UnsafeBindingFailureAnalyzer analyzer = new UnsafeBindingFailureAnalyzer();

	@Test
	void namesTheAddressAndBothWaysOut() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("localModeGuard", "failed", new UnsafeBindingException("0.0.0.0")));
		assertThat(analysis.getDescription()).startsWith("The service refused to listen on '0.0.0.0'.")
			.contains("No API token is configured");
		assertThat(analysis.getAction()).contains("127.0.0.1", "learnings.security.tokens");
	}

	@Test
	void saysEveryAddressWhenTheAddressIsEmpty() {
		assertThat(this.analyzer.analyze(new UnsafeBindingException("")).getDescription())
			.startsWith("The service refused to listen on every address (server.address is empty).");
	}

	@Test
	void isRegisteredWithSpringBoot() {
		// Spring Boot's own analyzers need a context to be built; leave them out here
		FailureHandler skipThoseNeedingAContext = FailureHandler.handleMessage((message, failure) -> {
		});
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, skipThoseNeedingAContext))
			.hasAtLeastOneElementOfType(UnsafeBindingFailureAnalyzer.class);
	}

}

package io.teamlearnings.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link UnsafeBindingException} in one paragraph and says how to fix it,
 * instead of the stack trace Spring Boot prints for a failure nobody analysed. Registered
 * in {@code META-INF/spring.factories}.
 */
class UnsafeBindingFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeBindingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsafeBindingException cause) {
		String description = "The service refused to listen on " + UnsafeBindingException.describe(cause.address())
				+ ". No API token is configured, so it trusts every caller that reaches it as an admin; it "
				+ "therefore listens on a loopback address only.";
		String action = "Either remove server.address (SERVER_ADDRESS, --server.address, config/application.yml) "
				+ "to listen on the default 127.0.0.1, or configure an API token (learnings.security.tokens, "
				+ "see \"Security\" in README.md) before listening on another address.";
		return new FailureAnalysis(description, action, cause);
	}

}

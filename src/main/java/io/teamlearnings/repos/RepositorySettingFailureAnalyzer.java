package io.teamlearnings.repos;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link RepositorySettingException} as the setting at fault and how to fix it,
 * instead of the stack trace Spring Boot prints for a failure nobody analysed. Registered
 * in {@code META-INF/spring.factories}.
 */
class RepositorySettingFailureAnalyzer extends AbstractFailureAnalyzer<RepositorySettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RepositorySettingException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}

package io.teamlearnings.skills;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link SkillRootSettingException} as the setting at fault and how to fix it.
 * Registered in {@code META-INF/spring.factories}.
 */
class SkillRootSettingFailureAnalyzer extends AbstractFailureAnalyzer<SkillRootSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SkillRootSettingException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}

package io.teamlearnings.repos;

import java.nio.file.Path;
import java.util.List;

import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A repository setting that cannot be served stops the start with the setting at fault
 * and how to fix it.
 */
class RepositorySettingFailureAnalyzerTests {

	private final RepositorySettingFailureAnalyzer analyzer = new RepositorySettingFailureAnalyzer();

	@Test
	void namesAMissingRootAndItsEnvironmentVariable() {
		Path missing = TestStores.newDirectory("repos").resolve("missing");
		FailureAnalysis analysis = this.analyzer
			.analyze(refusal(new ReposProperties.RepoSetting("app", missing, GitSyncSettings.off())));
		assertThat(analysis.getDescription())
			.isEqualTo("learnings.repos[0].root=" + missing + " is not an existing directory.");
		assertThat(analysis.getAction()).contains("learnings.repos[0].root", "LEARNINGS_REPOS_0_ROOT");
	}

	@Test
	void namesANameConfiguredTwice() {
		Path root = TestStores.newDirectory("repos");
		FailureAnalysis analysis = this.analyzer
			.analyze(refusal(new ReposProperties.RepoSetting("app", root, GitSyncSettings.off()),
					new ReposProperties.RepoSetting("app", root, GitSyncSettings.off())));
		assertThat(analysis.getDescription()).isEqualTo("learnings.repos[1].name=app is configured twice.");
		assertThat(analysis.getAction()).contains("a name of its own");
	}

	@Test
	void isRegisteredWithSpringBoot() {
		// Spring Boot's own analyzers need a context to be built; leave them out here
		FailureHandler skipThoseNeedingAContext = FailureHandler.handleMessage((message, failure) -> {
		});
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, skipThoseNeedingAContext))
			.hasAtLeastOneElementOfType(RepositorySettingFailureAnalyzer.class);
	}

	private static RepositorySettingException refusal(ReposProperties.RepoSetting... settings) {
		return catchThrowableOfType(RepositorySettingException.class,
				() -> new Repositories(new ReposProperties(List.of(settings))));
	}

}

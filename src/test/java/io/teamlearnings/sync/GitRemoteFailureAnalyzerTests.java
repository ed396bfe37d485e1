package io.teamlearnings.sync;

import java.util.List;
import java.util.Map;

import io.teamlearnings.repos.GitSyncSettings;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A git setting refused at start never shows the credentials of a URL given as its value.
 */
class GitRemoteFailureAnalyzerTests {

	private final GitRemoteFailureAnalyzer analyzer = new GitRemoteFailureAnalyzer();

	private static Throwable bind(String remote) {
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			Binder binder = new Binder(new MapConfigurationPropertySource(
					Map.of("learnings.repos[2].git.enabled", "true", "learnings.repos[2].git.remote", remote)));
			return catchThrowable(() -> binder.bind("learnings.repos[2].git", Bindable.of(GitSyncSettings.class),
					new ValidationBindHandler(new SpringValidatorAdapter(factory.getValidator()))));
		}
	}

	@Test
	void reportsARemoteUrlWithItsUserInformationReplaced() {
		Throwable failure = bind("https://bob:SUPERSECRET42@127.0.0.1:9/team/app.git");
		assertThat(failure).isNotNull();

		FailureAnalysis analysis = this.analyzer.analyze(failure);

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("learnings.repos[2].git.remote",
				"https://***@127.0.0.1:9/team/app.git", "must be the name of a remote of the checkout");
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("SUPERSECRET42", "bob");
	}

	@Test
	void leavesAFailureWithoutCredentialsToSpringBoot() {
		Throwable failure = bind("not a remote");
		assertThat(failure).isNotNull();

		assertThat(this.analyzer.analyze(failure)).isNull();
	}

	@Test
	void isRegisteredAheadOfSpringBootsBindAnalyzers() {
		FailureHandler skipThoseNeedingAContext = FailureHandler.handleMessage((message, failure) -> {
		});
		List<String> order = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, skipThoseNeedingAContext)
			.stream()
			.map((analyzer) -> analyzer.getClass().getSimpleName())
			.toList();

		assertThat(order).contains("GitRemoteFailureAnalyzer", "BindValidationFailureAnalyzer", "BindFailureAnalyzer");
		assertThat(order.indexOf("GitRemoteFailureAnalyzer")).isLessThan(order.indexOf("BindValidationFailureAnalyzer"))
			.isLessThan(order.indexOf("BindFailureAnalyzer"));
	}

}

package io.teamlearnings.learnings.index;

import java.time.Duration;

import io.teamlearnings.learnings.quality.QualityMode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's settings as a user writes them: the quality gate strict unless configured,
 * {@code best_effort} spelt as the tool spells it, an unknown mode refused at startup;
 * the store lock waited for 5 s unless configured, never a negative time.
 */
class StorePropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(StoreSettings.class);

	@Test
	void judgesStrictlyAndRefusesTemporaryRootsByDefault() {
		this.runner.run((context) -> {
			StoreProperties properties = context.getBean(StoreProperties.class);
			assertThat(properties.qualityMode()).isEqualTo(QualityMode.STRICT);
			assertThat(properties.allowTempPath()).isFalse();
			assertThat(properties.lockWait()).isEqualTo(Duration.ofSeconds(5));
		});
	}

	@Test
	void takesTheLockWaitAndRefusesANegativeOne() {
		this.runner.withPropertyValues("learnings.store.lock-wait=250ms")
			.run((context) -> assertThat(context.getBean(StoreProperties.class).lockWait())
				.isEqualTo(Duration.ofMillis(250)));
		this.runner.withPropertyValues("learnings.store.lock-wait=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("learnings.store.lock-wait must not be negative"));
	}

	@Test
	void takesTheServersQualityModeAndTemporaryRoots() {
		this.runner
			.withPropertyValues("learnings.store.quality-mode=best_effort", "learnings.store.allow-temp-path=true")
			.run((context) -> {
				StoreProperties properties = context.getBean(StoreProperties.class);
				assertThat(properties.qualityMode()).isEqualTo(QualityMode.BEST_EFFORT);
				assertThat(properties.allowTempPath()).isTrue();
			});
	}

	@Test
	void refusesToStartWithAnUnknownQualityMode() {
		this.runner.withPropertyValues("learnings.store.quality-mode=lenient")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("learnings.store.quality-mode")
				.hasStackTraceContaining("lenient"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(StoreProperties.class)
	static class StoreSettings {

	}

}

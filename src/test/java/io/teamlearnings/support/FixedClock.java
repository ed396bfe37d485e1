package io.teamlearnings.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Pins the service's clock to the time the session fixtures were written for. The shared
 * service ({@link SharedServiceContext}) and the signals tests run on it, so that rows
 * are stamped, and recall ranks, the same in every run.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

	/** "Now" for the session fixtures. */
	public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	@Bean
	@Primary
	Clock fixedClock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

}

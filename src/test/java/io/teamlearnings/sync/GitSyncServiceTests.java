package io.teamlearnings.sync;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GitSyncServiceTests {

	@Test
	void retriesAFailedSyncAfterFiveSecondsDoublingToTenMinutes() {
		assertThat(GitSyncService.retryAfter(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(GitSyncService.retryAfter(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(GitSyncService.retryAfter(7)).isEqualTo(Duration.ofSeconds(320));
		assertThat(GitSyncService.retryAfter(8)).isEqualTo(Duration.ofMinutes(10));
		assertThat(GitSyncService.retryAfter(1000)).isEqualTo(Duration.ofMinutes(10));
	}

}

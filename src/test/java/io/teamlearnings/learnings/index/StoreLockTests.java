package io.teamlearnings.learnings.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the lock file says about its holder, which a process waiting for the lock reports:
 * the holder's line alone, whoever held the lock before.
 */
class StoreLockTests {

	private static final String HOLDER = "pid " + ProcessHandle.current().pid()
			+ " on \\S+ since \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

	@TempDir
	Path root;

	@Test
	void theLockFileNamesItsHolder() throws Exception {
		Path store = this.root.resolve(".learnings.jsonl");

		try (StoreLock held = StoreLock.acquire(store, Duration.ZERO)) {
			assertThat(holderLine(store)).matches(HOLDER);
		}
		try (StoreLock again = StoreLock.acquire(store, Duration.ZERO)) {
			assertThat(holderLine(store)).matches(HOLDER);
		}
	}

	@Test
	void aLongerLineOfAnEarlierHolderLeavesNothingBehind() throws Exception {
		Path store = this.root.resolve(".learnings.jsonl");
		Files.writeString(StoreLock.lockFileOf(store),
				"pid 4242 on " + "a-very-long-host-name.".repeat(20) + "example since 2026-11-30T05:00:00Z\n");

		try (StoreLock held = StoreLock.acquire(store, Duration.ZERO)) {
			assertThat(holderLine(store)).matches(HOLDER);
		}
	}

	/**
	 * The lock file as a waiting process reads it: its text, surrounding spaces trimmed.
	 */
	private static String holderLine(Path store) throws Exception {
		return new String(Files.readAllBytes(StoreLock.lockFileOf(store)), StandardCharsets.UTF_8).strip();
	}

}

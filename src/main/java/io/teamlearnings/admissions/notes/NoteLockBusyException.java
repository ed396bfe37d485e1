package io.teamlearnings.admissions.notes;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code memory-note} lock stayed held for longer than the service waits: another
 * writer (the tool) is at work, or a killed one left the file behind. Nothing was
 * written.
 */
public final class NoteLockBusyException extends RuntimeException {

	private final Path lock;

	private NoteLockBusyException(Path lock, String message) {
		super(message);
		this.lock = lock;
	}

	/**
	 * @param lock the lock file
	 * @param waited how long the service waited
	 * @return the exception, its message naming the file and what to do about a stale one
	 */
	public static NoteLockBusyException of(Path lock, Duration waited) {
		return new NoteLockBusyException(lock, "The memory-note lock " + lock + " was held for longer than "
				+ waited.toMillis() + " ms (learnings.memory.lock-wait); nothing was written. Try again; if no"
				+ " memory-note process is running, the lock was left by one that was killed: remove " + lock + ".");
	}

	/**
	 * @return the lock file
	 */
	public Path lock() {
		return this.lock;
	}

}

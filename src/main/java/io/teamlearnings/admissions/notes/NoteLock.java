package io.teamlearnings.admissions.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code memory-note} tool's lock
 * ({@code <codex home>/.memory-note/locks/learnings.lock};
 * {@code acquireAbsoluteExclusiveLock} in the tool's {@code durable_store.zig}): a file
 * created exclusively before the duplicate check and removed after the write. Holding it
 * around the same steps means the service and the tool never both decide a note is new.
 * <p>
 * The tool gives up at once when the file exists; the service waits up to a bounded time
 * for it to go, checking every 25 ms. The service's own writers queue in-process first,
 * so only one of them waits on the file at a time.
 */
public final class NoteLock {

	private static final Logger log = LoggerFactory.getLogger(NoteLock.class);

	private static final long POLL_MILLIS = 25;

	private final Path file;

	private final Duration wait;

	private final ReentrantLock writers = new ReentrantLock(true);

	/**
	 * @param file the lock file
	 * @param wait how long to wait for it, in all
	 */
	public NoteLock(Path file, Duration wait) {
		this.file = file;
		this.wait = wait;
	}

	/**
	 * @return the lock file
	 */
	public Path file() {
		return this.file;
	}

	/**
	 * Runs {@code work} holding the lock.
	 * @param <T> what the work answers
	 * @param work the duplicate check and the write
	 * @return what the work answered
	 * @throws NoteLockBusyException if the lock could not be taken in time (the work did
	 * not run)
	 * @throws UncheckedIOException if the lock file cannot be created for another reason
	 */
	public <T> T holding(Supplier<T> work) {
		long deadline = System.nanoTime() + this.wait.toNanos();
		try {
			if (!this.writers.tryLock(this.wait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw NoteLockBusyException.of(this.file, this.wait);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw NoteLockBusyException.of(this.file, this.wait);
		}
		try {
			take(deadline);
			try {
				return work.get();
			}
			finally {
				release();
			}
		}
		finally {
			this.writers.unlock();
		}
	}

	private void take(long deadline) {
		try {
			Files.createDirectories(this.file.getParent());
			while (true) {
				try {
					Files.createFile(this.file);
					return;
				}
				catch (FileAlreadyExistsException ex) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						throw NoteLockBusyException.of(this.file, this.wait);
					}
					Thread.sleep(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw NoteLockBusyException.of(this.file, this.wait);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not create the memory-note lock " + this.file, ex);
		}
	}

	/**
	 * Removes the lock file. A file that cannot be removed is logged, not thrown: the
	 * note is written, and the next writer names the file left behind.
	 */
	private void release() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			log.error("Could not remove the memory-note lock {}; remove it by hand", this.file, ex);
		}
	}

}

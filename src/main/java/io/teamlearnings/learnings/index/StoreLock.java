package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock that other processes see on a canonical file: an exclusive
 * {@link FileChannel#lock() FileChannel lock} (POSIX {@code fcntl} on Linux, which NFS
 * clients with a lock manager honour too) on a sibling file {@code <store>.lock}, e.g.
 * {@code .learnings.jsonl.lock}. A sibling, not the store itself, because a process loses
 * every {@code fcntl} lock on a file when it closes any descriptor of that file, and the
 * service (and its readers) open and close the store all the time; nobody but the lock
 * opens the sibling. The sibling file is created on first use, holds nothing, and is
 * never removed (removing it would let two processes lock different files).
 * <p>
 * The JVM holds {@code fcntl} locks for the whole process, and a second lock on the same
 * file from the same JVM throws {@link java.nio.channels.OverlappingFileLockException};
 * so every holder in this JVM (every application context, every repository name that
 * points at the file) first takes one in-JVM lock per lock file, then the OS lock.
 */
final class StoreLock implements AutoCloseable {

	/** One in-JVM lock per lock file, shared by every application context in the JVM. */
	private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

	/** How long to sleep between tries while another process holds the lock. */
	private static final long RETRY_MILLIS = 10;

	private final ReentrantLock inJvm;

	private final FileChannel channel;

	private final FileLock lock;

	private StoreLock(ReentrantLock inJvm, FileChannel channel, FileLock lock) {
		this.inJvm = inJvm;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * The lock file of a store: {@code <store file name>.lock} in the same directory.
	 * @param storeFile the canonical file
	 * @return its lock file
	 */
	static Path lockFileOf(Path storeFile) {
		Path absolute = storeFile.toAbsolutePath().normalize();
		return absolute.resolveSibling(absolute.getFileName() + ".lock");
	}

	/**
	 * Takes the lock of {@code storeFile}, waiting at most {@code wait} for another
	 * holder (in this JVM or another process) to let go.
	 * @param storeFile the canonical file
	 * @param wait how long to wait at most; zero tries once
	 * @return the held lock; {@link #close()} releases it
	 * @throws StoreLockBusyException if it stayed held for longer than {@code wait}
	 * @throws IOException if the lock file cannot be created or locked
	 */
	static StoreLock acquire(Path storeFile, Duration wait) throws IOException {
		Path lockFile = lockFileOf(storeFile);
		long deadline = System.nanoTime() + wait.toNanos();
		ReentrantLock inJvm = IN_JVM.computeIfAbsent(lockFile, (file) -> new ReentrantLock());
		try {
			if (!inJvm.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new StoreLockBusyException(lockFile, wait);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreLockBusyException(lockFile, wait);
		}
		FileChannel channel = null;
		try {
			channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			for (;;) {
				FileLock lock = channel.tryLock();
				if (lock != null) {
					return new StoreLock(inJvm, channel, lock);
				}
				if (System.nanoTime() - deadline >= 0) {
					throw new StoreLockBusyException(lockFile, wait);
				}
				Thread.sleep(RETRY_MILLIS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			closeQuietly(channel);
			inJvm.unlock();
			throw new StoreLockBusyException(lockFile, wait);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(channel);
			inJvm.unlock();
			throw ex;
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// closing releases any lock; nothing else to undo
			}
		}
	}

	/** Releases the OS lock, then the in-JVM one. */
	@Override
	public void close() throws IOException {
		try {
			this.lock.release();
			this.channel.close();
		}
		finally {
			this.inJvm.unlock();
		}
	}

}

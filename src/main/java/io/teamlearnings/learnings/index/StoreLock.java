package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
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
 * opens the sibling. The sibling file is created on first use and never removed (removing
 * it would let two processes lock different files); whoever takes the lock writes into it
 * who it is ({@code pid <pid> on <host> since <time>}), so that a process waiting for it
 * can say who holds it ({@link #waiting}).
 * <p>
 * The JVM holds {@code fcntl} locks for the whole process, and a second lock on the same
 * file from the same JVM throws {@link java.nio.channels.OverlappingFileLockException};
 * so every holder in this JVM (every application context, every repository name that
 * points at the file) first takes one in-JVM lock per lock file, then the OS lock.
 */
final class StoreLock implements AutoCloseable {

	/** One in-JVM lock per lock file, shared by every application context in the JVM. */
	private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

	/** Appends of this JVM waiting for another process, by lock file. */
	private static final Map<Path, RepoHealth.LockWait> WAITING = new ConcurrentHashMap<>();

	/** The least bytes a holder's line takes in the lock file, spaces included. */
	private static final int HOLDER_WIDTH = 128;

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
					WAITING.remove(lockFile);
					sayWhoHolds(channel);
					return new StoreLock(inJvm, channel, lock);
				}
				WAITING.computeIfAbsent(lockFile,
						(file) -> new RepoHealth.LockWait(file.toString(), Instant.now(), holderOf(file)));
				if (System.nanoTime() - deadline >= 0) {
					WAITING.remove(lockFile);
					throw new StoreLockBusyException(lockFile, wait);
				}
				Thread.sleep(RETRY_MILLIS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			WAITING.remove(lockFile);
			closeQuietly(channel);
			inJvm.unlock();
			throw new StoreLockBusyException(lockFile, wait);
		}
		catch (IOException | RuntimeException ex) {
			WAITING.remove(lockFile);
			closeQuietly(channel);
			inJvm.unlock();
			throw ex;
		}
	}

	/**
	 * The append of this JVM waiting for another process's lock on {@code storeFile}, if
	 * one is.
	 * @param storeFile the canonical file
	 * @return the wait, with what the holder wrote into the lock file
	 */
	static Optional<RepoHealth.LockWait> waiting(Path storeFile) {
		return Optional.ofNullable(WAITING.get(lockFileOf(storeFile)));
	}

	/**
	 * Writes who holds the lock into the lock file, padded with spaces to at least
	 * {@value #HOLDER_WIDTH} bytes and overwriting the last holder's line in place; best
	 * effort, the lock is held anyway. Not truncated first: on ext4 a file truncated to
	 * nothing and written again is flushed to disk when it is closed
	 * ({@code auto_da_alloc}), which cost every group commit more than a millisecond
	 * under the repository's lock, and the next {@code fdatasync} more.
	 */
	private static void sayWhoHolds(FileChannel channel) {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			host = "an unknown host";
		}
		byte[] holder = ("pid " + ProcessHandle.current().pid() + " on " + host + " since "
				+ Instant.now().truncatedTo(ChronoUnit.SECONDS))
			.getBytes(StandardCharsets.UTF_8);
		ByteBuffer line = ByteBuffer.allocate(Math.max(HOLDER_WIDTH, holder.length + 1));
		line.put(holder);
		while (line.remaining() > 1) {
			line.put((byte) ' ');
		}
		line.put((byte) '\n').flip();
		try {
			while (line.hasRemaining()) {
				channel.write(line, line.position());
			}
			if (channel.size() > line.limit()) {
				channel.truncate(line.limit());
			}
		}
		catch (IOException ex) {
			// who holds the lock is only said for a waiting process's sake
		}
	}

	/**
	 * What the holder of a lock file wrote into it. Read only while this JVM holds no
	 * lock on it (its in-JVM lock is held by the waiting caller), since closing a
	 * descriptor of a file drops the process's {@code fcntl} locks on it.
	 */
	private static String holderOf(Path lockFile) {
		try {
			byte[] bytes = Files.readAllBytes(lockFile);
			String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8).strip();
			return text.isEmpty() ? "unknown" : text;
		}
		catch (IOException ex) {
			return "unknown";
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

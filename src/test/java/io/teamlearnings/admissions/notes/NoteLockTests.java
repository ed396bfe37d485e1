package io.teamlearnings.admissions.notes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The {@code memory-note} tool's lock file, taken around the work, waited for when
 * another process holds it, never removed when it is not ours.
 */
class NoteLockTests {

	@TempDir
	Path home;

	private Path lockFile() {
		return this.home.resolve(".memory-note/locks/learnings.lock");
	}

	@Test
	void createsTheLockFileForTheWorkAndRemovesItAfter() {
		NoteLock lock = new NoteLock(lockFile(), Duration.ofSeconds(1));

		boolean heldDuringWork = lock.holding(() -> Files.exists(lockFile()));

		assertThat(heldDuringWork).isTrue();
		assertThat(lockFile()).doesNotExist();
	}

	@Test
	void waitsForALockAnotherProcessHoldsThenGivesUpNamingItWithoutRunningTheWork() throws Exception {
		Files.createDirectories(lockFile().getParent());
		Files.createFile(lockFile());
		NoteLock lock = new NoteLock(lockFile(), Duration.ofMillis(300));
		AtomicInteger ran = new AtomicInteger();
		long start = System.nanoTime();

		NoteLockBusyException busy = catchThrowableOfType(NoteLockBusyException.class,
				() -> lock.holding(ran::incrementAndGet));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(busy.lock()).isEqualTo(lockFile());
		assertThat(busy.getMessage()).contains(lockFile().toString(), "300 ms", "learnings.memory.lock-wait",
				"nothing was written", "remove " + lockFile());
		assertThat(ran).hasValue(0);
		assertThat(lockFile()).exists();
	}

	@Test
	void runsTheWorkOnceTheOtherProcessLetsGo() throws Exception {
		Files.createDirectories(lockFile().getParent());
		Files.createFile(lockFile());
		NoteLock lock = new NoteLock(lockFile(), Duration.ofSeconds(5));
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			other.submit(() -> {
				TimeUnit.MILLISECONDS.sleep(200);
				return Files.deleteIfExists(lockFile());
			});
			long start = System.nanoTime();

			String done = lock.holding(() -> "written");

			assertThat(done).isEqualTo("written");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
			assertThat(lockFile()).doesNotExist();
		}
		finally {
			other.shutdownNow();
		}
	}

	@Test
	void letsTheServicesOwnWritersInOneAtATime() throws Exception {
		NoteLock lock = new NoteLock(lockFile(), Duration.ofSeconds(10));
		AtomicInteger inside = new AtomicInteger();
		List<Integer> seen = new CopyOnWriteArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> done = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				done.add(writers.submit(() -> {
					start.await();
					return lock.holding(() -> {
						seen.add(inside.incrementAndGet());
						sleep(10);
						return inside.decrementAndGet();
					});
				}));
			}
			start.countDown();
			for (Future<Integer> future : done) {
				assertThat(future.get(20, TimeUnit.SECONDS)).isZero();
			}
		}
		finally {
			writers.shutdownNow();
		}
		assertThat(seen).hasSize(8).containsOnly(1);
		assertThat(lockFile()).doesNotExist();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

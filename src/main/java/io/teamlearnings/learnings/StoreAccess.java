package io.teamlearnings.learnings;

import java.io.IOException;

import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.repos.Repo;

import org.springframework.stereotype.Service;

/**
 * Access to a repository's canonical file for features that change it from outside the
 * learnings module (the git sync merging a remote's rows into it): under the same locks
 * as every append, then with the index caught up at once instead of at the next poll.
 */
@Service
public class StoreAccess {

	private final IndexSync sync;

	StoreAccess(IndexSync sync) {
		this.sync = sync;
	}

	/**
	 * Work on a repository's canonical file done under its locks.
	 */
	@FunctionalInterface
	public interface LockedWork {

		/**
		 * Does the work.
		 * @throws IOException if it failed to read or write
		 */
		void run() throws IOException;

	}

	/**
	 * Runs {@code work} holding the repository's in-JVM lock and the OS lock on
	 * {@code .learnings.jsonl.lock} (see the index's {@code StoreLock}), so that no
	 * append of this service (or of another service process over the same file)
	 * interleaves; then catches the index up with the file, whatever the work did to it.
	 * @param repo the repository
	 * @param work what to do
	 * @throws IOException if the work failed, or the lock file cannot be created
	 * @throws RuntimeException {@code StoreLockBusyException} if another process held the
	 * lock longer than {@code learnings.store.lock-wait}; the work did not run
	 */
	public void whileAppendsWait(Repo repo, LockedWork work) throws IOException {
		try {
			this.sync.lockedForWrite(repo, () -> {
				work.run();
				return null;
			});
		}
		finally {
			this.sync.ensureFresh(repo);
		}
	}

}

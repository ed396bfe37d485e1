package io.teamlearnings.sync;

import java.io.IOException;

import io.teamlearnings.learnings.StoreAccess;
import io.teamlearnings.repos.Repo;

/**
 * Holds a repository's store locks around what git sync does to {@code .learnings.jsonl}
 * (commit and merge), and catches its index up afterwards:
 * {@link StoreAccess#whileAppendsWait} in the service.
 */
@FunctionalInterface
interface StoreGuard {

	/**
	 * Runs {@code work} while no append of the service can write to the repository's
	 * file, then has the index follow the file.
	 * @param repo the repository
	 * @param work what to do
	 * @throws IOException if the work failed to read the file
	 */
	void whileAppendsWait(Repo repo, StoreAccess.LockedWork work) throws IOException;

}

package io.teamlearnings.repos;

/**
 * Tells where each repository's checkout stands against its git remote, for features that
 * list repositories. Implemented by the git sync feature.
 */
public interface GitSyncStatus {

	/**
	 * The sync state of a repository.
	 * @param repo a served repository
	 * @return its state; {@code state} is {@code off} when sync is not enabled for it
	 */
	GitSyncState of(Repo repo);

}

package io.teamlearnings.sessions;

import io.teamlearnings.learnings.index.IndexSync;

/**
 * A deliberate offender for {@code ArchitectureTests}: a class of the sessions module
 * that reaches into a sub-package of the learnings module, which the boundary rule must
 * refuse. Never used by the service.
 */
public final class ReachesIntoAnotherModule {

	private final IndexSync sync;

	public ReachesIntoAnotherModule(IndexSync sync) {
		this.sync = sync;
	}

	public IndexSync sync() {
		return this.sync;
	}

}

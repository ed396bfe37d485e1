package io.teamlearnings.learnings;

import java.util.ArrayList;
import java.util.List;

/**
 * Published, synchronously, after a row that supersedes or withdraws another was written
 * to the canonical file. Listeners (memory admissions) may add proof lines that the
 * answer to the append carries; a listener's failure never undoes the row.
 */
public final class LearningSuperseded {

	private final String repo;

	private final String supersededId;

	private final String newId;

	private final boolean withdrawal;

	private final List<String> proofs = new ArrayList<>();

	LearningSuperseded(String repo, String supersededId, String newId, boolean withdrawal) {
		this.repo = repo;
		this.supersededId = supersededId;
		this.newId = newId;
		this.withdrawal = withdrawal;
	}

	/**
	 * @return the repository
	 */
	public String repo() {
		return this.repo;
	}

	/**
	 * @return the id of the row that was superseded or withdrawn
	 */
	public String supersededId() {
		return this.supersededId;
	}

	/**
	 * @return the id of the new row
	 */
	public String newId() {
		return this.newId;
	}

	/**
	 * @return whether the new row withdraws the old one rather than replacing it
	 */
	public boolean withdrawal() {
		return this.withdrawal;
	}

	/**
	 * Adds a proof line to the answer of the append.
	 * @param proof e.g.
	 * {@code memory-note: id=MSN-... kind=learning-supersession status=created}
	 */
	public void addProof(String proof) {
		this.proofs.add(proof);
	}

	List<String> proofs() {
		return List.copyOf(this.proofs);
	}

}

package io.teamlearnings.learnings;

import java.util.List;

/**
 * A feature that follows supersessions, such as memory admissions writing a note when an
 * admitted learning is superseded. Every follower bean is called, in order, after the new
 * row is on disk and before the append is answered; the proof lines it returns are added
 * to the answer ({@code memory_notes}). A follower's failure is logged and never undoes
 * the row.
 */
public interface SupersessionFollower {

	/**
	 * Follows one supersession.
	 * @param superseded what was written
	 * @return proof lines for the answer, e.g.
	 * {@code memory-note: id=MSN-... kind=learning-supersession status=created}; empty
	 * when there is nothing to follow
	 */
	List<String> follow(LearningSuperseded superseded);

}

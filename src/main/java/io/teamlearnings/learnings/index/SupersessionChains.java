package io.teamlearnings.learnings.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.lang.Nullable;

/**
 * The one definition of supersession chains, used by every view (browse, get, recall,
 * related, summary, themes, the digest, admissions) and by the write decision. Row B
 * supersedes row A when B's {@code supersedes_id} names A's id and B is not A: a row that
 * names itself supersedes nothing. The head of a chain is reached by following, from a
 * row, the latest (in file order) row that supersedes it, then the latest that supersedes
 * that one, and so on; a row is superseded when its chain goes past it, withdrawn when
 * the head is a {@code withdrawn} row, and active when it is neither and is not itself a
 * withdrawal.
 * <p>
 * Rows are added in file order; not thread-safe (owners guard it with their own lock).
 */
public final class SupersessionChains {

	private final Map<String, List<Link>> superseders = new HashMap<>();

	/**
	 * A row that supersedes another.
	 *
	 * @param ref the owner's reference to the row (a line number, a corpus position)
	 * @param id its id
	 * @param withdrawal whether it is a {@code withdrawn} row
	 */
	public record Link(long ref, String id, boolean withdrawal) {
	}

	/**
	 * Where a row stands in its chain.
	 *
	 * @param head the id of the last row of its chain; its own id when nothing supersedes
	 * it
	 * @param current the id of the row that now stands for it: the head, or for a
	 * withdrawn chain the last row before the withdrawal
	 * @param superseded whether a later row supersedes it
	 * @param withdrawn whether its chain ends in a withdrawal
	 * @param active whether it is the head of its chain and not a withdrawal itself
	 */
	public record Standing(String head, String current, boolean superseded, boolean withdrawn, boolean active) {
	}

	/**
	 * Adds a row, after every row before it in the file.
	 * @param ref the owner's reference to the row
	 * @param id its id
	 * @param supersedesId the id its {@code supersedes_id} names, if any
	 * @param withdrawal whether it is a {@code withdrawn} row
	 * @return the id of the row it supersedes, whose superseders changed; null when it
	 * supersedes nothing
	 */
	@Nullable
	public String add(long ref, String id, @Nullable String supersedesId, boolean withdrawal) {
		if (supersedesId == null || supersedesId.isEmpty() || supersedesId.equals(id)) {
			return null;
		}
		this.superseders.computeIfAbsent(supersedesId, (key) -> new ArrayList<>()).add(new Link(ref, id, withdrawal));
		return supersedesId;
	}

	/**
	 * @param id a row id
	 * @return the rows that supersede it, in file order
	 */
	public List<Link> superseders(String id) {
		return this.superseders.getOrDefault(id, List.of());
	}

	/**
	 * @param id a row id
	 * @return whether any row supersedes it
	 */
	public boolean isSuperseded(String id) {
		return this.superseders.containsKey(id);
	}

	/**
	 * The rows after {@code id} in its chain, in chain order (the head last), counting
	 * only the links {@code visible} accepts (such as rows captured by a point in time).
	 * @param id where the chain starts
	 * @param visible which superseding rows count
	 * @return the rows after it; empty when it is the head
	 */
	public List<Link> after(String id, Predicate<Link> visible) {
		List<Link> chain = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		seen.add(id);
		String current = id;
		while (true) {
			Link next = null;
			for (Link link : superseders(current)) {
				if (visible.test(link)) {
					next = link;
				}
			}
			if (next == null || !seen.add(next.id())) {
				return chain;
			}
			chain.add(next);
			current = next.id();
		}
	}

	/**
	 * Where row {@code id} stands, counting every link.
	 * @param id a row id
	 * @param withdrawal whether the row itself is a withdrawal
	 * @return its standing
	 */
	public Standing standing(String id, boolean withdrawal) {
		return standing(id, withdrawal, (link) -> true);
	}

	/**
	 * Where row {@code id} stands, counting only the links {@code visible} accepts.
	 * @param id a row id
	 * @param withdrawal whether the row itself is a withdrawal
	 * @param visible which superseding rows count
	 * @return its standing
	 */
	public Standing standing(String id, boolean withdrawal, Predicate<Link> visible) {
		List<Link> chain = after(id, visible);
		if (chain.isEmpty()) {
			return new Standing(id, id, false, false, !withdrawal);
		}
		Link head = chain.get(chain.size() - 1);
		String current = head.id();
		if (head.withdrawal()) {
			current = (chain.size() > 1) ? chain.get(chain.size() - 2).id() : id;
		}
		return new Standing(head.id(), current, true, head.withdrawal(), false);
	}

}

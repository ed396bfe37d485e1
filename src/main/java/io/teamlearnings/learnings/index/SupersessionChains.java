package io.teamlearnings.learnings.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.lang.Nullable;

/**
 * The one definition of supersession chains, used by every view (browse, get, recall,
 * related, summary, themes, the digest, codify candidates, admissions) and by the write
 * decision. Row B supersedes row A when B's {@code supersedes_id} names A's id, unless
 * that link is bad:
 * <ul>
 * <li>{@code self}: B names its own id;</li>
 * <li>{@code loop}: following the links already accepted from A (A supersedes ..., which
 * supersedes ...) reaches B, so the link would close a loop; links are judged in file
 * order, so the link that closes the loop is the one ignored.</li>
 * </ul>
 * A bad link is ignored for chains and listed by {@link #badLinks()}, as is a
 * {@code dangling} link: one naming an id no row carries (it still counts, so a row may
 * supersede a row that is not in the file, as the learnings tool allows). Accepted links
 * never form a loop (field report case B).
 * <p>
 * The head of a chain is reached by following, from a row, the latest (in file order) row
 * that supersedes it, then the latest that supersedes that one, and so on; a row is
 * superseded when its chain goes past it, withdrawn when the head is a {@code withdrawn}
 * row, and active when it is neither and is not itself a withdrawal. Where each id stands
 * when every link counts is remembered until the next row is added, so a view that asks
 * for every row of a chain {@code d} deep costs O(d) in all, not O(d) per row.
 * <p>
 * Rows are added in file order by one writer (owners guard it with their own lock);
 * standings may be read concurrently between adds.
 */
public final class SupersessionChains {

	/** The kind of a bad link: names its own row. */
	public static final String SELF = "self";

	/** The kind of a bad link: would close a loop. */
	public static final String LOOP = "loop";

	/** The kind of a bad link: names an id no row carries. */
	public static final String DANGLING = "dangling";

	private final Map<String, List<Link>> superseders = new HashMap<>();

	/**
	 * Union-find over ids joined by accepted links, to tell cheaply that no loop is near.
	 */
	private final Map<String, String> groups = new HashMap<>();

	/**
	 * A 64-bit hash of the id of every row added, in order (8 bytes a row, not a string
	 * each), sorted when bad links are asked for: all that a dangling link needs. Two ids
	 * share a hash with a chance of about one in 2^64 per pair, which would only hide a
	 * dangling link from {@link #badLinks()}.
	 */
	private long[] idHashes = new long[64];

	private int idCount;

	/** Accepted links as (ref, id, target), to find dangling ones. */
	private final List<BadLink> accepted = new ArrayList<>();

	private final List<BadLink> rejected = new ArrayList<>();

	private volatile View everyLink = new View((link) -> true, new ConcurrentHashMap<>());

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
	 * A {@code supersedes_id} that chains ignore or that names no row.
	 *
	 * @param ref the owner's reference to the row carrying it
	 * @param id that row's id
	 * @param supersedesId the id it names
	 * @param kind {@link #SELF}, {@link #LOOP} or {@link #DANGLING}
	 */
	public record BadLink(long ref, String id, String supersedesId, String kind) {
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
	 * The rest of a superseded row's chain.
	 *
	 * @param next the row that directly supersedes it (the latest one)
	 * @param head the last row of its chain
	 * @param beforeHead the id of the row just before the head (the row itself when
	 * {@code next} is the head)
	 */
	public record Tail(Link next, Link head, String beforeHead) {
	}

	/**
	 * Adds a row, after every row before it in the file.
	 * @param ref the owner's reference to the row
	 * @param id its id
	 * @param supersedesId the id its {@code supersedes_id} names, if any
	 * @param withdrawal whether it is a {@code withdrawn} row
	 * @return the id of the row it supersedes, whose superseders changed; null when it
	 * supersedes nothing (no link, or a bad one)
	 */
	@Nullable
	public String add(long ref, String id, @Nullable String supersedesId, boolean withdrawal) {
		if (this.idCount == this.idHashes.length) {
			this.idHashes = Arrays.copyOf(this.idHashes, this.idCount + (this.idCount >> 1));
		}
		this.idHashes[this.idCount++] = hash64(id);
		if (supersedesId == null || supersedesId.isEmpty()) {
			return null;
		}
		if (supersedesId.equals(id)) {
			this.rejected.add(new BadLink(ref, id, supersedesId, SELF));
			return null;
		}
		if (closesLoop(id, supersedesId)) {
			this.rejected.add(new BadLink(ref, id, supersedesId, LOOP));
			return null;
		}
		String group = find(id);
		String targetGroup = find(supersedesId);
		if (!group.equals(targetGroup)) {
			this.groups.put(group, targetGroup);
		}
		this.superseders.computeIfAbsent(supersedesId, (key) -> new ArrayList<>()).add(new Link(ref, id, withdrawal));
		this.accepted.add(new BadLink(ref, id, supersedesId, DANGLING));
		if (!this.everyLink.tails.isEmpty()) {
			this.everyLink = new View((link) -> true, new ConcurrentHashMap<>());
		}
		return supersedesId;
	}

	/**
	 * Whether a link "{@code id} supersedes {@code target}" would close a loop: whether
	 * {@code target} can already be reached from {@code id} through the rows that
	 * supersede it. Ids in different groups cannot reach each other, so the walk happens
	 * only for ids already joined.
	 */
	private boolean closesLoop(String id, String target) {
		if (!find(id).equals(find(target))) {
			return false;
		}
		Set<String> seen = new HashSet<>();
		List<String> toVisit = new ArrayList<>(List.of(id));
		while (!toVisit.isEmpty()) {
			String current = toVisit.remove(toVisit.size() - 1);
			if (current.equals(target)) {
				return true;
			}
			if (seen.add(current)) {
				superseders(current).forEach((link) -> toVisit.add(link.id()));
			}
		}
		return false;
	}

	private String find(String id) {
		String root = id;
		String parent;
		while ((parent = this.groups.get(root)) != null) {
			root = parent;
		}
		String current = id;
		while (!current.equals(root)) {
			String next = this.groups.put(current, root);
			current = (next != null) ? next : root;
		}
		return root;
	}

	/**
	 * Links chains ignore ({@code self}, {@code loop}) and links to ids no row carries
	 * ({@code dangling}), in the order of the rows carrying them.
	 * @return the bad links
	 */
	public List<BadLink> badLinks() {
		List<BadLink> bad = new ArrayList<>(this.rejected);
		long[] ids = Arrays.copyOf(this.idHashes, this.idCount);
		Arrays.sort(ids);
		this.accepted.stream()
			.filter((link) -> Arrays.binarySearch(ids, hash64(link.supersedesId())) < 0)
			.forEach(bad::add);
		bad.sort(Comparator.comparingLong(BadLink::ref));
		return bad;
	}

	/** FNV-1a over the id's UTF-16 code units, 64 bits wide. */
	private static long hash64(String id) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < id.length(); i++) {
			hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
		}
		return hash;
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
			Link next = latest(current, visible);
			if (next == null || !seen.add(next.id())) {
				return chain;
			}
			chain.add(next);
			current = next.id();
		}
	}

	@Nullable
	private Link latest(String id, Predicate<Link> visible) {
		Link next = null;
		for (Link link : superseders(id)) {
			if (visible.test(link)) {
				next = link;
			}
		}
		return next;
	}

	/**
	 * Where row {@code id} stands, counting every link; remembered until the next add.
	 * @param id a row id
	 * @param withdrawal whether the row itself is a withdrawal
	 * @return its standing
	 */
	public Standing standing(String id, boolean withdrawal) {
		return this.everyLink.standing(id, withdrawal);
	}

	/**
	 * Where row {@code id} stands, counting only the links {@code visible} accepts.
	 * O(depth of the chain); for many rows, ask one {@link #view} instead.
	 * @param id a row id
	 * @param withdrawal whether the row itself is a withdrawal
	 * @param visible which superseding rows count
	 * @return its standing
	 */
	public Standing standing(String id, boolean withdrawal, Predicate<Link> visible) {
		return view(visible).standing(id, withdrawal);
	}

	/**
	 * The chains counting only the links {@code visible} accepts, remembering each id's
	 * tail as it is asked for, so that asking for every row of a chain costs O(depth) in
	 * all. Valid until the next add.
	 * @param visible which superseding rows count
	 * @return the view
	 */
	public View view(Predicate<Link> visible) {
		return new View(visible, new HashMap<>());
	}

	/** The chains as some links see them, each id's tail computed once. */
	public final class View {

		private static final Tail HEAD = new Tail(new Link(-1, "", false), new Link(-1, "", false), "");

		private final Predicate<Link> visible;

		private final Map<String, Tail> tails;

		private View(Predicate<Link> visible, Map<String, Tail> tails) {
			this.visible = visible;
			this.tails = tails;
		}

		/**
		 * The rest of row {@code id}'s chain.
		 * @param id a row id
		 * @return its tail; null when it is the head of its chain
		 */
		@Nullable
		public Tail tail(String id) {
			List<String> path = new ArrayList<>();
			List<Link> nexts = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			String current = id;
			Tail known;
			while (true) {
				known = this.tails.get(current);
				if (known != null) {
					break;
				}
				Link next = latest(current, this.visible);
				if (next == null || !seen.add(current)) {
					known = HEAD;
					this.tails.put(current, HEAD);
					break;
				}
				path.add(current);
				nexts.add(next);
				current = next.id();
			}
			for (int i = path.size() - 1; i >= 0; i--) {
				Link next = nexts.get(i);
				known = (known == HEAD) ? new Tail(next, next, path.get(i))
						: new Tail(next, known.head(), known.beforeHead());
				this.tails.put(path.get(i), known);
			}
			return (known == HEAD) ? null : known;
		}

		/**
		 * Where row {@code id} stands.
		 * @param id a row id
		 * @param withdrawal whether the row itself is a withdrawal
		 * @return its standing
		 */
		public Standing standing(String id, boolean withdrawal) {
			Tail tail = tail(id);
			if (tail == null) {
				return new Standing(id, id, false, false, !withdrawal);
			}
			Link head = tail.head();
			String current = head.withdrawal() ? tail.beforeHead() : head.id();
			return new Standing(head.id(), current, true, head.withdrawal(), false);
		}

	}

}

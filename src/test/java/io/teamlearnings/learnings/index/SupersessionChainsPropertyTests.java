package io.teamlearnings.learnings.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.teamlearnings.learnings.index.SupersessionChains.Standing;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Supersession chains over generated link sets (self links, forward links, loops,
 * withdrawals) agree with what the links plainly say once the links that would close a
 * loop, judged in file order, are left out; and no chain ever loops.
 */
class SupersessionChainsPropertyTests {

	private static final int MAX_ROWS = 12;

	/**
	 * One generated row {@code r<i>}: the row it names in {@code supersedes_id} (an index
	 * taken modulo the number of rows, so it may be itself or a later row; negative for
	 * none) and whether it is a withdrawal.
	 */
	record Spec(int target, boolean withdrawal) {
	}

	private static Gen<List<Spec>> rows() {
		return lists().of(integers().between(-3, MAX_ROWS - 1).zip(booleans().all(), Spec::new))
			.ofSizeBetween(1, MAX_ROWS);
	}

	@Test
	void aRowIsActiveExactlyWhenNoOtherRowSupersedesItAndItIsNoWithdrawal() {
		qt().withExamples(1000).forAll(rows()).checkAssert((rows) -> {
			SupersessionChains chains = chains(rows);
			for (int i = 0; i < rows.size(); i++) {
				Standing standing = chains.standing(id(i), rows.get(i).withdrawal());
				boolean superseded = supersededByAnother(rows, i);
				assertThat(standing.superseded()).as("superseded r%d in %s", i, rows).isEqualTo(superseded);
				assertThat(standing.active()).as("active r%d in %s", i, rows)
					.isEqualTo(!superseded && !rows.get(i).withdrawal());
				if (!superseded) {
					assertThat(standing).isEqualTo(new Standing(id(i), id(i), false, false, !rows.get(i).withdrawal()));
				}
			}
		});
	}

	@Test
	void noChainLoopsAndEveryIgnoredLinkIsListed() {
		qt().withExamples(1000).forAll(rows()).checkAssert((rows) -> {
			SupersessionChains chains = chains(rows);
			for (int i = 0; i < rows.size(); i++) {
				String head = chains.standing(id(i), rows.get(i).withdrawal()).head();
				assertThat(chains.isSuperseded(head)).as("r%d has superseded head %s in %s", i, head, rows).isFalse();
			}
			List<Integer> ignored = new ArrayList<>();
			List<Integer> accepted = accepted(rows);
			for (int i = 0; i < rows.size(); i++) {
				if (supersedes(rows, i) != null && !accepted.contains(i)) {
					ignored.add(i + 1);
				}
			}
			assertThat(chains.badLinks()).extracting((link) -> (int) link.ref()).as("%s", rows).isEqualTo(ignored);
		});
	}

	@Test
	void aWithdrawnChainEndsInAWithdrawalAndStandsForTheRowItWithdrew() {
		qt().withExamples(1000).forAll(rows()).checkAssert((rows) -> {
			SupersessionChains chains = chains(rows);
			for (int i = 0; i < rows.size(); i++) {
				Standing standing = chains.standing(id(i), rows.get(i).withdrawal());
				int head = Integer.parseInt(standing.head().substring(1));
				assertThat(standing.withdrawn()).isEqualTo(standing.superseded() && rows.get(head).withdrawal());
				if (!standing.withdrawn()) {
					assertThat(standing.current()).isEqualTo(standing.head());
				}
				else {
					// the withdrawal is the latest row superseding the row it stands for
					List<SupersessionChains.Link> superseders = chains.superseders(standing.current());
					assertThat(superseders).isNotEmpty();
					assertThat(superseders.get(superseders.size() - 1).id()).isEqualTo(standing.head());
				}
			}
		});
	}

	private static SupersessionChains chains(List<Spec> rows) {
		SupersessionChains chains = new SupersessionChains();
		for (int i = 0; i < rows.size(); i++) {
			chains.add(i + 1, id(i), supersedes(rows, i), rows.get(i).withdrawal());
		}
		return chains;
	}

	/** The id row {@code i} names, or null. */
	private static String supersedes(List<Spec> rows, int i) {
		int target = rows.get(i).target();
		return (target < 0) ? null : id(target % rows.size());
	}

	private static boolean supersededByAnother(List<Spec> rows, int i) {
		for (int j : accepted(rows)) {
			if (id(i).equals(supersedes(rows, j))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The rows whose link counts, judged plainly in file order: a link to itself never
	 * does, nor one from which following the links counted so far leads back to the row.
	 */
	private static List<Integer> accepted(List<Spec> rows) {
		List<Integer> accepted = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			String target = supersedes(rows, i);
			if (target == null || target.equals(id(i))) {
				continue;
			}
			if (!reaches(rows, accepted, Integer.parseInt(target.substring(1)), i, new HashSet<>())) {
				accepted.add(i);
			}
		}
		return accepted;
	}

	/**
	 * Whether following counted links (row to the row it supersedes) from one row reaches
	 * another.
	 */
	private static boolean reaches(List<Spec> rows, List<Integer> accepted, int from, int to, Set<Integer> seen) {
		if (from == to) {
			return true;
		}
		if (!seen.add(from)) {
			return false;
		}
		for (int j : accepted) {
			if (j == from && reaches(rows, accepted, Integer.parseInt(supersedes(rows, j).substring(1)), to, seen)) {
				return true;
			}
		}
		return false;
	}

	private static String id(int i) {
		return "r" + i;
	}

}

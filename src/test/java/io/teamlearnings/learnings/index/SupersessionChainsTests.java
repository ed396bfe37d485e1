package io.teamlearnings.learnings.index;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.teamlearnings.learnings.index.SupersessionChains.BadLink;
import io.teamlearnings.learnings.index.SupersessionChains.Link;
import io.teamlearnings.learnings.index.SupersessionChains.Standing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The one definition of superseded, head, withdrawn and active rows that every view and
 * the write decision share.
 */
class SupersessionChainsTests {

	private final SupersessionChains chains = new SupersessionChains();

	private long line;

	@Test
	void aRowThatNamesItselfSupersedesNothingAndStaysActive() {
		assertThat(row("A")).isNull();
		assertThat(row("B", "B")).isNull();
		assertThat(row("C", "")).isNull();

		assertThat(this.chains.isSuperseded("B")).isFalse();
		assertThat(this.chains.superseders("B")).isEmpty();
		assertThat(this.chains.standing("B", false)).isEqualTo(new Standing("B", "B", false, false, true));
	}

	@Test
	void aRowNamingAnotherIdSupersedesIt() {
		row("A");
		assertThat(row("B", "A")).isEqualTo("A");

		assertThat(this.chains.isSuperseded("A")).isTrue();
		assertThat(this.chains.superseders("A")).containsExactly(new Link(2, "B", false));
		assertThat(this.chains.standing("A", false)).isEqualTo(new Standing("B", "B", true, false, false));
		assertThat(this.chains.standing("B", false)).isEqualTo(new Standing("B", "B", false, false, true));
	}

	@Test
	void aRowMayNameAnIdNoRowCarriesAndThatIdCountsAsSuperseded() {
		assertThat(row("B", "ghost")).isEqualTo("ghost");

		assertThat(this.chains.standing("ghost", false)).isEqualTo(new Standing("B", "B", true, false, false));
		assertThat(this.chains.standing("B", false).active()).isTrue();
	}

	@Test
	void followsAChainOfSeveralStepsToItsHead() {
		row("A");
		row("B", "A");
		row("C", "B");
		row("D", "C");

		assertThat(this.chains.after("A", (link) -> true)).extracting(Link::id, Link::ref)
			.containsExactly(tuple("B", 2L), tuple("C", 3L), tuple("D", 4L));
		assertThat(this.chains.standing("A", false)).isEqualTo(new Standing("D", "D", true, false, false));
		assertThat(this.chains.standing("C", false)).isEqualTo(new Standing("D", "D", true, false, false));
		assertThat(this.chains.standing("D", false)).isEqualTo(new Standing("D", "D", false, false, true));
		assertThat(this.chains.after("D", (link) -> true)).isEmpty();
	}

	@Test
	void whenTwoRowsSupersedeTheSameRowTheLaterOneCarriesTheChain() {
		row("A");
		row("B", "A");
		row("C", "A");

		assertThat(this.chains.superseders("A")).extracting(Link::id).containsExactly("B", "C");
		assertThat(this.chains.standing("A", false)).isEqualTo(new Standing("C", "C", true, false, false));
		// the earlier superseder is left as the head of nothing but itself: still active
		assertThat(this.chains.standing("B", false)).isEqualTo(new Standing("B", "B", false, false, true));
	}

	@Test
	void atEachStepTheLatestSupersederInFileOrderIsFollowed() {
		row("A");
		row("B", "A");
		row("C", "B");
		row("X", "A");

		// from A the chain turns to X, the later superseder of A, and leaves B's own
		// chain
		assertThat(this.chains.after("A", (link) -> true)).extracting(Link::id).containsExactly("X");
		assertThat(this.chains.standing("A", false).head()).isEqualTo("X");
		assertThat(this.chains.standing("B", false)).isEqualTo(new Standing("C", "C", true, false, false));
		assertThat(this.chains.standing("C", false).active()).isTrue();
		assertThat(this.chains.standing("X", false).active()).isTrue();
	}

	@Test
	void aChainEndingInAWithdrawalIsWithdrawnAndStandsForTheRowBeforeIt() {
		row("A");
		row("B", "A");
		withdrawal("W", "B");

		assertThat(this.chains.standing("A", false)).isEqualTo(new Standing("W", "B", true, true, false));
		assertThat(this.chains.standing("B", false)).isEqualTo(new Standing("W", "B", true, true, false));
	}

	@Test
	void withdrawingARowDirectlyLeavesTheRowItselfAsCurrent() {
		row("A");
		withdrawal("W", "A");

		assertThat(this.chains.superseders("A")).containsExactly(new Link(2, "W", true));
		assertThat(this.chains.standing("A", false)).isEqualTo(new Standing("W", "A", true, true, false));
	}

	@Test
	void aWithdrawalRowIsNeverActiveEvenAtTheHeadOfItsChain() {
		row("A");
		withdrawal("W", "A");

		assertThat(this.chains.standing("W", true)).isEqualTo(new Standing("W", "W", false, false, false));
	}

	@Test
	void aWithdrawalThatIsItselfSupersededNoLongerWithdrawsTheChain() {
		row("A");
		withdrawal("W", "A");
		row("R", "W");

		assertThat(this.chains.standing("A", false)).isEqualTo(new Standing("R", "R", true, false, false));
		assertThat(this.chains.standing("W", true)).isEqualTo(new Standing("R", "R", true, false, false));
		assertThat(this.chains.standing("R", false).active()).isTrue();
	}

	@Test
	void onlyVisibleLinksCountSoAnEarlierPointInTimeSeesAnEarlierHead() {
		row("A");
		row("B", "A");
		row("C", "B");
		withdrawal("W", "C");

		assertThat(this.chains.after("A", (link) -> link.ref() <= 3)).extracting(Link::id).containsExactly("B", "C");
		assertThat(this.chains.standing("A", false, (link) -> link.ref() <= 3))
			.isEqualTo(new Standing("C", "C", true, false, false));
		assertThat(this.chains.standing("A", false, (link) -> link.ref() <= 2))
			.isEqualTo(new Standing("B", "B", true, false, false));
		assertThat(this.chains.standing("A", false, (link) -> link.ref() <= 1))
			.isEqualTo(new Standing("A", "A", false, false, true));
		assertThat(this.chains.standing("A", false)).isEqualTo(new Standing("W", "C", true, true, false));
	}

	@Test
	void anInvisibleLaterSupersederLeavesTheChainToTheVisibleEarlierOne() {
		row("A");
		row("B", "A");
		row("X", "A");

		assertThat(this.chains.after("A", (link) -> !link.id().equals("X"))).extracting(Link::id).containsExactly("B");
		assertThat(this.chains.standing("A", false, (link) -> !link.id().equals("X")).head()).isEqualTo("B");
	}

	/**
	 * Field report case B: A supersedes B and B supersedes A. Links are judged in file
	 * order: the one that would close the loop (B's) is ignored and listed as a bad link.
	 */
	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void theLinkThatWouldCloseALoopOfTwoIsIgnoredAndListed() {
		row("A", "B");
		row("B", "A");

		assertThat(this.chains.after("B", (link) -> true)).extracting(Link::id).containsExactly("A");
		assertThat(this.chains.standing("B", false)).isEqualTo(new Standing("A", "A", true, false, false));
		assertThat(this.chains.standing("A", false)).isEqualTo(new Standing("A", "A", false, false, true));
		assertThat(this.chains.badLinks()).containsExactly(new BadLink(2, "B", "A", SupersessionChains.LOOP));
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void theLinkThatWouldCloseALoopOfThreeIsIgnored() {
		row("A", "C");
		row("B", "A");
		row("C", "B");

		assertThat(this.chains.after("C", (link) -> true)).extracting(Link::id).containsExactly("A", "B");
		assertThat(this.chains.standing("C", false).head()).isEqualTo("B");
		assertThat(this.chains.standing("B", false).active()).isTrue();
		assertThat(this.chains.badLinks()).extracting(BadLink::id, BadLink::kind)
			.containsExactly(tuple("C", SupersessionChains.LOOP));
	}

	@Test
	void selfAndDanglingLinksAreListedInRowOrder() {
		row("A", "A");
		row("B", "ghost");
		row("C", "B");

		assertThat(this.chains.badLinks()).containsExactly(new BadLink(1, "A", "A", SupersessionChains.SELF),
				new BadLink(2, "B", "ghost", SupersessionChains.DANGLING));
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void aChainOfFiveThousandRowsAnswersFromItsFirstRow() {
		int rows = 5_000;
		row("r0");
		for (int i = 1; i < rows; i++) {
			row("r" + i, "r" + (i - 1));
		}

		assertThat(this.chains.standing("r0", false)).isEqualTo(new Standing("r4999", "r4999", true, false, false));
		assertThat(this.chains.standing("r2500", false)).isEqualTo(new Standing("r4999", "r4999", true, false, false));
		assertThat(this.chains.standing("r4999", false)).isEqualTo(new Standing("r4999", "r4999", false, false, true));
		List<Link> after = this.chains.after("r0", (link) -> true);
		assertThat(after).hasSize(rows - 1);
		assertThat(after.get(0)).isEqualTo(new Link(2, "r1", false));
		assertThat(after.get(rows - 2)).isEqualTo(new Link(rows, "r4999", false));
	}

	@Test
	void addReportsTheRowWhoseSupersedersChanged() {
		row("A");
		assertThat(row("B", "A")).isEqualTo("A");
		assertThat(withdrawal("W", "B")).isEqualTo("B");
		assertThat(this.chains.superseders("B")).containsExactly(new Link(3, "W", true));
	}

	private String row(String id) {
		return row(id, null);
	}

	private String row(String id, String supersedes) {
		return this.chains.add(++this.line, id, supersedes, false);
	}

	private String withdrawal(String id, String target) {
		return this.chains.add(++this.line, id, target, true);
	}

}

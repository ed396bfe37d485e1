package io.teamlearnings.learnings.recall;

import java.nio.file.Path;
import java.util.List;

import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.learnings.index.LearningNotFoundException;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.support.LearningLines;
import io.teamlearnings.support.LearningLines.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.test.context.TestPropertySource;

import static io.teamlearnings.support.LearningLines.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Near-duplicates by the Jaccard similarity of the learnings' analysed terms, against
 * rows in a real index: the 0.8 threshold, the four-term minimum, the status and the
 * superseded row, and the nearest rows of one row.
 */
@JdbcTest
// the index poll would call the Repositories mock while a test stubs it (a Mockito race)
@TestPropertySource(properties = "learnings.store.poll-interval=1h")
@Import(RecallSlice.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class NearDuplicatesTests {

	// Analysed terms of the texts below:
	// KEYS: rotat sign kei befor cut releas branch (7)
	// KEYS_WEEKLY: the same and weekli (8)
	// KEYS_AFTER: rotat sign kei after everi releas branch cut (8)
	// NODE: pin node version ci (4)

	private static final String KEYS = "Rotate signing keys before cutting the release branch";

	private static final String KEYS_WEEKLY = "Rotate the signing keys before the release branch is cut weekly";

	private static final String KEYS_AFTER = "Rotate signing keys after every release branch cut";

	private static final String NODE = "Pin the node version in CI";

	@TempDir
	Path root;

	@Autowired
	LearningIndex index;

	@Autowired
	NearDuplicates nearDuplicates;

	@Test
	void findsARowOfTheSameStatusSharingSevenOfEightTerms() throws Exception {
		Repo repo = store(row("lrn-keys").learning(KEYS), row("lrn-node").learning(NODE));

		assertThat(this.nearDuplicates.find(repo, "do_more", this.nearDuplicates.terms(KEYS_WEEKLY), null))
			.isEqualTo(new NearDuplicates.Match("lrn-keys", 0.875));
	}

	@Test
	void aRowExactlyAtTheThresholdIsANearDuplicate() throws Exception {
		Repo repo = store(row("lrn-node").learning(NODE));

		// pin node version ci nvmrc: 4 shared of 5
		assertThat(this.nearDuplicates.find(repo, "do_more",
				this.nearDuplicates.terms("Pin the node version in CI with nvmrc"), null))
			.isEqualTo(new NearDuplicates.Match("lrn-node", 0.8));
	}

	@Test
	void aRowBelowTheThresholdIsNot() throws Exception {
		Repo repo = store(row("lrn-keys").learning(KEYS));

		// rotat sign kei befor tag releas: 5 shared of 8, 0.625
		assertThat(this.nearDuplicates.find(repo, "do_more",
				this.nearDuplicates.terms("Rotate signing keys before tagging the release"), null))
			.isNull();
	}

	@Test
	void aRowWithAnotherStatusIsNoNearDuplicate() throws Exception {
		Repo repo = store(row("lrn-keys").learning(KEYS).status("do_more"));

		assertThat(this.nearDuplicates.find(repo, "do_less", this.nearDuplicates.terms(KEYS), null)).isNull();
		assertThat(this.nearDuplicates.find(repo, "do_more", this.nearDuplicates.terms(KEYS), null))
			.isEqualTo(new NearDuplicates.Match("lrn-keys", 1.0));
	}

	@Test
	void textsOfFewerThanFourTermsNeverMatchEvenWhenIdentical() throws Exception {
		Repo repo = store(row("lrn-short").learning("Prefer small commits"));

		assertThat(this.nearDuplicates.find(repo, "do_more", this.nearDuplicates.terms("Prefer small commits!"), null))
			.isNull();
		int[] three = this.nearDuplicates.terms("Prefer small commits").signature();
		int[] four = this.nearDuplicates.terms(NODE).signature();
		assertThat(three).hasSize(NearDuplicates.MIN_TERMS - 1);
		assertThat(this.nearDuplicates.match("x", three, three)).isNull();
		assertThat(this.nearDuplicates.match("x", four, four)).isEqualTo(new NearDuplicates.Match("x", 1.0));
	}

	@Test
	void picksTheMostSimilarRowAndSkipsTheRowBeingSuperseded() throws Exception {
		Repo repo = store(row("lrn-weekly").learning(KEYS_WEEKLY), row("lrn-keys").learning(KEYS),
				row("lrn-node").learning(NODE));
		String query = "Rotate signing keys before the release branch is cut";

		assertThat(this.nearDuplicates.find(repo, "do_more", this.nearDuplicates.terms(query), null))
			.isEqualTo(new NearDuplicates.Match("lrn-keys", 1.0));
		assertThat(this.nearDuplicates.find(repo, "do_more", this.nearDuplicates.terms(query), "lrn-keys"))
			.isEqualTo(new NearDuplicates.Match("lrn-weekly", 0.875));
		assertThat(this.nearDuplicates.find(repo, "do_more", this.nearDuplicates.terms(KEYS), "lrn-keys"))
			.isEqualTo(new NearDuplicates.Match("lrn-weekly", 0.875));
	}

	@Test
	void listsTheNearestRowsMostSimilarFirstWithoutItselfOrWithdrawals() throws Exception {
		Repo repo = store(row("lrn-keys").learning(KEYS), row("lrn-after").learning(KEYS_AFTER),
				row("lrn-weekly").learning(KEYS_WEEKLY).status("codify_now"), row("lrn-node").learning(NODE),
				row("lrn-short").learning("Rotate keys"), row("lrn-withdrawal").withdraws("lrn-after").learning(KEYS));

		List<NearDuplicates.Match> nearest = this.nearDuplicates.nearest(repo, "lrn-keys", 10);

		// any status; a withdrawn row is listed, the withdrawal row and unrelated rows
		// are not; short rows are compared too
		assertThat(nearest).extracting(NearDuplicates.Match::id)
			.containsExactly("lrn-weekly", "lrn-after", "lrn-short");
		assertThat(nearest.get(0).similarity()).isEqualTo(0.875);
		assertThat(nearest.get(1).similarity()).isCloseTo(0.6667, within(0.00005));
		assertThat(nearest.get(2).similarity()).isCloseTo(0.2857, within(0.00005));
		assertThat(this.nearDuplicates.nearest(repo, "lrn-keys", 1)).extracting(NearDuplicates.Match::id)
			.containsExactly("lrn-weekly");
	}

	@Test
	void rowsAsSimilarAsEachOtherKeepTheirFileOrder() throws Exception {
		Repo repo = store(row("lrn-b").learning(KEYS), row("lrn-keys").learning(KEYS_WEEKLY),
				row("lrn-a").learning(KEYS));

		assertThat(this.nearDuplicates.nearest(repo, "lrn-keys", 10))
			.containsExactly(new NearDuplicates.Match("lrn-b", 0.875), new NearDuplicates.Match("lrn-a", 0.875));
	}

	@Test
	void theNearestRowsOfAnUnknownIdAreNotFound() throws Exception {
		Repo repo = store(row("lrn-keys").learning(KEYS));

		assertThatExceptionOfType(LearningNotFoundException.class)
			.isThrownBy(() -> this.nearDuplicates.nearest(repo, "lrn-nope", 5))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail())
				.isEqualTo("No learning with id 'lrn-nope' in repository 'near-duplicates'."));
	}

	private Repo store(Line... lines) throws Exception {
		LearningLines.write(this.root, lines);
		Repo repo = new Repo("near-duplicates", this.root);
		this.index.rebuild(repo);
		return repo;
	}

}

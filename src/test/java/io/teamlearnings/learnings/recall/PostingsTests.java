package io.teamlearnings.learnings.recall;

import java.util.Random;

import io.teamlearnings.learnings.analysis.TermVector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Postings step forward to a row as a scan would, however near or far it is.
 */
class PostingsTests {

	@Test
	void advanceFindsTheFirstPositionAtOrAfterTheRowAskedFor() {
		qt().withExamples(300).forAll(longs().all()).checkAssert((seed) -> {
			Random random = new Random(seed);
			Postings postings = new Postings();
			int doc = -1;
			for (int i = random.nextInt(300); i > 0; i--) {
				doc += 1 + random.nextInt(random.nextBoolean() ? 3 : 500);
				postings.add(doc, TermVector.Field.LEARNING, 1, 1);
			}
			for (int probe = 0; probe < 50; probe++) {
				int from = random.nextInt(postings.size() + 1);
				int target = random.nextInt(doc + 10);
				int scanned = from;
				while (scanned < postings.size() && postings.doc(scanned) < target) {
					scanned++;
				}
				assertThat(postings.advance(from, target)).as("from %d to row %d", from, target).isEqualTo(scanned);
			}
		});
	}

}

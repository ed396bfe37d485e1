package io.teamlearnings.learnings.recall;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.teamlearnings.learnings.analysis.TermVector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Postings keep every frequency as it was added, packed or not, and step forward to a row
 * as a scan would, however near or far it is.
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

	@Test
	void everyFrequencyReadsBackAsAddedWhetherPackedOrNotAndAfterATrim() {
		qt().withExamples(300).forAll(longs().all()).checkAssert((seed) -> {
			Random random = new Random(seed);
			Postings postings = new Postings();
			List<int[]> expected = new ArrayList<>();
			int doc = -1;
			for (int i = random.nextInt(200); i > 0; i--) {
				doc += 1 + random.nextInt(5);
				int[] frequencies = new int[TermVector.Field.ALL.length];
				for (TermVector.Field field : TermVector.Field.ALL) {
					if (random.nextInt(3) == 0) {
						continue;
					}
					// mostly small; sometimes at, around or far beyond what 6 bits hold
					int frequency = switch (random.nextInt(6)) {
						case 0 -> Postings.OVERFLOW - 1 + random.nextInt(3);
						case 1 -> 1 + random.nextInt(100_000);
						default -> 1 + random.nextInt(4);
					};
					postings.add(doc, field, frequency, 10);
					if (random.nextInt(8) == 0) {
						// the same field of the same row again: the later frequency wins
						frequency = 1 + random.nextInt(random.nextBoolean() ? 3 : 200);
						postings.add(doc, field, frequency, 10);
					}
					frequencies[field.ordinal()] = Math.min(frequency, Short.MAX_VALUE);
				}
				if (Arrays.stream(frequencies).anyMatch((frequency) -> frequency > 0)) {
					expected.add(frequencies);
				}
				if (random.nextInt(50) == 0) {
					postings.trim();
				}
			}
			postings.trim();
			assertThat(postings.size()).isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				for (TermVector.Field field : TermVector.Field.ALL) {
					assertThat(postings.frequency(i, field)).as("posting %d, %s", i, field)
						.isEqualTo(expected.get(i)[field.ordinal()]);
				}
			}
		});
	}

}

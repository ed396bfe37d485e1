package io.teamlearnings.system;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Jaccard similarity from counts, from sets and from sorted arrays, the measure behind
 * near-duplicates and themes.
 */
class JaccardTests {

	@Test
	void dividesTheSharedCountByTheSizeOfTheUnion() {
		assertThat(Jaccard.of(2, 3, 3)).isEqualTo(0.5);
		assertThat(Jaccard.of(7, 7, 8)).isEqualTo(0.875);
		assertThat(Jaccard.of(3, 7, 6)).isEqualTo(0.3);
		assertThat(Jaccard.of(4, 4, 4)).isEqualTo(1.0);
		assertThat(Jaccard.of(0, 5, 2)).isZero();
	}

	@Test
	void twoEmptySetsHaveSimilarityZeroNotNaN() {
		assertThat(Jaccard.of(0, 0, 0)).isZero();
		assertThat(Jaccard.of(Set.of(), Set.of())).isZero();
		assertThat(Jaccard.ofSorted(new int[0], new int[0])).isZero();
	}

	@Test
	void comparesSetsByTheirElements() {
		assertThat(Jaccard.of(Set.of("a", "b", "c"), Set.of("b", "c", "d"))).isEqualTo(0.5);
		assertThat(Jaccard.of(Set.of("a"), Set.of("b"))).isZero();
		assertThat(Jaccard.of(Set.of("a", "b"), Set.of("b", "a"))).isEqualTo(1.0);
	}

	@Test
	void doesNotChangeTheSetsItCompares() {
		Set<String> a = new HashSet<>(List.of("a", "b", "c"));
		Set<String> b = new HashSet<>(List.of("c", "d"));

		assertThat(Jaccard.of(a, b)).isEqualTo(0.25);
		assertThat(a).containsExactlyInAnyOrder("a", "b", "c");
		assertThat(b).containsExactlyInAnyOrder("c", "d");
	}

	@Test
	void walksSortedArraysIncludingNegativeValues() {
		assertThat(Jaccard.ofSorted(new int[] { 1, 3, 5, 7 }, new int[] { 3, 4, 5 })).isEqualTo(0.4);
		assertThat(Jaccard.ofSorted(new int[] { -9, -2, 0, 4 }, new int[] { -9, 0, 4, 8 })).isEqualTo(0.6);
		assertThat(Jaccard.ofSorted(new int[] { 1, 2 }, new int[0])).isZero();
	}

	@Test
	void sortedArraysAndSetsAgree() {
		qt().withExamples(500)
			.forAll(lists().of(integers().between(-20, 20)).ofSizeBetween(0, 15),
					lists().of(integers().between(-20, 20)).ofSizeBetween(0, 15))
			.checkAssert((left, right) -> {
				int[] a = left.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
				int[] b = right.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
				double expected = Jaccard.of(new HashSet<>(left), new HashSet<>(right));
				assertThat(Jaccard.ofSorted(a, b)).as("%s %s", Arrays.toString(a), Arrays.toString(b))
					.isCloseTo(expected, within(1e-12));
				assertThat(Jaccard.ofSorted(b, a)).isEqualTo(Jaccard.ofSorted(a, b));
			});
	}

}

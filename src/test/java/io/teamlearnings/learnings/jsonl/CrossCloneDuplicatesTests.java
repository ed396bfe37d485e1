package io.teamlearnings.learnings.jsonl;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrossCloneDuplicatesTests {

	@Test
	void marksALaterRowWithAnEarlierRowsFingerprint() {
		CrossCloneDuplicates copies = new CrossCloneDuplicates();

		assertThat(copies.next("89ccd4c6a81eeb1d", null)).isFalse();
		assertThat(copies.next("2b73fc1f0865f8ac", null)).isFalse();
		assertThat(copies.next("89ccd4c6a81eeb1d", null)).isTrue();
		assertThat(copies.next("89ccd4c6a81eeb1d", "")).isTrue();
	}

	@Test
	void neitherARowThatSupersedesNorOneWithoutFingerprintIsADuplicate() {
		CrossCloneDuplicates copies = new CrossCloneDuplicates();
		copies.next("89ccd4c6a81eeb1d", null);

		assertThat(copies.next("89ccd4c6a81eeb1d", "lrn-20260620T183000Z-89ccd4c6")).isFalse();
		assertThat(copies.next("", null)).isFalse();
		assertThat(copies.next("", null)).isFalse();
		assertThat(copies.next(null, null)).isFalse();
	}

	@Test
	void tellsFingerprintsOfEveryFormAcrossManyRows() {
		CrossCloneDuplicates copies = new CrossCloneDuplicates();
		List<Boolean> first = new ArrayList<>();
		for (int i = 1; i <= 10_000; i++) {
			first.add(copies.next(String.format("%016x", i * 7919L), null));
		}
		first.add(copies.next("not-a-tool-fingerprint", null));
		first.add(copies.next("0000000000000000", null));

		assertThat(first).containsOnly(false);
		assertThat(copies.next(String.format("%016x", 9_999 * 7919L), null)).isTrue();
		assertThat(copies.next("not-a-tool-fingerprint", null)).isTrue();
		assertThat(copies.next("0000000000000000", null)).isTrue();
		assertThat(copies.next(String.format("%016x", 10_001 * 7919L), null)).isFalse();
	}

}

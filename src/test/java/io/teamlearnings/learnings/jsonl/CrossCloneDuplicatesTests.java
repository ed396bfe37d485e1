package io.teamlearnings.learnings.jsonl;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrossCloneDuplicatesTests {

	private static final String RULE = "When a migration renames a column, add a view with the old name";

	@Test
	void marksALaterRowWithAnEarlierRowsRule() {
		CrossCloneDuplicates copies = new CrossCloneDuplicates();

		assertThat(copies.next("do_more", RULE, null)).isFalse();
		assertThat(copies.next("do_less", RULE, null)).isFalse();
		assertThat(copies.next("do_more", RULE, null)).isTrue();
		assertThat(copies.next("do_more", "  " + RULE.toUpperCase(java.util.Locale.ROOT) + " ", "")).isTrue();
	}

	@Test
	void aRuleInNfcAndAgainInNfdIsOneRuleAsForTheAppendTimeCheck() {
		String nfc = "When the caf\u00e9 menu changes, rebuild the price cache";
		String nfd = "When the cafe\u0301 menu changes, rebuild the price cache";
		assertThat(CanonicalFormat.fingerprint("do_more", nfc))
			.isNotEqualTo(CanonicalFormat.fingerprint("do_more", nfd));
		CrossCloneDuplicates copies = new CrossCloneDuplicates();

		assertThat(copies.next("do_more", nfc, null)).isFalse();
		assertThat(copies.next("do_more", nfd, null)).isTrue();
	}

	@Test
	void neitherARowThatSupersedesNorOneWithoutLearningIsADuplicate() {
		CrossCloneDuplicates copies = new CrossCloneDuplicates();
		copies.next("do_more", RULE, null);

		assertThat(copies.next("do_more", RULE, "lrn-20260620T183000Z-89ccd4c6")).isFalse();
		assertThat(copies.next("do_more", "", null)).isFalse();
		assertThat(copies.next("do_more", "", null)).isFalse();
		assertThat(copies.next(null, null, null)).isFalse();
	}

	@Test
	void tellsRulesAcrossManyRows() {
		CrossCloneDuplicates copies = new CrossCloneDuplicates();
		List<Boolean> first = new ArrayList<>();
		for (int i = 1; i <= 10_000; i++) {
			first.add(copies.next("do_more", RULE + " " + i, null));
		}

		assertThat(first).containsOnly(false);
		assertThat(copies.next("do_more", RULE + " 9999", null)).isTrue();
		assertThat(copies.next("do_more", RULE + " 10001", null)).isFalse();
	}

}

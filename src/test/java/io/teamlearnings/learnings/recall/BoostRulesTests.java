package io.teamlearnings.learnings.recall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The parts of a recall score that need no corpus: the defaults of
 * {@code learnings.recall}, the status boost table, how boosts combine and round, and the
 * levels of a path match.
 */
class BoostRulesTests {

	private final RecallProperties defaults = RecallDefaults.properties();

	@Test
	void theDefaultsBoundFromAnEmptyEnvironmentAreTheDocumentedOnes() {
		RecallProperties bound = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("learnings.recall", RecallProperties.class);

		assertThat(bound).isEqualTo(this.defaults);
		assertThat(bound.k1()).isEqualTo(1.2);
		assertThat(bound.b()).isEqualTo(0.75);
		assertThat(bound.fieldWeights()).isEqualTo(new RecallProperties.FieldWeights(3.0, 1.5, 1.0, 1.0, 2.0));
		assertThat(bound.recencyWeight()).isEqualTo(0.2);
		assertThat(bound.recencyDays()).isEqualTo(45);
		assertThat(bound.themeThreshold()).isEqualTo(0.3);
	}

	@Test
	void boostsEachStatusAsTheTableSays() {
		Map<String, Double> boosts = new LinkedHashMap<>();
		for (String status : List.of("codify_now", "avoid_for_now", "do_less", "do_more", "investigate_more",
				"codified", "review_later", "withdrawn", "someday", "Codify Now")) {
			boosts.put(status, this.defaults.statusBoosts().of(status));
		}

		assertThat(boosts).containsExactly(Map.entry("codify_now", 0.30), Map.entry("avoid_for_now", 0.25),
				Map.entry("do_less", 0.15), Map.entry("do_more", 0.15), Map.entry("investigate_more", 0.10),
				Map.entry("codified", 0.10), Map.entry("review_later", -0.05), Map.entry("withdrawn", 0.0),
				Map.entry("someday", 0.0), Map.entry("Codify Now", 0.0));
	}

	@Test
	void multipliesOnePlusEachBoost() {
		assertThat(new Boosts(0.30, 0.2, 0.5).factor()).isCloseTo(2.34, within(1e-12));
		assertThat(Boosts.round(new Boosts(0.15, 0.0736, 0.0).factor())).isEqualTo(1.2346);
		assertThat(Boosts.round(new Boosts(-0.05, 0.0, 0.25).factor())).isEqualTo(1.1875);
		assertThat(new Boosts(0, 0, 0).factor()).isEqualTo(1.0);
	}

	@Test
	void roundsScoresToFourDecimals() {
		assertThat(Boosts.round(1.534271818)).isEqualTo(1.5343);
		assertThat(Boosts.round(0.07357588823)).isEqualTo(0.0736);
		assertThat(Boosts.round(0.02706705664)).isEqualTo(0.0271);
		assertThat(Boosts.round(0.00004)).isEqualTo(0.0);
	}

	@Test
	void theSameFileMatchesFully() {
		assertThat(BoostRules.pathMatch(List.of("src/main/java/App.java"), List.of("src/main/java/App.java")))
			.isEqualTo(1.0);
		assertThat(BoostRules.pathMatch(List.of("./src/main/java/App.java"), List.of("src/main/java/App.java")))
			.isEqualTo(1.0);
		assertThat(BoostRules.pathMatch(List.of("src\\main\\java\\App.java"), List.of("src/main/java/App.java")))
			.isEqualTo(1.0);
	}

	@Test
	void onePathInsideTheOtherMatchesThreeQuarters() {
		assertThat(BoostRules.pathMatch(List.of("src/main"), List.of("src/main/java/App.java"))).isEqualTo(0.75);
		assertThat(BoostRules.pathMatch(List.of("src/main/java/App.java"), List.of("src/main"))).isEqualTo(0.75);
	}

	@Test
	void aSiblingOrAFileOfTheSameNameMatchesHalf() {
		assertThat(BoostRules.pathMatch(List.of("src/main/java/Other.java"), List.of("src/main/java/App.java")))
			.isEqualTo(0.5);
		assertThat(BoostRules.pathMatch(List.of("docs/README.md"), List.of("tools/README.md"))).isEqualTo(0.5);
		assertThat(BoostRules.pathMatch(List.of("pom.xml"), List.of("README.md"))).isEqualTo(0.5);
	}

	@Test
	void unrelatedPathsDoNotMatch() {
		assertThat(BoostRules.pathMatch(List.of("src/main/java/App.java"), List.of("docs/guide.md"))).isZero();
		// a shared prefix is no containment: src/mainline is not inside src/main
		assertThat(BoostRules.pathMatch(List.of("src/mainline/App.java"), List.of("src/main"))).isZero();
		assertThat(BoostRules.pathMatch(List.of(), List.of("src/main/java/App.java"))).isZero();
		assertThat(BoostRules.pathMatch(List.of("src/main/java/App.java"), List.of())).isZero();
	}

	@Test
	void theBestMatchOfAnyPairCounts() {
		List<String> rowPaths = List.of("docs/guide.md", "src/main/java/Other.java", "src/main");
		assertThat(BoostRules.pathMatch(rowPaths, List.of("src/main/java/App.java"))).isEqualTo(0.75);
		assertThat(BoostRules.pathMatch(rowPaths, List.of("build.gradle", "docs/guide.md"))).isEqualTo(1.0);
	}

	/**
	 * A directory is often written with a trailing slash; it contains the files under it,
	 * and it is no sibling of another directory.
	 */
	@Test
	void aDirectoryWrittenWithATrailingSlashContainsItsFiles() {
		assertThat(BoostRules.pathMatch(List.of("src/"), List.of("src/App.java"))).isEqualTo(0.75);
		assertThat(BoostRules.pathMatch(List.of("docs/"), List.of("src/"))).isZero();
	}

}

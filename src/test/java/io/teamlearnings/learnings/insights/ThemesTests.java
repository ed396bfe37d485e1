package io.teamlearnings.learnings.insights;

import java.nio.file.Path;
import java.util.List;

import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.learnings.insights.Themes.Theme;
import io.teamlearnings.learnings.recall.RecallCorpus;
import io.teamlearnings.learnings.recall.RecallProperties;
import io.teamlearnings.learnings.recall.RecallSlice;
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

/**
 * Recurring themes over a real index with the default theme threshold of 0.3: groups of
 * at least three active rows chained by similar learnings, with the tags at least half of
 * them carry.
 */
@JdbcTest
// the index poll would call the Repositories mock while a test stubs it (a Mockito race)
@TestPropertySource(properties = "learnings.store.poll-interval=1h")
@Import(RecallSlice.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ThemesTests {

	// Similarities (Jaccard of analysed terms) of the gradle rows: g4-g3 0.56, g3-g2 0.30
	// (exactly the threshold), g2-g1 0.44; g4-g2 0.18, g4-g1 0.27, g3-g1 0.17. So g4 and
	// g1 are one theme only through the chain g4-g3-g2-g1.

	private static final Line G4 = row("lrn-g4").learning("Keep the gradle daemon warm between local builds")
		.tags("gradle", "performance");

	private static final Line G3 = row("lrn-g3").learning("A warm gradle daemon makes local builds fast")
		.tags("gradle");

	private static final Line G2 = row("lrn-g2").learning("Fast builds need the gradle build cache on CI")
		.tags("gradle", "ci");

	private static final Line G1 = row("lrn-g1").learning("Share the gradle build cache between CI agents")
		.tags("ci", "caching");

	/** Three terms, 0.43 similar to g4 and g3, but too short to compare. */
	private static final Line SHORT = row("lrn-short").learning("gradle daemon builds").tags("gradle");

	// The node rows: n1-n3 0.44, n1-n4 0.40, n2-n3 0.67, n2-n4 0.33, n3-n4 0.36, n1-n2
	// 0.27.

	private static final Line N1 = row("lrn-n1").learning("Pin the node version with nvmrc in every repository")
		.tags("node");

	private static final Line N2 = row("lrn-n2").learning("Read the node version from nvmrc before installing packages")
		.tags("node", "ci");

	private static final Line N3 = row("lrn-n3").learning("Install packages with the pinned node version from nvmrc")
		.tags("packages");

	private static final Line N4 = row("lrn-n4").learning("Use the node version from nvmrc for every CI job")
		.tags("ci");

	private static final Line N4_REPLACED = row("lrn-x").learning("Let renovate propose runtime upgrades weekly")
		.supersedes("lrn-n4");

	// The release rows: r1-r2 0.40, r1-r3 0.67, r2-r3 0.67.

	private static final Line R1 = row("lrn-r1").learning("Rotate signing keys before cutting the release branch")
		.tags("release");

	private static final Line R2 = row("lrn-r2").learning("Rotate the signing keys every quarter after the release")
		.tags("release");

	private static final Line R3 = row("lrn-r3").learning("Rotate signing keys after every release branch cut")
		.tags("release", "keys");

	@TempDir
	Path root;

	@Autowired
	LearningIndex index;

	@Autowired
	RecallCorpus corpus;

	@Autowired
	RecallProperties properties;

	@Test
	void threeSimilarActiveRowsMakeATheme() throws Exception {
		assertThat(themes(R1, R2, R3))
			.containsExactly(new Theme(List.of("lrn-r1", "lrn-r2", "lrn-r3"), List.of("release")));
	}

	@Test
	void twoSimilarRowsAreNoTheme() throws Exception {
		assertThat(themes(R1, R2, N1)).isEmpty();
	}

	@Test
	void aWithdrawnRowDoesNotCountTowardsATheme() throws Exception {
		assertThat(themes(R1, R2, R3, row("lrn-w").withdraws("lrn-r3"))).isEmpty();
	}

	@Test
	void aSupersededRowDoesNotCountNorDoItsTags() throws Exception {
		assertThat(themes(N1, N2, N3, N4))
			.containsExactly(new Theme(List.of("lrn-n1", "lrn-n2", "lrn-n3", "lrn-n4"), List.of("ci", "node")));
		assertThat(themes(N1, N2, N3, N4, N4_REPLACED))
			.containsExactly(new Theme(List.of("lrn-n1", "lrn-n2", "lrn-n3"), List.of("node")));
	}

	@Test
	void rowsChainedBySimilarRowsShareATheme() throws Exception {
		assertThat(themes(G4, G3, G2, G1))
			.containsExactly(new Theme(List.of("lrn-g4", "lrn-g3", "lrn-g2", "lrn-g1"), List.of("gradle", "ci")));
		assertThat(themes(G4, G1, N1)).isEmpty();
	}

	@Test
	void rowsOfFewerThanFourTermsAreLeftOut() throws Exception {
		assertThat(themes(G4, SHORT, G3)).isEmpty();
	}

	@Test
	void listsTheLargestThemeFirstWithItsRowsInFileOrder() throws Exception {
		List<Theme> themes = themes(N1, G4, G3, R1, N2, G2, SHORT, N3, R2, G1, N4, N4_REPLACED, R3,
				row("lrn-w").withdraws("lrn-r3"));

		assertThat(themes).containsExactly(
				new Theme(List.of("lrn-g4", "lrn-g3", "lrn-g2", "lrn-g1"), List.of("gradle", "ci")),
				new Theme(List.of("lrn-n1", "lrn-n2", "lrn-n3"), List.of("node")));
	}

	private List<Theme> themes(Line... lines) throws Exception {
		LearningLines.write(this.root, lines);
		Repo repo = new Repo("themes", this.root);
		this.index.rebuild(repo);
		Themes themes = new Themes(this.properties);
		return this.corpus.read(repo, themes::find);
	}

}

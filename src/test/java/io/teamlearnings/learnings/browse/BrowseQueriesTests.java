package io.teamlearnings.learnings.browse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.teamlearnings.learnings.index.IndexedLearning;
import io.teamlearnings.learnings.index.IndexedLearningRepository;
import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.support.SharedServiceContext;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browse filters against the index of the real fixture file. The fixture is indexed, in
 * the shared service's index, under a repository name that no one serves, so that only
 * these queries see it.
 */
class BrowseQueriesTests extends SharedServiceContext {

	private static final String REPO = "browse-dotfiles";

	@TempDir
	static Path root;

	@Autowired
	LearningIndex index;

	@Autowired
	IndexedLearningRepository rows;

	@BeforeEach
	void indexFixture() throws IOException {
		try (InputStream fixture = getClass().getResourceAsStream(TestStores.DOTFILES_FIXTURE)) {
			Files.write(root.resolve(".learnings.jsonl"), fixture.readAllBytes());
		}
		this.index.rebuild(new Repo(REPO, root));
	}

	@Test
	void leavesSupersededRowsOutUnlessAsked() {
		assertThat(find(filter(null, null, null, null, null, true)).getTotalElements()).isEqualTo(410);
		Page<IndexedLearning> current = find(filter(null, null, null, null, null, false));
		// 14 rows name a superseded row, but one of them names "cd0b9242", which is no
		// row's id
		assertThat(current.getTotalElements()).isEqualTo(410 - 13);
		assertThat(ids(find(filter(null, null, null, null, null, false), 500)))
			.doesNotContain("lrn-20260226T014254Z-17f71b1b");
	}

	@Test
	void filtersByStatusAndTagAfterNormalisingThem() {
		Page<IndexedLearning> codified = find(filter("Codified", null, null, null, null, true));
		assertThat(codified.getContent()).isNotEmpty()
			.allSatisfy((row) -> assertThat(line(row.id())).contains("\"status\":\"codified\""));
		Page<IndexedLearning> fish = find(filter(null, "FISH", null, null, null, true));
		assertThat(ids(find(filter(null, "FISH", null, null, null, true), 500)))
			.contains("lrn-20260215T173339Z-96b00925");
		assertThat(fish.getContent()).allSatisfy((row) -> assertThat(line(row.id())).containsIgnoringCase("\"fish\""));
	}

	@Test
	void filtersByCaptureTimeWindow() {
		Instant since = Instant.parse("2026-03-11T00:00:00Z");
		Instant until = Instant.parse("2026-03-12T00:00:00Z");
		List<String> ids = ids(find(filter(null, null, since, until, null, true), 500));
		assertThat(ids).isNotEmpty().allSatisfy((id) -> assertThat(id).startsWith("lrn-20260311T"));
		assertThat(ids).contains("lrn-20260311T143712Z-22aa30da");
	}

	@Test
	void findsTextInLearningApplicationOrEvidenceIgnoringCase() {
		assertThat(ids(find(filter(null, null, null, null, "LAUNCHAGENT was installed", true), 500)))
			.containsExactly("lrn-20260214T170052Z-eef95cca");
		assertThat(find(filter(null, null, null, null, "100%_literal", true)).getTotalElements()).isZero();
	}

	@Test
	void listsNewestFirst() {
		List<String> ids = ids(find(filter(null, null, null, null, null, true), 500));
		assertThat(ids).isSortedAccordingTo((a, b) -> b.substring(4, 20).compareTo(a.substring(4, 20)));
	}

	private static BrowseFilter filter(String status, String tag, Instant since, Instant until, String text,
			boolean includeSuperseded) {
		return new BrowseFilter(status, tag, since, until, text, includeSuperseded);
	}

	private Page<IndexedLearning> find(BrowseFilter filter) {
		return find(filter, 20);
	}

	private Page<IndexedLearning> find(BrowseFilter filter, int size) {
		return this.rows.findAll(filter.toSpecification(REPO),
				PageRequest.of(0, size, Sort.by(Sort.Order.desc("capturedTs").nullsLast(), Sort.Order.desc("lineNo"))));
	}

	/** The last line of the indexed file that carries row {@code id}. */
	private static String line(String id) throws IOException {
		List<String> lines = Files.readAllLines(root.resolve(".learnings.jsonl"));
		Pattern carriesId = Pattern.compile("\"id\":\\s*\"" + Pattern.quote(id) + "\"");
		return lines.stream().filter((line) -> carriesId.matcher(line).find()).reduce((a, b) -> b).orElseThrow();
	}

	private static List<String> ids(Page<IndexedLearning> page) {
		return page.getContent().stream().map(IndexedLearning::id).toList();
	}

}

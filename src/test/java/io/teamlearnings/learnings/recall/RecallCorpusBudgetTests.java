package io.teamlearnings.learnings.recall;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.support.LearningLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static io.teamlearnings.support.LearningLines.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A recall corpus that would take more than its share of the heap is not loaded: the
 * caller gets a 503 naming the repository, the budget and the setting, instead of the
 * service running out of memory (at 1,000,000 rows and -Xmx512m it did, and H2's writer
 * with it).
 */
@JdbcTest
// the index poll would call the Repositories mock while a test stubs it (a Mockito race)
@TestPropertySource(properties = "learnings.store.poll-interval=1h")
@Import(RecallSlice.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RecallCorpusBudgetTests {

	@TempDir
	Path root;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LearningIndex index;

	@Test
	void aCorpusOverItsBudgetIsRefusedWithAProblemNamingTheRepositoryAndTheSetting() throws Exception {
		Repo repo = store();
		// a billionth of the heap: a few bytes, less than one row
		RecallCorpus small = corpus(1e-9);

		for (int attempt = 1; attempt <= 2; attempt++) {
			assertThatExceptionOfType(RecallCorpusTooLargeException.class)
				.isThrownBy(() -> small.read(repo, (corpus) -> corpus.docs().size()))
				.satisfies((refused) -> {
					assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
					assertThat(refused.getBody().getTitle()).isEqualTo("Recall corpus too large");
					// the second answer, without loading again, tells the same
					assertThat(refused.getBody().getDetail()).contains("repository 'budget'",
							"learnings.recall.corpus-heap-fraction=1.0E-9", "larger -Xmx", "after 3 rows");
				});
		}
	}

	@Test
	void aCorpusWithinItsBudgetLoadsEveryRow() throws Exception {
		Repo repo = store();

		int rows = corpus(0.5).read(repo, (corpus) -> corpus.docs().size());

		assertThat(rows).isEqualTo(3);
	}

	@Test
	void aCorpusLargerThanAPageLoadsEveryRowInFileOrder() throws Exception {
		// 2,000 rows a page: two full pages and a part
		LearningLines.Line[] rows = new LearningLines.Line[4_500];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = row("lrn-" + i).learning("Rule number " + i + " keeps the build green");
		}
		LearningLines.write(this.root, rows);
		Repo repo = new Repo("budget", this.root);
		this.index.rebuild(repo);

		List<RecallCorpus.Doc> docs = corpus(0.5).read(repo, (corpus) -> List.copyOf(corpus.docs()));

		assertThat(docs).extracting(RecallCorpus.Doc::id)
			.containsExactlyElementsOf(IntStream.range(0, rows.length).mapToObj((i) -> "lrn-" + i).toList());
	}

	private RecallCorpus corpus(double fraction) {
		RecallProperties defaults = RecallDefaults.properties();
		return new RecallCorpus(this.jdbc, this.index,
				new RecallProperties(defaults.k1(), defaults.b(), defaults.fieldWeights(), defaults.statusBoosts(),
						defaults.recencyWeight(), defaults.recencyDays(), defaults.pathBoost(),
						defaults.pathTermWeight(), defaults.minScore(), defaults.defaultLimit(), defaults.maxLimit(),
						defaults.themeThreshold(), fraction));
	}

	private Repo store() throws Exception {
		LearningLines.write(this.root, row("lrn-a").learning("Rotate signing keys before cutting the release branch"),
				row("lrn-b").learning("Pin the node version in CI"),
				row("lrn-c").learning("Prefer small pull requests because reviews go faster"));
		Repo repo = new Repo("budget", this.root);
		this.index.rebuild(repo);
		return repo;
	}

}

package io.teamlearnings.learnings.index;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.teamlearnings.repos.Repo;
import io.teamlearnings.support.LearningLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A rebuild writes a new generation of the index in chunks of committed rows while the
 * old one serves, and switches over in one transaction: readers see the old rows or the
 * new ones, never some of the new ones; a rebuild that fails or is cut short leaves the
 * old generation serving; the rows of a replaced generation are deleted afterwards. The
 * files here are a few chunks long ({@link LineIndexer#CHUNK_LINES} lines each).
 */
@JdbcTest
@Import(IndexSlice.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class GenerationSwitchTests {

	private static final int OLD_ROWS = 2 * LineIndexer.CHUNK_LINES + 300;

	private static final int NEW_ROWS = 3 * LineIndexer.CHUNK_LINES + 200;

	@TempDir
	Path root;

	@Autowired
	LearningIndex index;

	@Autowired
	IndexGenerations generations;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void realIndex() {
		IndexRowTrigger.remove(this.jdbc);
	}

	@Test
	void readersSeeTheOldRowsOrTheNewOnesNeverPartOfTheNew() throws Exception {
		Repo repo = repo("switch");
		LearningLines.write(this.root, rows("old", OLD_ROWS));
		this.index.rebuild(repo);
		String oldDigest = this.index.rowsDigest(repo.name());
		LearningLines.write(this.root, rows("new", NEW_ROWS));
		List<Long> seenWhileRebuilding = new CopyOnWriteArrayList<>();
		List<Long> seenByIndex = new CopyOnWriteArrayList<>();
		AtomicBoolean rebuilding = new AtomicBoolean(true);
		Thread reader = new Thread(() -> {
			while (rebuilding.get()) {
				seenWhileRebuilding.add(this.jdbc.queryForObject("SELECT COUNT(*) FROM learning_row WHERE repo = ?",
						Long.class, repo.name()));
				seenByIndex.add(this.index.counts(repo.name()).rows());
			}
		});
		reader.start();

		this.index.rebuild(repo);
		rebuilding.set(false);
		reader.join();

		assertThat(seenWhileRebuilding).isNotEmpty().isSubsetOf((long) OLD_ROWS, (long) NEW_ROWS);
		assertThat(seenByIndex).isNotEmpty().isSubsetOf((long) OLD_ROWS, (long) NEW_ROWS);
		assertThat(seenWhileRebuilding.get(0)).isEqualTo(OLD_ROWS);
		assertThat(this.index.counts(repo.name()).rows()).isEqualTo(NEW_ROWS);
		assertThat(this.index.rowsDigest(repo.name())).isNotEqualTo(oldDigest);
	}

	@Test
	void deletesTheRowsOfTheGenerationItReplaced() throws Exception {
		Repo repo = repo("replaced");
		LearningLines.write(this.root, rows("old", OLD_ROWS));
		this.index.rebuild(repo);
		LearningLines.write(this.root, rows("new", NEW_ROWS));

		this.index.rebuild(repo);

		awaitRowsOfAnyGeneration(repo, NEW_ROWS);
		assertThat(
				this.jdbc.queryForList("SELECT state FROM index_generation WHERE repo = ?", String.class, repo.name()))
			.containsExactly("live");
	}

	@Test
	void aRebuildThatFailsLeavesTheOldRowsServing() throws Exception {
		Repo repo = repo("failed");
		LearningLines.write(this.root, rows("old", OLD_ROWS));
		this.index.rebuild(repo);
		String oldDigest = this.index.rowsDigest(repo.name());
		List<LearningLines.Line> newRows = List.of(rows("new", NEW_ROWS));
		LearningLines.write(this.root, newRows.toArray(LearningLines.Line[]::new));
		IndexRowTrigger.fail(this.jdbc, learning("new", NEW_ROWS - 10), repo.storeFile());

		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> this.index.rebuild(repo));

		assertThat(this.index.counts(repo.name()).rows()).isEqualTo(OLD_ROWS);
		assertThat(this.index.rowsDigest(repo.name())).isEqualTo(oldDigest);
		assertThat(this.generations.abandoned(repo.name())).isEmpty();
		awaitRowsOfAnyGeneration(repo, OLD_ROWS);

		IndexRowTrigger.remove(this.jdbc);
		this.index.rebuild(repo);
		assertThat(this.index.counts(repo.name()).rows()).isEqualTo(NEW_ROWS);
	}

	@Test
	void aGenerationACrashLeftBuildingIsRebuiltAtTheNextSync() throws Exception {
		Repo repo = repo("crashed");
		LearningLines.write(this.root, rows("row", OLD_ROWS));
		this.index.rebuild(repo);
		long generationsBefore = this.index.generation(repo);
		long abandoned = this.generations.create(repo.name());
		this.jdbc.update("""
				INSERT INTO indexed_row (generation, repo, line_no, byte_offset, byte_length, line_sha256, id, status,
				    learning, application, evidence, fingerprint, tags, paths, related_ids, duplicate_hash, terms,
				    field_lengths)
				VALUES (?, ?, 1, 0, 0, X'00', 'half-built', 'do_more', '', '', '', '', '', '', '', 0, '', '')""",
				abandoned, repo.name());

		LearningIndex.SyncReport report = this.index.sync(repo);

		assertThat(report.rebuilt()).isTrue();
		assertThat(this.index.generation(repo)).isEqualTo(generationsBefore + 1);
		assertThat(this.index.counts(repo.name()).rows()).isEqualTo(OLD_ROWS);
		assertThat(this.index.containsId(repo.name(), "half-built")).isFalse();
		assertThat(this.generations.abandoned(repo.name())).isEmpty();
		awaitRowsOfAnyGeneration(repo, OLD_ROWS);
	}

	private Repo repo(String name) {
		return new Repo(name, this.root);
	}

	/**
	 * Waits until the rows of retired generations are deleted, and the generations with
	 * them.
	 */
	private void awaitRowsOfAnyGeneration(Repo repo, long rows) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		long stored;
		long generations;
		do {
			Thread.sleep(50);
			stored = this.jdbc.queryForObject("SELECT COUNT(*) FROM indexed_row WHERE repo = ?", Long.class,
					repo.name());
			generations = this.jdbc.queryForObject("SELECT COUNT(*) FROM index_generation WHERE repo = ?", Long.class,
					repo.name());
		}
		while ((stored != rows || generations != 1) && Instant.now().isBefore(deadline));
		assertThat(stored).isEqualTo(rows);
		assertThat(generations).isOne();
	}

	private static LearningLines.Line[] rows(String prefix, int count) {
		List<LearningLines.Line> rows = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			rows.add(LearningLines.row("lrn-" + prefix + "-" + i)
				.learning(learning(prefix, i))
				.evidence("run " + i + " passed")
				.application("Apply rule " + i + " of " + prefix + " first."));
		}
		return rows.toArray(LearningLines.Line[]::new);
	}

	private static String learning(String prefix, int i) {
		return "When " + prefix + " row " + i + " is indexed, prefer one generation because readers see it whole.";
	}

}

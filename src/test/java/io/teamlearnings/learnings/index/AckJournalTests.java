package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.teamlearnings.learnings.jsonl.LearningLog;
import io.teamlearnings.repos.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal of acknowledged rows on its own: what it calls lost, and what it ignores.
 */
class AckJournalTests {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	private static final String ROW_A = "{\"id\":\"lrn-a\",\"learning\":\"Caf\u00e9 rows keep their bytes\"}";

	private static final String ROW_B = "{\"id\":\"lrn-b\",\"learning\":\"second\"}";

	@TempDir
	Path temp;

	@Test
	void reportsOnlyRowsWhoseExactLineIsGoneInTheOrderTheyWereAcknowledged() throws IOException {
		Repo repo = repo("app");
		AckJournal journal = journal();
		LearningLog.append(repo.storeFile(), ROW_A, ROW_B);
		journal.record(repo, List.of(ROW_A, ROW_B));
		assertThat(journal.lost(repo)).isEmpty();

		// the same row with one byte changed is not the acknowledged row
		Files.writeString(repo.storeFile(),
				ROW_A.replace("second", "x") + "\n" + ROW_B.replace("second", "Second") + "\n");

		assertThat(journal.lost(repo)).containsExactly(new AckJournal.Entry("lrn-b", NOW, ROW_B));
	}

	@Test
	void ignoresATornLastLineAndKeepsJournallingAfterIt() throws IOException {
		Repo repo = repo("app");
		AckJournal journal = journal();
		journal.record(repo, List.of(ROW_A));
		Path file = this.temp.resolve("data/journal/app.acks.jsonl");
		// a crash in the middle of a journal write, cut inside the two bytes of "é"
		byte[] torn = ("{\"store\":\"" + repo.storeFile() + "\",\"id\":\"lrn-c\",\"line\":\"Caf\u00e9")
			.getBytes(StandardCharsets.UTF_8);
		Files.write(file, Arrays.copyOf(torn, torn.length - 1), StandardOpenOption.APPEND);

		journal.record(repo, List.of(ROW_B));

		assertThat(journal.lost(repo)).extracting(AckJournal.Entry::id).containsExactly("lrn-a", "lrn-b");
	}

	@Test
	void ignoresRowsJournalledForAnotherFileOfTheSameRepositoryName() throws IOException {
		AckJournal journal = journal();
		journal.record(repo("app"), List.of(ROW_A));
		Repo moved = new Repo("app", this.temp.resolve("elsewhere"));

		assertThat(journal.lost(moved)).isEmpty();
	}

	private AckJournal journal() {
		return new AckJournal(this.temp.resolve("data"), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private Repo repo(String name) throws IOException {
		return new Repo(name, Files.createDirectories(this.temp.resolve(name)));
	}

}

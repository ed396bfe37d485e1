package io.teamlearnings.learnings.index;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.teamlearnings.repos.Repo;
import io.teamlearnings.support.LearningLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What views are built from: the newest row of each id asked for, in the order asked,
 * looked up a statement per hundred ids, and its line read back from the file as written.
 */
@JdbcTest
@Import(IndexSlice.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class NewestRowsTests {

	@TempDir
	Path root;

	@Autowired
	LearningIndex index;

	@Autowired
	IndexedLines lines;

	@Test
	void findsTheNewestLineOfEachIdInTheOrderAskedAndReadsItsLine() throws Exception {
		List<LearningLines.Line> lines = new ArrayList<>();
		IntStream.range(0, 250).forEach((n) -> lines.add(LearningLines.row("lrn-" + n).learning("Rule " + n + ".")));
		lines.add(LearningLines.row("lrn-7").learning("Rule 7, written again."));
		Path file = LearningLines.write(this.root, lines.toArray(LearningLines.Line[]::new));
		Repo repo = new Repo("newest", this.root);
		this.index.sync(repo);
		List<String> asked = new ArrayList<>(List.of("lrn-249", "nobody", "lrn-7", "lrn-249"));
		IntStream.range(100, 230).forEach((n) -> asked.add("lrn-" + n));

		List<IndexedLines.LocatedRow> found = this.lines.newest(repo.name(), asked);

		assertThat(found).extracting(IndexedLines.LocatedRow::id)
			.startsWith("lrn-249", "lrn-7", "lrn-100")
			.endsWith("lrn-229")
			.hasSize(2 + 130)
			.doesNotHaveDuplicates();
		assertThat(found.get(1).lineNo()).isEqualTo(251);
		List<String> fileLines = Files.readAllLines(file);
		assertThat(this.lines.lines(repo, found.subList(0, 3))).containsExactly(fileLines.get(249), fileLines.get(250),
				fileLines.get(100));
	}

	@Test
	void aLineRewrittenInPlaceIsNotServedAndTheNextSyncRebuilds() throws Exception {
		Path file = LearningLines.write(this.root, LearningLines.row("lrn-1").learning("Rule one.").status("do_more"),
				LearningLines.row("lrn-2").learning("Rule two.").status("do_more"));
		Repo repo = new Repo("in-place", this.root);
		this.index.sync(repo);
		List<IndexedLines.LocatedRow> second = this.lines.newest(repo.name(), List.of("lrn-2"));
		FileTime modified = Files.getLastModifiedTime(file);
		String rewritten = Files.readString(file).replace("\"Rule two.\"", "\"Rule 2!!.\"");
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(rewritten.getBytes(StandardCharsets.UTF_8)), 0);
		}
		Files.setLastModifiedTime(file, modified);

		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> this.lines.lines(repo, second))
			.withMessageContaining("changed while its rows were read");
		assertThat(this.index.isCurrent(repo)).isFalse();
		assertThat(this.index.sync(repo).rebuilt()).isTrue();
		assertThat(this.lines.lines(repo, this.lines.newest(repo.name(), List.of("lrn-2")))).singleElement()
			.asString()
			.contains("Rule 2!!.");
	}

}

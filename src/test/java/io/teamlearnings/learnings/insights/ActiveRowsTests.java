package io.teamlearnings.learnings.insights;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.recall.RecallCorpus;
import io.teamlearnings.learnings.recall.RecallSlice;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.support.LearningLines;
import io.teamlearnings.support.LearningLines.Line;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.test.context.TestPropertySource;

import static io.teamlearnings.support.LearningLines.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/**
 * Codify candidates and the memory digest read a repository's active rows over a real
 * index, by the one definition of supersession chains: a superseded row, a withdrawn row
 * and the withdrawal itself are left out, a row that names itself stays.
 */
@JdbcTest
// the index poll would call the Repositories mock while a test stubs it (a Mockito race)
@TestPropertySource(properties = "learnings.store.poll-interval=1h")
@Import(RecallSlice.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ActiveRowsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Line REPLACED = row("lrn-old").status("codify_now")
		.learning("When a migration renames a column, add a view with the old name.");

	private static final Line REPLACEMENT = row("lrn-new").status("codify_now")
		.learning("When a migration renames a column, add a view and a trigger with the old name.")
		.supersedes("lrn-old");

	private static final Line WITHDRAWN = row("lrn-gone").status("codify_now")
		.learning("Pin the emulator image by digest because tags move.");

	private static final Line WITHDRAWAL = row("lrn-w").withdraws("lrn-gone");

	private static final Line SELF = row("lrn-self").status("codify_now")
		.learning("When rotating webhook secrets, keep both valid for a day.")
		.supersedes("lrn-self");

	private static final List<Line> NODE = List.of(
			row("lrn-n1").learning("When a build uses node, pin the version in nvmrc."),
			row("lrn-n2").learning("When builds use node, pin the version in nvmrc."),
			row("lrn-n3").learning("When a build uses node, pin the version in the nvmrc."));

	@TempDir
	Path root;

	@Autowired
	Repositories repositories;

	@Autowired
	LearningViews views;

	@Autowired
	IndexSync sync;

	@Autowired
	RecallCorpus corpus;

	@Autowired
	Clock clock;

	ActiveRows active;

	CodifyCandidates codify;

	LearningsDigest digests;

	@BeforeEach
	void store() {
		List<Line> lines = List.of(REPLACED, NODE.get(0), REPLACEMENT, WITHDRAWN, NODE.get(1), WITHDRAWAL, SELF,
				NODE.get(2));
		LearningLines.write(this.root, lines.toArray(Line[]::new));
		Map<String, LearningRow> byId = new LinkedHashMap<>();
		lines.forEach(
				(line) -> byId.put(line.id(), new LearningRow(line.json(), (ObjectNode) JSON.readTree(line.json()))));
		given(this.repositories.require("insights-active")).willReturn(new Repo("insights-active", this.root));
		given(this.views.rows(eq("insights-active"), anyCollection())).willAnswer((call) -> {
			Map<String, LearningRow> found = new LinkedHashMap<>();
			call.<Collection<String>>getArgument(1).forEach((id) -> found.put(id, byId.get(id)));
			return found;
		});
		this.active = new ActiveRows(this.sync, this.corpus, this.views);
		this.codify = new CodifyCandidates(this.active, this.clock);
		this.digests = new LearningsDigest(this.active);
	}

	@Test
	void readsTheActiveRowsInFileOrder() {
		ActiveRows.Active rows = this.active.of("insights-active");

		assertThat(rows.stored()).isEqualTo(8);
		assertThat(rows.rows()).extracting(ToolRow::id)
			.containsExactly("lrn-n1", "lrn-new", "lrn-n2", "lrn-self", "lrn-n3");
	}

	@Test
	void codifyCandidatesLeaveOutSupersededAndWithdrawnRows() {
		CodifyCandidates.Result result = this.codify.find("insights-active", 3, 20);

		assertThat(result.rows()).isEqualTo(8);
		assertThat(result.storeFile()).isEqualTo(this.root.resolve(".learnings.jsonl").toString());
		assertThat(result.candidates()).flatExtracting(CodifyCandidates.Candidate::rows)
			.extracting(CodifyCandidates.Row::id)
			.containsExactlyInAnyOrder("lrn-new", "lrn-self", "lrn-n1", "lrn-n2", "lrn-n3");
	}

	@Test
	void theDigestLeavesOutSupersededAndWithdrawnRows() {
		LearningsDigest.Digest digest = this.digests.of("insights-active", Instant.parse("2026-11-23T12:00:00Z"));

		assertThat(digest.candidates()).isEqualTo(2);
		assertThat(digest.rows()).isEqualTo(2);
		assertThat(digest.sources()).isEqualTo(1);
		assertThat(digest.content()).startsWith("# Learnings Digest\n\ngenerated_at: 2026-11-23T12:00:00Z\n")
			.contains("- `" + this.root.resolve(".learnings.jsonl") + "`\n", "- lrn-new\n", "- lrn-self\n")
			.doesNotContain("lrn-old", "lrn-gone", "lrn-w\n");
	}

}

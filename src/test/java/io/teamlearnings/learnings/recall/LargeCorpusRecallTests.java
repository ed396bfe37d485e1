package io.teamlearnings.learnings.recall;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.support.SharedServiceContext;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall over a large generated store is answered from the index alone: once indexed, the
 * JSONL can be gone and recall still ranks the right rows. So that the service cannot
 * tell that the file is gone (the file being canonical, it would empty the index), the
 * file is replaced, in one rename, by a symbolic link to itself while recall runs: the
 * service cannot even look at the path, and reads go on from the index as it is.
 */
class LargeCorpusRecallTests extends SharedServiceContext {

	private static final int ROWS = 20_000;

	private static final String REPO = "large-corpus";

	private static final Path ROOT = root(REPO);

	private static final List<String> WORDS = List.of("cache", "build", "deploy", "release", "test", "retry", "timeout",
			"index", "schema", "migration", "queue", "worker", "lock", "token", "config", "parser", "docs", "runner",
			"agent", "hook", "branch", "commit", "review", "metrics", "logging", "shell", "script", "docker", "compose",
			"gradle", "maven", "python", "node", "rust", "zig", "homebrew", "launchd", "cron", "ssh", "git");

	private static final List<String> STATUSES = List.of("do_more", "do_less", "codify_now", "review_later",
			"investigate_more");

	@Autowired
	LearningRecall recall;

	@BeforeAll
	static void generate() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		Random random = new Random(42);
		Instant start = Instant.parse("2025-01-01T00:00:00Z");
		Path staged = TestStores.newDirectory("large-corpus").resolve(".learnings.jsonl");
		try (BufferedWriter out = Files.newBufferedWriter(staged)) {
			for (int i = 0; i < ROWS; i++) {
				StringBuilder learning = new StringBuilder("When the ");
				for (int w = 0; w < 12; w++) {
					learning.append(WORDS.get(random.nextInt(WORDS.size()))).append(w == 5 ? " fails, prefer " : " ");
				}
				if (i == 12_345) {
					learning.append("and call RingBuffer.drainTo before shutdown");
				}
				String status = STATUSES.get(random.nextInt(STATUSES.size()));
				String text = learning.toString().strip() + " because it saved a retry loop.";
				String fingerprint = CanonicalFormat.fingerprint(status, text);
				String capturedAt = CanonicalFormat.capturedAt(start.plusSeconds(i * 600L));
				ObjectNode row = mapper.createObjectNode()
					.put("id", CanonicalFormat.id(capturedAt, fingerprint) + i)
					.put("captured_at", capturedAt)
					.put("status", status)
					.put("learning", text)
					.put("application", "Apply " + WORDS.get(random.nextInt(WORDS.size())) + " first.")
					.put("source", "generated")
					.put("fingerprint", fingerprint);
				row.putArray("evidence").add("run " + i + " -> ok");
				row.putObject("context")
					.put("repo", "team/large")
					.put("branch", "main")
					.putArray("paths")
					.add("src/" + WORDS.get(random.nextInt(WORDS.size())) + "/Main.java");
				out.write(mapper.writeValueAsString(row));
				out.write('\n');
			}
		}
		Files.move(staged, ROOT.resolve(".learnings.jsonl"), StandardCopyOption.ATOMIC_MOVE);
	}

	@Test
	void ranksFromTheIndexAloneOnceTheFileIsIndexed() throws IOException {
		Repo repo = new Repo(REPO, ROOT);
		RecallQuery needle = new RecallQuery("RingBuffer.drainTo", 5, true, Set.of(), Set.of(), null, null, List.of());
		RecallResult indexed = this.recall.recall(REPO, needle);
		assertThat(indexed.hits()).hasSize(1);
		String needleId = indexed.hits().get(0).id();

		Path loop = Files.createSymbolicLink(ROOT.resolve("loop"), repo.storeFile().getFileName());
		Files.move(loop, repo.storeFile(), StandardCopyOption.ATOMIC_MOVE);
		try {
			RecallResult fromIndex = this.recall.recall(REPO, needle);
			assertThat(fromIndex.hits()).extracting(RecallResult.Hit::id).containsExactly(needleId);
			RecallResult common = this.recall.recall(REPO,
					new RecallQuery("launchd cron timeout", 10, true, Set.of(), Set.of(), null, null, List.of()));
			assertThat(common.hits()).hasSize(10);
			assertThat(common.totalMatches()).isGreaterThan(1000);
			assertThat(common.hits().get(0).why().terms()).extracting(RecallResult.TermMatch::term)
				.contains("launchd", "cron", "timeout");
		}
		finally {
			Files.delete(repo.storeFile());
		}
		assertThat(repo.storeFile()).doesNotExist();
	}

}

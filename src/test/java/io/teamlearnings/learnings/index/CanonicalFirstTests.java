package io.teamlearnings.learnings.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.teamlearnings.repos.Repo;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

/**
 * The file is written first: a row is on disk before the index sees it, and a row the
 * index failed to take stays in the file and is indexed later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(JdbcProbe.class)
class CanonicalFirstTests {

	private static final Path ROOT = TestStores.newDirectory("canonical-repo");

	private static final Path FILE = ROOT.resolve(".learnings.jsonl");

	@LocalServerPort
	int port;

	@MockitoSpyBean
	LearningIndex index;

	@Autowired
	JdbcProbe probe;

	@DynamicPropertySource
	static void repositories(DynamicPropertyRegistry registry) {
		TestStores.serve(registry, Map.entry("canonical", ROOT));
	}

	@AfterEach
	void realIndex() {
		reset(this.index);
	}

	@Test
	void writesTheRowToTheFileBeforeTheIndexSeesIt() throws Exception {
		String learning = "The file holds a row before the index does.";
		List<String> observed = new CopyOnWriteArrayList<>();
		doAnswer((call) -> {
			boolean inFile = Files.exists(FILE) && Files.readString(FILE).contains(learning);
			boolean inIndex = this.probe.rowsWithLearning(learning) > 0;
			observed.add("file=" + inFile + " index=" + inIndex);
			return call.callRealMethod();
		}).when(this.index).sync(any(Repo.class));

		Response response = new HttpClientSupport(this.port).postJson("/api/repos/canonical/learnings",
				HttpClientSupport.learningJson(learning, "do_more"));

		assertThat(response.status()).isEqualTo(201);
		assertThat(observed).contains("file=true index=false").doesNotContain("file=false index=true");
		assertThat(this.probe.rowsWithLearning(learning)).isEqualTo(1);
	}

	@Test
	void keepsAndLaterIndexesARowWhoseIndexingFailed() throws Exception {
		String learning = "A failed index update never loses the written row.";
		doAnswer((call) -> {
			if (Files.exists(FILE) && Files.readString(FILE).contains(learning)) {
				throw new IllegalStateException("index unavailable");
			}
			return call.callRealMethod();
		}).when(this.index).sync(any(Repo.class));
		HttpClientSupport http = new HttpClientSupport(this.port);

		Response response = http.postJson("/api/repos/canonical/learnings",
				HttpClientSupport.learningJson(learning, "do_more"));

		assertThat(response.status()).isEqualTo(201);
		String id = response.json().get("id").asString();
		assertThat(Files.readString(FILE)).contains(id);
		assertThat(this.probe.rowsWithLearning(learning)).isZero();
		assertThat(http.get("/api/repos").json().get(0).get("index_state").asString()).isEqualTo("failed");

		reset(this.index);

		assertThat(http.get("/api/repos/canonical/learnings/" + id).status()).isEqualTo(200);
		assertThat(this.probe.rowsWithLearning(learning)).isEqualTo(1);
		assertThat(http.get("/api/repos").json().get(0).get("index_state").asString()).isEqualTo("current");
	}

}

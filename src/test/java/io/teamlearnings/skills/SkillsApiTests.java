package io.teamlearnings.skills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.SharedServiceContext;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Skills over real HTTP, in the project roots of the shared service's repositories
 * ({@code <root>/.codex/skills}): created, listed, read and validated; and names and
 * roots that try to leave the roots ({@code ..}, absolute paths, encoded slashes, a
 * linked {@code .codex}) refused with nothing written outside them.
 */
class SkillsApiTests extends SharedServiceContext {

	@LocalServerPort
	int port;

	@Test
	void createsListsReadsAndValidatesASkillInARepositorysOwnRoot() {
		HttpClientSupport http = new HttpClientSupport(this.port);
		HttpClientSupport.Response created = http.postJson("/api/skills",
				"{\"name\": \"Bump Version\", \"root\": \"skills-app\", \"resources\": [\"scripts\"], "
						+ "\"description\": \"Bumps the version in pom.xml. Use before a release.\"}");
		Path skill = root("skills-app").resolve(".codex/skills/bump-version");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/skills/skills-app/bump-version");
		assertThat(created.json().get("path").asString()).isEqualTo(skill.toString());
		assertThat(skill.resolve("SKILL.md")).isRegularFile();
		assertThat(http.get("/api/skills?repository=skills-app").json().findValuesAsString("name"))
			.containsExactly("bump-version");
		HttpClientSupport.Response unknown = http.get("/api/skills?repository=no-such-repo");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("No repository named 'no-such-repo'");
		assertThat(http.get("/api/skills/fragments?repository=no-such-repo").status()).isEqualTo(404);
		assertThat(http
			.postJson("/api/skills/match",
					"{\"lesson\": \"When releasing, bump the version.\", " + "\"repository\": \"no-such-repo\"}")
			.status()).isEqualTo(404);
		assertThat(http.get("/api/skills/skills-app/bump-version")
			.json()
			.get("front_matter")
			.get("description")
			.asString()).isEqualTo("Bumps the version in pom.xml. Use before a release.");
		assertThat(http.postJson("/api/skills/validate", "{\"paths\": [\"" + skill + "\"]}", "text/plain").body())
			.isEqualTo("Skill is valid!\n");
	}

	@Test
	void refusesNamesAndRootsThatLeaveTheRootsAndWritesNothing() throws IOException {
		HttpClientSupport http = new HttpClientSupport(this.port);
		// this test's own root, whole; other tests write into their roots meanwhile
		Path app = root("skills-app");
		List<Path> before = tree(app);

		for (String name : List.of("../escape", "../../../tmp/escape", "/tmp/escape", "a/../../b", "..")) {
			HttpClientSupport.Response refused = http.postJson("/api/skills",
					"{\"name\": \"" + name + "\", \"root\": \"skills-app\"}");
			assertThat(refused.status()).as(name).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		for (String root : List.of("..", "../skills-app", "/tmp", "skills-app/..")) {
			assertThat(http.postJson("/api/skills", "{\"name\": \"escape\", \"root\": \"" + root + "\"}").status())
				.as(root)
				.isEqualTo(404);
		}
		assertThat(http.get("/api/skills/skills-app/..%2F..%2Fetc").status()).isEqualTo(400);
		assertThat(http.get("/api/skills/skills-app/%2e%2e").status()).isEqualTo(400);
		assertThat(http.postJson("/api/skills/validate", "{\"paths\": [\"skills-app/../../etc\"]}").status())
			.isEqualTo(400);
		assertThat(http.postJson("/api/skills/validate", "{\"paths\": [\"/etc\"]}").status()).isEqualTo(400);

		assertThat(tree(app)).containsExactlyInAnyOrderElementsOf(before);
		// nor anything where a name or root that leaves the roots would have led
		try (Stream<Path> paths = Files.walk(app.getParent().getParent())) {
			assertThat(paths.map((path) -> path.getFileName().toString())).doesNotContain("escape", "b")
				.doesNotContain("etc");
		}
		assertThat(Path.of("/tmp/escape")).doesNotExist();
	}

	@Test
	void refusesToWriteThroughALinkedCodexDirectory() throws IOException {
		Path outside = TestStores.newDirectory("skills-outside");
		Files.createSymbolicLink(root("skills-linked").resolve(".codex"), outside);

		HttpClientSupport.Response refused = new HttpClientSupport(this.port).postJson("/api/skills",
				"{\"name\": \"escape\", \"root\": \"skills-linked\"}");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("leads out of");
		try (Stream<Path> written = Files.walk(outside)) {
			assertThat(written.filter((path) -> path.getFileName().toString().equals("escape"))).isEmpty();
		}
	}

	private static List<Path> tree(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			return paths.filter((path) -> !path.toString().contains("bump-version")).toList();
		}
	}

}

package io.teamlearnings.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one running service the API tests share, so that Spring's test context cache starts
 * it once per test JVM instead of once per test class. A test class extends this class
 * and adds no configuration of its own (no properties, imports or mocked beans: any of
 * them would make the cache start another service).
 * <p>
 * Repositories are configured only at startup, so every repository an API test uses is
 * declared here, once, with a name that belongs to one test class and a root of its own;
 * a test uses only its own repositories, and asserts only about them. The service also
 * has, for all of them: its clock pinned to {@link FixedClock#NOW}, one memories root
 * (notes and digests; the {@code memory-note} lock in its parent, waited for 1 s), one
 * Codex home and uploads directory, a {@link #TEAM team} repository to share into,
 * evidence snapshots limited to 300 characters, and the quality gate's temporary-path
 * rule off (every root is under the system's temporary directory). The {@code git-sync-*}
 * repositories are clones of bare remotes of their own, with git sync on. The gate itself
 * stays strict: a test whose rows are not about quality and must stay as they are appends
 * them with {@code quality_mode=best_effort}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FixedClock.class)
public abstract class SharedServiceContext {

	/** The repository {@code share} copies rules into. */
	public static final String TEAM = "team";

	/** Every served repository, in the order GET /api/repos lists them. */
	private static final List<String> REPOS = List.of("chains-self", "case-a-odd-values", "case-b-loop", "chains-deep",
			"case-d-unicode", "case-c-rewrite", "admissions-app", "canonical-first", "fixture-dotfiles",
			"fixture-shared", "fixture-external", "fixture-torn", "rebuild-rewritten", "large-corpus", "recall-code",
			"recall-chains", "recall-other", "recall-dotfiles", "recall-quality", "concurrent-distinct",
			"concurrent-same", "concurrent-near", "concurrent-chain", "concurrent-read-back", "transfer-project", TEAM,
			"transfer-target", "fault-store", "fault-notes", "hostile-app", "tool-notes", "quality-gate",
			"quality-tool-rows", "quality-import", "lost-acks", "skills-app", "skills-linked", "recall-reused-id",
			"mcp-app", "mcp-other", "browser-guard", "cli-append", "cli-recall", "cli-empty", "git-sync-app",
			"git-sync-offline");

	/**
	 * Repositories whose root is a git clone of a bare remote of their own
	 * ({@link #remote}), with git sync on (branch {@code main}, an hour's interval: the
	 * tests sync on request).
	 */
	private static final Set<String> GIT_SYNCED = Set.of("git-sync-app", "git-sync-offline");

	/**
	 * Repositories whose store is a copy of the dotfiles fixture when the service starts.
	 */
	private static final Set<String> DOTFILES = Set.of("fixture-dotfiles", "fixture-shared", "rebuild-rewritten",
			"recall-dotfiles", "transfer-project");

	private static final Path HOME = createHome();

	/** The root of one of the shared service's repositories. */
	public static Path root(String repo) {
		if (!REPOS.contains(repo)) {
			throw new IllegalArgumentException("No repository " + repo + " in the shared service; declare it in "
					+ SharedServiceContext.class.getSimpleName());
		}
		return HOME.resolve("repos").resolve(repo);
	}

	/** The bare remote of a repository that has git sync on. */
	public static Path remote(String repo) {
		if (!GIT_SYNCED.contains(repo)) {
			throw new IllegalArgumentException("No git remote for " + repo);
		}
		return HOME.resolve("remotes").resolve(repo + ".git");
	}

	/** The memories root: notes and digests of every repository. */
	public static Path memories() {
		return HOME.resolve("memories");
	}

	/** The Codex home: {@code sessions} and {@code archived_sessions}. */
	public static Path codexHome() {
		return HOME.resolve("codex-home");
	}

	/** Where uploaded sessions are stored. */
	public static Path uploads() {
		return HOME.resolve("uploads");
	}

	@DynamicPropertySource
	static void sharedService(DynamicPropertyRegistry registry) {
		registry.add("learnings.data-dir", () -> HOME.resolve("data").toString());
		for (int i = 0; i < REPOS.size(); i++) {
			String name = REPOS.get(i);
			registry.add("learnings.repos[" + i + "].name", () -> name);
			registry.add("learnings.repos[" + i + "].root", () -> root(name).toString());
			if (GIT_SYNCED.contains(name)) {
				registry.add("learnings.repos[" + i + "].git.enabled", () -> "true");
				registry.add("learnings.repos[" + i + "].git.branch", () -> "main");
				registry.add("learnings.repos[" + i + "].git.interval", () -> "1h");
			}
		}
		registry.add("learnings.store.team-repo", () -> TEAM);
		registry.add("learnings.store.allow-temp-path", () -> "true");
		registry.add("learnings.memory.root", () -> memories().toString());
		registry.add("learnings.memory.lock-wait", () -> "1s");
		registry.add("learnings.admissions.max-evidence-chars", () -> "300");
		registry.add("learnings.sessions.sessions-dir", () -> codexHome().resolve("sessions").toString());
		registry.add("learnings.sessions.archive-dir", () -> codexHome().resolve("archived_sessions").toString());
		registry.add("learnings.sessions.uploads-dir", () -> uploads().toString());
		registry.add("learnings.sessions.run-memory-file", () -> HOME.resolve("run-memory.md").toString());
		registry.add("learnings.sessions.runs-file", () -> HOME.resolve("runs.jsonl").toString());
	}

	private static Path createHome() {
		Path home = TestStores.newDirectory("shared-service");
		try {
			for (String repo : REPOS) {
				if (GIT_SYNCED.contains(repo)) {
					Path remote = home.resolve("remotes").resolve(repo + ".git");
					GitRepos.createRemote(remote);
					Files.createDirectories(home.resolve("repos"));
					GitRepos.cloneAs(remote, home.resolve("repos").resolve(repo), "service-host");
					continue;
				}
				Path root = Files.createDirectories(home.resolve("repos").resolve(repo));
				if (DOTFILES.contains(repo)) {
					TestStores.copyDotfilesFixture(root);
				}
			}
			Files.createDirectories(home.resolve("memories"));
			Files.createDirectories(home.resolve("codex-home"));
			Files.createDirectories(home.resolve("uploads"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return home;
	}

}

package io.teamlearnings.learnings.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context the service fills in when a caller gives none, as the learnings tool does:
 * the branch {@code git rev-parse --abbrev-ref HEAD} prints, or {@code unknown} where it
 * fails.
 */
class GitContextTests {

	@TempDir
	Path root;

	@Test
	void aRepositoryWithoutACommitHasNoBranchYet() throws IOException {
		git("HEAD", "ref: refs/heads/main\n");

		assertThat(GitContext.of(this.root).branch()).isEqualTo("unknown");
	}

	@Test
	void readsTheBranchFromALooseOrAPackedRef() throws IOException {
		git("HEAD", "ref: refs/heads/feature/retries\n");
		git("refs/heads/feature/retries", "89ccd4c6a81eeb1d89ccd4c6a81eeb1d89ccd4c6\n");
		assertThat(GitContext.of(this.root).branch()).isEqualTo("feature/retries");

		Files.delete(this.root.resolve(".git/refs/heads/feature/retries"));
		git("packed-refs", "# pack-refs with: peeled fully-peeled sorted\n"
				+ "89ccd4c6a81eeb1d89ccd4c6a81eeb1d89ccd4c6 refs/heads/feature/retries\n");
		assertThat(GitContext.of(this.root).branch()).isEqualTo("feature/retries");
	}

	@Test
	void aDetachedHeadOrNoGitIsUnknown() throws IOException {
		assertThat(GitContext.of(this.root).branch()).isEqualTo("unknown");
		git("HEAD", "89ccd4c6a81eeb1d89ccd4c6a81eeb1d89ccd4c6\n");
		assertThat(GitContext.of(this.root).branch()).isEqualTo("unknown");
	}

	@Test
	void namesTheRepositoryByItsOriginElseByItsDirectory() throws IOException {
		assertThat(GitContext.of(this.root).repo()).isEqualTo(this.root.getFileName().toString());
		git("config", "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = git@github.com:acme/app.git\n");
		assertThat(GitContext.of(this.root).repo()).isEqualTo("acme/app");
	}

	private void git(String file, String content) throws IOException {
		Path path = this.root.resolve(".git").resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, content);
	}

}

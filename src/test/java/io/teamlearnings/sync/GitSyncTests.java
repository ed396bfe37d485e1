package io.teamlearnings.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.repos.GitSyncSettings;
import io.teamlearnings.repos.Repo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.teamlearnings.support.GitRepos.cloneAs;
import static io.teamlearnings.support.GitRepos.createRemote;
import static io.teamlearnings.support.GitRepos.git;
import static io.teamlearnings.support.GitRepos.linesAt;
import static io.teamlearnings.support.GitRepos.teammateAppendsAndPushes;
import static io.teamlearnings.support.GitRepos.toolAppend;
import static io.teamlearnings.support.GitRepos.toolRow;
import static io.teamlearnings.support.GitRepos.tryGit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Git sync against real repositories on disk: a bare remote, the service's clone and a
 * teammate's clone, no network. The service's appends are made under the same guard the
 * sync takes; the teammate appends with the learnings tool's write pattern.
 */
class GitSyncTests {

	private static final GitSyncSettings ON = new GitSyncSettings(true, "origin", "main",
			java.time.Duration.ofMinutes(5), "");

	@TempDir
	Path dir;

	Path remote;

	Path service;

	Path teammate;

	Repo repo;

	final List<Runnable> beforePush = new ArrayList<>();

	GitSync sync;

	@BeforeEach
	void repositories() throws IOException {
		this.remote = this.dir.resolve("remote.git");
		createRemote(this.remote, row(0, "service"));
		this.service = cloneAs(this.remote, this.dir.resolve("service"), "service-host");
		this.teammate = cloneAs(this.remote, this.dir.resolve("teammate"), "teammate");
		this.repo = new Repo("app", this.service);
		Path attributes = GitSyncConfiguration.attributesFile(this.dir.resolve("data"));
		this.sync = new GitSync(new GitCommand("git"), (repo, work) -> {
			synchronized (this) {
				work.run();
			}
		}, attributes, Clock.systemUTC(), (repo) -> {
			List<Runnable> hooks = new ArrayList<>(this.beforePush);
			this.beforePush.clear();
			hooks.forEach(Runnable::run);
		});
	}

	static String row(int n, String writer) {
		return toolRow(String.format("2026-11-30T10:%02d:00Z", n), "do_more",
				"When " + writer + " case " + n + " happens, prefer the plain fix because it was verified");
	}

	private GitSync.Run run() throws GitFailure {
		return this.sync.run(this.repo, ON, null, new GitSync.Tally());
	}

	private void serviceAppends(String... lines) {
		synchronized (this) {
			for (String line : lines) {
				toolAppend(this.service, line);
			}
		}
	}

	private List<String> file(Path clone) throws IOException {
		return Files.readAllLines(clone.resolve(".learnings.jsonl"));
	}

	@Test
	void keepsEveryRowOfBothWritersOnceInEachWritersOrder() throws Exception {
		List<String> mine = List.of(row(1, "service"), row(2, "service"), row(3, "service"));
		List<String> theirs = List.of(row(4, "teammate"), row(5, "teammate"));
		serviceAppends(mine.get(0), mine.get(1));
		teammateAppendsAndPushes(this.teammate, theirs.get(0));
		serviceAppends(mine.get(2));
		teammateAppendsAndPushes(this.teammate, theirs.get(1));

		GitSync.Tally tally = new GitSync.Tally();
		GitSync.Run run = this.sync.run(this.repo, ON, null, tally);
		git(this.teammate, "pull", "--quiet", "--no-rebase", "origin", "main");

		assertThat(tally.committed).isEqualTo(3);
		assertThat(tally.received).isEqualTo(2);
		assertThat(tally.pushedAt).isNotNull();
		assertThat(tally.ahead).isZero();
		assertThat(run.ahead()).isZero();
		assertThat(run.behind()).isZero();
		List<String> expected = new ArrayList<>(List.of(row(0, "service")));
		expected.addAll(mine);
		expected.addAll(theirs);
		assertThat(file(this.service)).containsExactlyElementsOf(expected);
		assertThat(linesAt(this.remote, "main")).containsExactlyElementsOf(expected);
		assertThat(file(this.teammate)).containsExactlyElementsOf(expected);
		for (Path clone : List.of(this.service, this.teammate)) {
			assertThat(Files.readString(clone.resolve(".learnings.jsonl"))).doesNotContain("<<<<<<<", ">>>>>>>",
					"=======");
			assertThat(git(clone, "status", "--porcelain")).isEmpty();
		}
		assertThat(git(this.service, "log", "--format=%an|%s", "-2"))
			.contains("service-host|learnings-service: 3 rows (lrn-");
	}

	@Test
	void integratesAgainWhenSomeonePushedFirst() throws Exception {
		String theirs = row(7, "teammate");
		serviceAppends(row(6, "service"));
		this.beforePush.add(() -> teammateAppendsAndPushes(this.teammate, theirs));

		GitSync.Tally tally = new GitSync.Tally();
		this.sync.run(this.repo, ON, null, tally);

		assertThat(tally.pushedAt).isNotNull();
		assertThat(tally.received).isEqualTo(1);
		assertThat(linesAt(this.remote, "main")).containsExactly(row(0, "service"), row(6, "service"), theirs);
		assertThat(file(this.service)).containsExactlyElementsOf(linesAt(this.remote, "main"));
	}

	@Test
	void anUnreachableRemoteFailsTheSyncAndItsRowsArePushedOnceItIsBack() throws Exception {
		Path away = this.dir.resolve("away.git");
		Files.move(this.remote, away);
		serviceAppends(row(8, "service"));

		assertThatThrownBy(this::run).isInstanceOf(GitFailure.class)
			.satisfies((ex) -> assertThat(((GitFailure) ex).kind()).isEqualTo(GitFailure.Kind.REMOTE))
			.hasMessageContaining("fetch from 'origin' failed");
		serviceAppends(row(9, "service"));
		assertThat(file(this.service)).hasSize(3);

		Files.move(away, this.remote);
		GitSync.Tally tally = new GitSync.Tally();
		this.sync.run(this.repo, ON, null, tally);

		assertThat(tally.committed).isEqualTo(2);
		assertThat(linesAt(this.remote, "main")).containsExactly(row(0, "service"), row(8, "service"),
				row(9, "service"));
	}

	@Test
	void commitsOnlyTheStoreAndLeavesEveryOtherChangeAsItWas() throws Exception {
		Files.writeString(this.service.resolve("README.md"), "Edited, not staged.\n");
		Files.writeString(this.service.resolve("staged.txt"), "staged\n");
		git(this.service, "add", "staged.txt");
		Files.writeString(this.service.resolve("untracked.txt"), "untracked\n");
		serviceAppends(row(10, "service"));

		run();

		assertThat(git(this.service, "show", "--name-only", "--format=", "HEAD").strip()).isEqualTo(".learnings.jsonl");
		assertThat(git(this.service, "status", "--porcelain").lines().toList())
			.containsExactlyInAnyOrder(" M README.md", "A  staged.txt", "?? untracked.txt");
		assertThat(linesAt(this.remote, "main")).containsExactly(row(0, "service"), row(10, "service"));
	}

	@Test
	void stopsWithoutChangingAnythingWhenChangesAreStagedAndTheRemoteMoved() throws Exception {
		teammateAppendsAndPushes(this.teammate, row(11, "teammate"));
		Files.writeString(this.service.resolve("README.md"), "Staged edit.\n");
		git(this.service, "add", "README.md");
		serviceAppends(row(12, "service"));
		String head = git(this.service, "rev-parse", "HEAD");

		GitSync.Tally tally = new GitSync.Tally();
		assertThatThrownBy(() -> this.sync.run(this.repo, ON, null, tally)).isInstanceOf(GitFailure.class)
			.hasMessageContaining("staged");
		// counted although the sync stopped: the fetch brought the teammate's commit
		assertThat(tally.ahead).isZero();
		assertThat(tally.behind).isEqualTo(1);

		assertThat(git(this.service, "rev-parse", "HEAD")).isEqualTo(head);
		assertThat(file(this.service)).containsExactly(row(0, "service"), row(12, "service"));
	}

	@Test
	void stopsOnAStoreWhoseCommittedLinesWereChanged() throws Exception {
		Files.writeString(this.service.resolve(".learnings.jsonl"), row(13, "service") + "\n");
		String head = git(this.service, "rev-parse", "HEAD");

		assertThatThrownBy(this::run).isInstanceOf(GitFailure.class)
			.satisfies((ex) -> assertThat(((GitFailure) ex).kind()).isEqualTo(GitFailure.Kind.CHECKOUT))
			.hasMessageContaining("not only appended rows");

		assertThat(git(this.service, "rev-parse", "HEAD")).isEqualTo(head);
		assertThat(linesAt(this.remote, "main")).containsExactly(row(0, "service"));
	}

	@Test
	void stopsInTheMiddleOfAMergeAndOnTheWrongBranchOrADetachedHead() throws Exception {
		Files.writeString(this.teammate.resolve("README.md"), "Theirs.\n");
		git(this.teammate, "commit", "--quiet", "-am", "readme");
		git(this.teammate, "push", "--quiet", "origin", "main");
		Files.writeString(this.service.resolve("README.md"), "Ours.\n");
		git(this.service, "commit", "--quiet", "-am", "readme");
		git(this.service, "fetch", "--quiet");
		assertThat(tryGit(this.service, "merge", "origin/main").exit()).isNotZero();

		assertThatThrownBy(this::run).isInstanceOf(GitFailure.class).hasMessageContaining("in the middle of a merge");
		assertThat(Files.readString(this.service.resolve("README.md"))).contains("<<<<<<<");

		git(this.service, "merge", "--abort");
		git(this.service, "checkout", "--quiet", "-b", "topic");
		assertThatThrownBy(this::run).isInstanceOf(GitFailure.class).hasMessageContaining("on branch 'topic'");
		git(this.service, "checkout", "--quiet", "--detach");
		assertThatThrownBy(this::run).isInstanceOf(GitFailure.class).hasMessageContaining("detached");
	}

	@Test
	void abortsAMergeGitCannotFinishAndLeavesNoHalfDoneMerge() throws Exception {
		Files.writeString(this.teammate.resolve("README.md"), "Theirs.\n");
		git(this.teammate, "commit", "--quiet", "-am", "readme");
		git(this.teammate, "push", "--quiet", "origin", "main");
		Files.writeString(this.service.resolve("README.md"), "Ours.\n");
		git(this.service, "commit", "--quiet", "-am", "readme");

		assertThatThrownBy(this::run).isInstanceOf(GitFailure.class)
			.satisfies((ex) -> assertThat(((GitFailure) ex).kind()).isEqualTo(GitFailure.Kind.MERGE))
			.hasMessageContaining("aborted");

		assertThat(git(this.service, "status", "--porcelain")).isEmpty();
		assertThat(Files.readString(this.service.resolve("README.md"))).isEqualTo("Ours.\n");
	}

	@Test
	void stopsWhenTheRemoteRewroteLinesOfTheStore() throws Exception {
		git(this.teammate, "pull", "--quiet");
		Files.writeString(this.teammate.resolve(".learnings.jsonl"), row(14, "teammate") + "\n");
		git(this.teammate, "commit", "--quiet", "-am", "rewrite");
		git(this.teammate, "push", "--quiet", "origin", "main");

		assertThatThrownBy(this::run).isInstanceOf(GitFailure.class).hasMessageContaining("changed or removed lines");
		assertThat(file(this.service)).containsExactly(row(0, "service"));
	}

	@Test
	void warnsUntilTheTeamGivesTheStoreTheUnionDriver() throws Exception {
		assertThat(run().warnings()).singleElement().asString().contains("merge=union");

		Files.writeString(this.service.resolve(".gitattributes"), ".learnings.jsonl merge=union\n");
		git(this.service, "add", ".gitattributes");
		git(this.service, "commit", "--quiet", "-m", "union");

		assertThat(run().warnings()).isEmpty();
		assertThat(this.sync.warnings(this.repo)).isEmpty();
	}

	@Test
	void stopsWhenGitRefusesToMergeOverLocalEditsOfAFileTheRemoteChanged() throws Exception {
		git(this.teammate, "pull", "--quiet");
		Files.writeString(this.teammate.resolve("README.md"), "Theirs.\n");
		git(this.teammate, "commit", "--quiet", "-am", "readme");
		git(this.teammate, "push", "--quiet", "origin", "main");
		Files.writeString(this.service.resolve("README.md"), "Local edit, not committed.\n");
		serviceAppends(row(15, "service"));

		assertThatThrownBy(this::run).isInstanceOf(GitFailure.class)
			.satisfies((ex) -> assertThat(((GitFailure) ex).kind()).isEqualTo(GitFailure.Kind.MERGE))
			.hasMessageContaining("the merge changed no file")
			.hasMessageContaining("1 row appended since the last commit was committed before it and is pushed once "
					+ "the merge can be made")
			.message()
			.doesNotContain("nothing was changed");

		assertThat(Files.readString(this.service.resolve("README.md"))).isEqualTo("Local edit, not committed.\n");
		assertThat(git(this.service, "status", "--porcelain").strip()).isEqualTo("M README.md");
		assertThat(file(this.service)).containsExactly(row(0, "service"), row(15, "service"));
	}

	@Test
	void withABlankBranchSettingKeepsTheBranchOfTheFirstSyncAndStopsOnAnother() throws Exception {
		GitSyncSettings blank = new GitSyncSettings(true, "origin", "", java.time.Duration.ofMinutes(5), "");
		GitSync.Tally first = new GitSync.Tally();
		this.sync.run(this.repo, blank, null, first);
		assertThat(first.branch).isEqualTo("main");
		git(this.service, "checkout", "--quiet", "-b", "feature");
		serviceAppends(row(16, "service"));
		String head = git(this.service, "rev-parse", "HEAD");

		assertThatThrownBy(() -> this.sync.run(this.repo, blank, first.branch, new GitSync.Tally()))
			.isInstanceOf(GitFailure.class)
			.satisfies((ex) -> assertThat(((GitFailure) ex).kind()).isEqualTo(GitFailure.Kind.CHECKOUT))
			.hasMessageContaining("on branch 'feature', not 'main'")
			.hasMessageContaining("when sync first ran");
		assertThat(git(this.service, "rev-parse", "HEAD")).isEqualTo(head);
		assertThat(git(this.remote, "branch", "--list", "feature")).isEmpty();

		git(this.service, "checkout", "--quiet", "--detach");
		assertThatThrownBy(() -> this.sync.run(this.repo, blank, first.branch, new GitSync.Tally()))
			.isInstanceOf(GitFailure.class)
			.hasMessageContaining("HEAD is detached; check out 'main'");
	}

	@Test
	void countsAheadAndBehindAlsoWhenASyncFails() throws Exception {
		teammateAppendsAndPushes(this.teammate, row(17, "teammate"));
		teammateAppendsAndPushes(this.teammate, row(18, "teammate"));
		git(this.service, "fetch", "--quiet");
		git(this.service, "checkout", "--quiet", "-b", "topic");
		GitSync.Tally tally = new GitSync.Tally();

		assertThatThrownBy(() -> this.sync.run(this.repo, ON, null, tally)).isInstanceOf(GitFailure.class)
			.hasMessageContaining("on branch 'topic'");

		assertThat(tally.ahead).isZero();
		assertThat(tally.behind).isEqualTo(2);
	}

	@Test
	void losesNoRowWhileTheServiceAppendsDuringSyncsAndATeammatePushes() throws Exception {
		List<String> mine = new ArrayList<>();
		List<String> theirs = new ArrayList<>();
		for (int i = 1; i <= 40; i++) {
			mine.add(row(i, "service"));
		}
		for (int i = 41; i <= 46; i++) {
			theirs.add(row(i, "teammate"));
		}
		Thread appender = new Thread(() -> {
			for (String line : mine) {
				serviceAppends(line);
				Thread.onSpinWait();
			}
		});
		appender.start();
		for (String line : theirs) {
			teammateAppendsAndPushes(this.teammate, line);
			run();
		}
		appender.join();
		run();
		git(this.teammate, "pull", "--quiet", "--no-rebase", "origin", "main");

		List<String> merged = file(this.service);
		assertThat(merged).hasSize(1 + mine.size() + theirs.size()).doesNotHaveDuplicates();
		assertThat(merged.stream().filter(mine::contains).toList()).containsExactlyElementsOf(mine);
		assertThat(merged.stream().filter(theirs::contains).toList()).containsExactlyElementsOf(theirs);
		assertThat(linesAt(this.remote, "main")).containsExactlyElementsOf(merged);
		assertThat(file(this.teammate)).containsExactlyElementsOf(merged);
	}

}

package io.teamlearnings.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.repos.GitSyncSettings;
import io.teamlearnings.repos.Repo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;

/**
 * One sync of one repository's checkout with its remote, with the {@code git} command:
 * <ol>
 * <li>checks the checkout: the top of a git working tree, on the configured branch, no
 * merge, rebase, cherry-pick or revert under way, no unmerged path; otherwise it stops
 * and changes nothing;</li>
 * <li>fetches the branch from the remote (never tags, never other branches);</li>
 * <li>under the store's locks (no append interleaves): commits the rows appended to
 * {@code .learnings.jsonl} since its last commit, only that file ({@code commit --only}),
 * with a message naming their ids, after checking that the uncommitted change is a pure
 * append; then merges the remote-tracking branch with git's built-in {@code union} driver
 * for {@code .learnings.jsonl} (given through {@code core.attributesFile}, so it applies
 * even before the team adds it to {@code .gitattributes}), after checking that the remote
 * only appended to the file; a merge git refuses or fails is aborted;</li>
 * <li>pushes {@code HEAD} to the branch, never forced; a push refused because the remote
 * moved is retried after fetching and merging again, up to {@value #PUSH_ATTEMPTS}
 * times.</li>
 * </ol>
 * Other files of the checkout are never staged or committed; a merge updates them only as
 * git merges any branch, and git refuses it when local changes are in the way.
 */
class GitSync {

	private static final Logger log = LoggerFactory.getLogger(GitSync.class);

	static final int PUSH_ATTEMPTS = 3;

	static final String STORE = Repo.STORE_FILE_NAME;

	static final String DEFAULT_AUTHOR = "learnings-service <learnings-service@localhost>";

	/** Called before each push; tests use it to let a teammate push first. */
	@FunctionalInterface
	interface PushHook {

		void beforePush(Repo repo) throws IOException;

	}

	private final GitCommand git;

	private final StoreGuard guard;

	private final Path attributesFile;

	private final Clock clock;

	private final PushHook pushHook;

	GitSync(GitCommand git, StoreGuard guard, Path attributesFile, Clock clock, PushHook pushHook) {
		this.git = git;
		this.guard = guard;
		this.attributesFile = attributesFile;
		this.clock = clock;
		this.pushHook = pushHook;
	}

	/**
	 * What a sync did so far, filled in as it goes, so that a sync that fails half-way
	 * still tells what it fetched, received and committed.
	 */
	static final class Tally {

		@Nullable
		String branch;

		@Nullable
		Instant fetchedAt;

		@Nullable
		Instant pushedAt;

		int received;

		int committed;

		/**
		 * Whether the repository's root was found to be the top of a git working tree.
		 */
		boolean inCheckout;

		/** Commits the remote lacks, once the sync ended; null if unknown. */
		@Nullable
		Integer ahead;

		/** Commits the checkout lacks, once the sync ended; null if unknown. */
		@Nullable
		Integer behind;

	}

	/**
	 * Where the checkout stands after a sync that succeeded.
	 *
	 * @param ahead commits the remote lacks (0 once pushed)
	 * @param behind commits the checkout lacks
	 * @param warnings what the team should fix although sync works
	 */
	record Run(int ahead, int behind, List<String> warnings) {
	}

	/**
	 * Syncs {@code repo}'s checkout with its remote.
	 * @param repo the repository
	 * @param settings its sync settings
	 * @param remembered with {@code git.branch} blank, the branch the checkout had
	 * checked out when sync first ran for the repository in this service
	 * ({@link Tally#branch} of that sync); null before
	 * @param tally filled in with what the sync does as it goes, and, however it ends,
	 * with where the checkout stands (best effort, from local refs only)
	 * @return where the checkout stands afterwards
	 * @throws GitFailure why it failed or stopped; the checkout holds no half-done merge
	 */
	Run run(Repo repo, GitSyncSettings settings, @Nullable String remembered, Tally tally) throws GitFailure {
		Checkout checkout = new Checkout(this.git, repo);
		String expected = settings.branch().isBlank() ? remembered : settings.branch();
		try {
			Run run = sync(repo, checkout, settings, expected, tally);
			tally.ahead = run.ahead();
			tally.behind = run.behind();
			return run;
		}
		catch (GitFailure ex) {
			standing(checkout, settings.remote(), (tally.branch != null) ? tally.branch : expected, tally);
			throw ex;
		}
	}

	/**
	 * Counts, after a sync that failed or stopped, the commits between {@code HEAD} and
	 * the remote-tracking branch as they are locally (no fetch); leaves them unknown when
	 * they cannot be counted.
	 */
	private static void standing(Checkout checkout, String remote, @Nullable String branch, Tally tally) {
		int[] aheadBehind = (tally.inCheckout && branch != null)
				? checkout.aheadBehindIfKnown("refs/remotes/" + remote + "/" + branch) : null;
		if (aheadBehind != null) {
			tally.ahead = aheadBehind[0];
			tally.behind = aheadBehind[1];
		}
	}

	private Run sync(Repo repo, Checkout checkout, GitSyncSettings settings, @Nullable String expected, Tally tally)
			throws GitFailure {
		checkout.requireTopLevel();
		tally.inCheckout = true;
		String current = checkout.currentBranch();
		if (current == null) {
			throw GitFailure.checkout("HEAD is detached; check out " + SyncWording.which(settings, expected));
		}
		String branch = (expected != null) ? expected : current;
		tally.branch = branch;
		if (!branch.equals(current)) {
			throw GitFailure.checkout("the checkout is on branch '" + current + "', not '" + branch + "' "
					+ SyncWording.why(settings) + "; check out '" + branch + "'" + SyncWording.orChange(settings));
		}
		requireNoOperation(checkout);
		if (checkout.config("remote." + settings.remote() + ".url") == null) {
			throw GitFailure.checkout("the checkout has no remote named '" + settings.remote() + "'");
		}
		String tracking = "refs/remotes/" + settings.remote() + "/" + branch;
		tally.fetchedAt = fetch(checkout, settings.remote(), branch, tracking);
		for (int attempt = 1;; attempt++) {
			tally.received += integrate(repo, checkout, settings, tracking, tally);
			String remoteHead = checkout.resolve(tracking);
			String head = checkout.resolve("HEAD");
			if (head == null || (remoteHead != null && remoteHead.equals(head))) {
				break;
			}
			try {
				this.pushHook.beforePush(repo);
			}
			catch (IOException ex) {
				throw GitFailure.git("the push hook failed: " + ex.getMessage());
			}
			GitCommand.Result push = checkout.runRemote("push", "--porcelain", "--no-verify", settings.remote(),
					"HEAD:refs/heads/" + branch);
			if (push.ok()) {
				tally.pushedAt = this.clock.instant();
				checkout.run("update-ref", "-m", "learnings-service: pushed", tracking, head);
				break;
			}
			tally.fetchedAt = fetch(checkout, settings.remote(), branch, tracking);
			String moved = checkout.resolve(tracking);
			if (moved == null || checkout.isAncestor(moved, "HEAD")) {
				throw GitFailure.remote("push to '" + settings.remote() + "' failed",
						GitFailure.redact(push.err() + "\n" + push.out()));
			}
			if (attempt == PUSH_ATTEMPTS) {
				throw GitFailure.remote("push to '" + settings.remote() + "' was refused " + PUSH_ATTEMPTS
						+ " times because others pushed first", "the next sync tries again");
			}
			log.info("Push of {} refused: the remote moved; integrating it again", repo.name());
		}
		int[] aheadBehind = (checkout.resolve(tracking) != null) ? checkout.aheadBehind(tracking) : new int[] { 0, 0 };
		return new Run(aheadBehind[0], aheadBehind[1], warnings(checkout));
	}

	private static void requireNoOperation(Checkout checkout) throws GitFailure {
		String operation = checkout.operationInProgress();
		if (operation != null) {
			throw GitFailure.checkout(
					"the checkout is in the middle of " + operation + "; finish or abort it by hand, then sync again");
		}
		if (checkout.status().unmerged()) {
			throw GitFailure.checkout("the checkout has unmerged paths; resolve them by hand, then sync again");
		}
	}

	private Instant fetch(Checkout checkout, String remote, String branch, String tracking) throws GitFailure {
		GitCommand.Result fetch = checkout.runRemote("fetch", "--quiet", "--no-tags", "--no-write-fetch-head", remote,
				"+refs/heads/" + branch + ":" + tracking);
		if (!fetch.ok() && !fetch.err().contains("couldn't find remote ref")) {
			throw GitFailure.remote("fetch from '" + remote + "' failed", GitFailure.redact(fetch.err()));
		}
		return this.clock.instant();
	}

	/**
	 * Commits the service's rows (counted in {@code tally} at once, so that a merge that
	 * fails afterwards still tells them) and merges the remote-tracking branch, under the
	 * store's locks; the index follows the file afterwards.
	 * @return lines the merge added to the store
	 */
	private int integrate(Repo repo, Checkout checkout, GitSyncSettings settings, String tracking, Tally tally)
			throws GitFailure {
		GitFailure[] failure = new GitFailure[1];
		int[] received = new int[1];
		try {
			this.guard.whileAppendsWait(repo, () -> {
				try {
					requireNoOperation(checkout);
					boolean behind = isBehind(checkout, tracking);
					if (behind) {
						requireMergeable(checkout, tracking);
					}
					int committed = new StoreCommit(checkout, repo).commitAppended(author(checkout, settings));
					tally.committed += committed;
					received[0] = behind ? merge(repo, checkout, tracking, committed) : 0;
				}
				catch (GitFailure ex) {
					failure[0] = ex;
				}
			});
		}
		catch (IOException ex) {
			throw GitFailure.checkout(".learnings.jsonl could not be read (" + ex.getClass().getSimpleName() + ")");
		}
		catch (RuntimeException ex) {
			log.warn("Git sync of {} could not take the store's lock", repo.name(), ex);
			throw GitFailure.git("the store's lock could not be taken (" + ex.getClass().getSimpleName()
					+ "); another process held it too long");
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		return received[0];
	}

	/** Whether the checkout lacks commits of the remote-tracking branch. */
	private static boolean isBehind(Checkout checkout, String tracking) throws GitFailure {
		String remoteHead = checkout.resolve(tracking);
		return remoteHead != null && !checkout.isAncestor(remoteHead, "HEAD");
	}

	/**
	 * Stops, before anything is committed, when the merge to come cannot be made: changes
	 * are staged (git merges only into an index without them; the store's own staged
	 * change is committed first), or the remote changed lines of the store.
	 */
	private static void requireMergeable(Checkout checkout, String tracking) throws GitFailure {
		List<String> staged = new ArrayList<>(checkout.status().staged());
		staged.remove(STORE);
		if (!staged.isEmpty()) {
			throw GitFailure.checkout("changes are staged in the checkout (" + String.join(", ", staged)
					+ "); git merges only into an index without staged changes: commit or unstage them, then sync "
					+ "again");
		}
		requireRemoteOnlyAppended(checkout, tracking);
	}

	/**
	 * Merges the remote-tracking branch, which has commits the checkout lacks, with the
	 * union driver for the store.
	 * @param committed rows committed just before, which stay committed if the merge
	 * fails
	 * @return lines the merge added to the store
	 */
	private int merge(Repo repo, Checkout checkout, String tracking, int committed) throws GitFailure, IOException {
		long before = StoreCommit.lines(repo.storeFile());
		GitCommand.Result merge = checkout.run("-c", "core.attributesFile=" + this.attributesFile, "merge", "--no-edit",
				"--no-verify", "--ff", "--quiet", "-m",
				"learnings-service: merge " + tracking.substring("refs/remotes/".length()), tracking);
		if (!merge.ok()) {
			String why = GitFailure.redact(merge.err() + "\n" + merge.out());
			if (checkout.operationInProgress() != null) {
				GitCommand.Result abort = checkout.run("merge", "--abort");
				if (!abort.ok()) {
					throw GitFailure.merge("the merge failed and could not be aborted; abort it by hand (git merge "
							+ "--abort): " + GitFailure.redact(abort.err()));
				}
				throw GitFailure.merge("the merge of " + tracking + " failed and was aborted"
						+ SyncWording.committedBefore(committed) + ": " + why);
			}
			throw GitFailure.merge("git refused to merge " + tracking + "; the merge changed no file"
					+ SyncWording.committedBefore(committed) + ": " + why);
		}
		return (int) Math.max(0, StoreCommit.lines(repo.storeFile()) - before);
	}

	/**
	 * Stops before a merge that would remove or change lines of the store: the remote's
	 * commits may only have added lines to it since the merge base.
	 */
	private static void requireRemoteOnlyAppended(Checkout checkout, String tracking) throws GitFailure {
		GitCommand.Result base = checkout.run("merge-base", "HEAD", tracking);
		if (!base.ok()) {
			return;
		}
		GitCommand.Result numstat = checkout.run("diff", "--numstat", "--no-renames", base.out().strip(), tracking,
				"--", STORE);
		String[] fields = numstat.out().strip().split("\\s+");
		if (!numstat.ok() || (fields.length >= 2 && !fields[1].equals("0"))) {
			throw GitFailure.checkout("the remote's commits changed or removed lines of .learnings.jsonl (not only "
					+ "appended); sync does not merge that: a person has to merge " + tracking + " by hand");
		}
	}

	/** {@code Name <email>} of the service's commits. */
	private static String author(Checkout checkout, GitSyncSettings settings) throws GitFailure {
		if (!settings.author().isBlank()) {
			return settings.author();
		}
		String name = checkout.config("user.name");
		String email = checkout.config("user.email");
		return (name != null && email != null) ? name + " <" + email + ">" : DEFAULT_AUTHOR;
	}

	/**
	 * What the team should fix in a repository's checkout although sync works; empty when
	 * its root is not a git checkout.
	 * @param repo the repository
	 * @return the warnings
	 */
	List<String> warnings(Repo repo) {
		try {
			Checkout checkout = new Checkout(this.git, repo);
			return checkout.resolve("HEAD") != null || checkout.currentBranch() != null ? warnings(checkout)
					: List.of();
		}
		catch (GitFailure ex) {
			return List.of();
		}
	}

	private static List<String> warnings(Checkout checkout) throws GitFailure {
		List<String> warnings = new ArrayList<>();
		if (!checkout.declaresUnion(STORE)) {
			warnings.add("No .gitattributes line gives .learnings.jsonl the union merge driver: a teammate's git pull "
					+ "stops with a conflict when both sides appended rows. Add '.learnings.jsonl merge=union' to "
					+ ".gitattributes and commit it.");
		}
		Path lock = checkout.root().resolve(STORE + ".lock");
		if (Files.exists(lock) && !checkout.run("check-ignore", "--quiet", STORE + ".lock").ok()) {
			warnings.add(".learnings.jsonl.lock (the service's lock file) is not ignored by git; add it to "
					+ ".gitignore so that nobody commits it.");
		}
		return warnings;
	}

}

package io.teamlearnings.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.teamlearnings.repos.Repo;

import org.springframework.lang.Nullable;

/**
 * Questions and the few commands git sync puts to one repository's checkout, each one
 * {@code git} call ({@link GitCommand}). Reads its state from machine-readable output
 * ({@code status --porcelain=v2}, {@code rev-list --left-right --count}, exit statuses).
 */
class Checkout {

	/** States of a checkout in which git is half-way through an operation. */
	private static final List<String> IN_PROGRESS = List.of("MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD",
			"rebase-merge", "rebase-apply");

	private final GitCommand git;

	private final Path root;

	Checkout(GitCommand git, Repo repo) {
		this.git = git;
		this.root = repo.root();
	}

	Path root() {
		return this.root;
	}

	GitCommand.Result run(String... args) throws GitFailure {
		return this.git.run(this.root, GitCommand.LOCAL, List.of(args));
	}

	GitCommand.Result runRemote(String... args) throws GitFailure {
		return this.git.run(this.root, GitCommand.REMOTE, List.of(args));
	}

	/**
	 * Refuses a root that is not the top of a git working tree (the store's path in
	 * commits is then {@code .learnings.jsonl}).
	 */
	void requireTopLevel() throws GitFailure {
		GitCommand.Result top = run("rev-parse", "--show-toplevel");
		if (!top.ok()) {
			throw GitFailure.checkout("the repository root is not a git checkout: " + GitFailure.redact(top.err()));
		}
		try {
			if (!Path.of(top.out().strip()).toRealPath().equals(this.root.toRealPath())) {
				throw GitFailure.checkout("the repository root is not the top of its git checkout (" + top.out().strip()
						+ "); serve the checkout's top directory");
			}
		}
		catch (IOException ex) {
			throw GitFailure.checkout("the repository root cannot be resolved (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/** The branch checked out, or null when HEAD is detached. */
	@Nullable
	String currentBranch() throws GitFailure {
		GitCommand.Result branch = run("symbolic-ref", "--quiet", "--short", "HEAD");
		return branch.ok() ? branch.out().strip() : null;
	}

	/**
	 * What git is half-way through in this checkout (a merge, rebase, cherry-pick or
	 * revert), or null.
	 */
	@Nullable
	String operationInProgress() throws GitFailure {
		for (String marker : IN_PROGRESS) {
			GitCommand.Result path = run("rev-parse", "--git-path", marker);
			if (path.ok() && Files.exists(this.root.resolve(path.out().strip()))) {
				return marker.startsWith("rebase") ? "a rebase"
						: "a " + marker.substring(0, marker.indexOf("_HEAD")).toLowerCase().replace('_', '-');
			}
		}
		return null;
	}

	/**
	 * Tracked paths with changes staged in the index, and whether any is unmerged, from
	 * {@code git status --porcelain=v2} (untracked files are not listed).
	 */
	record Status(List<String> staged, boolean unmerged) {
	}

	Status status() throws GitFailure {
		GitCommand.Result status = run("status", "--porcelain=v2", "--untracked-files=no", "--ignore-submodules=all");
		if (!status.ok()) {
			throw GitFailure.git("git status failed: " + GitFailure.redact(status.err()));
		}
		List<String> staged = new ArrayList<>();
		boolean unmerged = false;
		for (String line : status.out().split("\n")) {
			if (line.startsWith("u ")) {
				unmerged = true;
			}
			else if ((line.startsWith("1 ") || line.startsWith("2 ")) && line.charAt(2) != '.') {
				String[] fields = line.split(" ", line.startsWith("1 ") ? 9 : 10);
				String path = fields[fields.length - 1];
				int tab = path.indexOf('\t');
				staged.add((tab >= 0) ? path.substring(0, tab) : path);
			}
		}
		return new Status(staged, unmerged);
	}

	/** The object id {@code rev} names, or null if it names none. */
	@Nullable
	String resolve(String rev) throws GitFailure {
		GitCommand.Result id = run("rev-parse", "--verify", "--quiet", rev);
		return id.ok() ? id.out().strip() : null;
	}

	/** Whether commit {@code ancestor} is reachable from {@code descendant}. */
	boolean isAncestor(String ancestor, String descendant) throws GitFailure {
		GitCommand.Result check = run("merge-base", "--is-ancestor", ancestor, descendant);
		if (check.exit() > 1) {
			throw GitFailure.git("git merge-base failed: " + GitFailure.redact(check.err()));
		}
		return check.ok();
	}

	/** Commits HEAD has that {@code ref} has not, and the other way round. */
	int[] aheadBehind(String ref) throws GitFailure {
		GitCommand.Result count = run("rev-list", "--left-right", "--count", "HEAD..." + ref);
		if (!count.ok()) {
			throw GitFailure.git("git rev-list failed: " + GitFailure.redact(count.err()));
		}
		String[] parts = count.out().strip().split("\\s+");
		return new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) };
	}

	/**
	 * Commits {@code HEAD} has that {@code ref} lacks and the other way round, from local
	 * refs only, or null when they cannot be counted (no {@code HEAD}, no {@code ref},
	 * git failed).
	 */
	@Nullable
	int[] aheadBehindIfKnown(String ref) {
		try {
			return (resolve("HEAD") != null && resolve(ref) != null) ? aheadBehind(ref) : null;
		}
		catch (GitFailure | RuntimeException ex) {
			return null;
		}
	}

	/** The size in bytes of the blob with this id. */
	long blobSize(String blob) throws GitFailure {
		GitCommand.Result size = run("cat-file", "-s", blob);
		if (!size.ok()) {
			throw GitFailure.git("git cat-file failed: " + GitFailure.redact(size.err()));
		}
		return Long.parseLong(size.out().strip());
	}

	/**
	 * Whether the first {@code length} bytes of {@code file} are the blob {@code blob}:
	 * their git object id ({@code blob <length>\0<bytes>} hashed with the checkout's
	 * object format, SHA-1 or SHA-256) equals it.
	 */
	boolean startsWithBlob(Path file, long length, String blob) throws GitFailure, IOException {
		GitCommand.Result format = run("rev-parse", "--show-object-format");
		String algorithm = (format.ok() && format.out().strip().equals("sha256")) ? "SHA-256" : "SHA-1";
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		digest.update(("blob " + length + "\0").getBytes(StandardCharsets.US_ASCII));
		byte[] buffer = new byte[64 * 1024];
		long left = length;
		try (InputStream in = Files.newInputStream(file)) {
			while (left > 0) {
				int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
				if (read < 0) {
					return false;
				}
				digest.update(buffer, 0, read);
				left -= read;
			}
		}
		return HexFormat.of().formatHex(digest.digest()).equals(blob);
	}

	/**
	 * Whether the checkout's own attributes ({@code .gitattributes},
	 * {@code info/attributes}; not the user's global file) give {@code path} the
	 * {@code union} merge driver, as every teammate's {@code git pull} needs.
	 */
	boolean declaresUnion(String path) throws GitFailure {
		GitCommand.Result attr = run("-c", "core.attributesFile=/dev/null", "check-attr", "merge", "--", path);
		return attr.ok() && attr.out().strip().endsWith(": merge: union");
	}

	/** A configuration value of the checkout, or null if unset. */
	@Nullable
	String config(String key) throws GitFailure {
		GitCommand.Result value = run("config", "--get", key);
		return (value.ok() && !value.out().isBlank()) ? value.out().strip() : null;
	}

}

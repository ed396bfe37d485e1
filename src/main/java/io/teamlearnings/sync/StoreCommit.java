package io.teamlearnings.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.repos.Repo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commits the rows appended to a checkout's {@code .learnings.jsonl} since its last
 * commit, and nothing else: {@code git commit --only -- .learnings.jsonl} takes the file
 * as it is in the working tree and leaves every other staged or unstaged change where it
 * was. The uncommitted change must be a pure append (the committed file is a byte prefix
 * of the working file) ending with a complete line; otherwise nothing is committed and
 * the sync stops.
 */
class StoreCommit {

	/** Ids named in a commit's subject; the body names them all. */
	private static final int IDS_IN_SUBJECT = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Checkout checkout;

	private final Path file;

	StoreCommit(Checkout checkout, Repo repo) {
		this.checkout = checkout;
		this.file = repo.storeFile();
	}

	/**
	 * Commits the appended rows, if any, as {@code author}.
	 * @param author {@code Name <email>}
	 * @return rows committed
	 * @throws GitFailure of kind {@code checkout} if the change is not a pure append of
	 * complete lines, or the file was deleted; {@code git} if git failed
	 * @throws IOException if the file cannot be read
	 */
	int commitAppended(String author) throws GitFailure, IOException {
		String committed = this.checkout.resolve("HEAD:" + GitSync.STORE);
		boolean exists = Files.exists(this.file);
		if (!exists) {
			if (committed != null) {
				throw GitFailure.checkout(".learnings.jsonl is committed but missing from the checkout; restore it "
						+ "(git checkout -- .learnings.jsonl), then sync again");
			}
			return 0;
		}
		long size = Files.size(this.file);
		long from = 0;
		if (committed != null) {
			from = this.checkout.blobSize(committed);
			if (size < from || !this.checkout.startsWithBlob(this.file, from, committed)) {
				throw GitFailure.checkout("the uncommitted change to .learnings.jsonl is not only appended rows "
						+ "(committed lines were changed or removed); sync commits nothing until a person "
						+ "commits or restores it");
			}
		}
		if (size == from) {
			return 0;
		}
		byte[] appended = read(from, size);
		if (appended[appended.length - 1] != '\n') {
			throw GitFailure.checkout(".learnings.jsonl ends with an incomplete line (a write still under way, or "
					+ "torn); its rows are committed once the line is complete");
		}
		List<String> ids = ids(appended);
		if (committed == null) {
			GitCommand.Result add = this.checkout.run("add", "--", GitSync.STORE);
			if (!add.ok()) {
				throw GitFailure.git("git add failed: " + GitFailure.redact(add.err()));
			}
		}
		int open = author.lastIndexOf(" <");
		GitCommand.Result commit = this.checkout.run("-c", "user.name=" + author.substring(0, open), "-c",
				"user.email=" + author.substring(open + 2, author.length() - 1), "commit", "--only", "--no-verify",
				"--quiet", "-m", subject(ids), "-m", body(ids), "--", GitSync.STORE);
		if (!commit.ok()) {
			throw GitFailure.git("git commit failed: " + GitFailure.redact(commit.err() + "\n" + commit.out()));
		}
		return ids.size();
	}

	private byte[] read(long from, long to) throws IOException {
		byte[] bytes = new byte[(int) (to - from)];
		try (RandomAccessFile in = new RandomAccessFile(this.file.toFile(), "r")) {
			in.seek(from);
			in.readFully(bytes);
		}
		return bytes;
	}

	/** The id of each appended line, or {@code line <n> (no id)} for one without. */
	static List<String> ids(byte[] appended) {
		List<String> ids = new ArrayList<>();
		String[] lines = new String(appended, StandardCharsets.UTF_8).split("\n");
		for (int i = 0; i < lines.length; i++) {
			String id = null;
			try {
				JsonNode node = JSON.readTree(lines[i]);
				JsonNode value = (node != null) ? node.get("id") : null;
				id = (value != null && value.isString()) ? value.asString() : null;
			}
			catch (JacksonException ex) {
				// a malformed line is committed as it is, named by position
			}
			ids.add((id != null && !id.isBlank()) ? id : "appended line " + (i + 1) + " (no id)");
		}
		return ids;
	}

	static String subject(List<String> ids) {
		String named = String.join(", ", ids.subList(0, Math.min(IDS_IN_SUBJECT, ids.size())));
		return "learnings-service: " + ids.size() + ((ids.size() == 1) ? " row (" : " rows (") + named
				+ ((ids.size() > IDS_IN_SUBJECT) ? ", ...)" : ")");
	}

	static String body(List<String> ids) {
		return "Rows appended to .learnings.jsonl through the learnings service:\n\n" + String.join("\n", ids);
	}

	/** Complete lines in a file (its newlines); 0 if it does not exist. */
	static long lines(Path file) throws IOException {
		if (!Files.exists(file)) {
			return 0;
		}
		long count = 0;
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = Files.newInputStream(file)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						count++;
					}
				}
			}
		}
		return count;
	}

}

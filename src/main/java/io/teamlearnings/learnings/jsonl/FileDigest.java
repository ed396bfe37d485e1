package io.teamlearnings.learnings.jsonl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.teamlearnings.system.Sha256;

/**
 * SHA-256 over a sequence of rows, each as {@code <line number>:<line text>\n}. The same
 * rows in the same places give the same digest, whether read from the file or from the
 * index: that is how health proves the two agree.
 */
public final class FileDigest {

	private final MessageDigest sha;

	public FileDigest() {
		this.sha = Sha256.digest();
	}

	/** Adds row {@code lineNumber} (from 1) with its line, without newline. */
	public void add(long lineNumber, String raw) {
		this.sha.update(Long.toString(lineNumber).getBytes(StandardCharsets.US_ASCII));
		this.sha.update((byte) ':');
		this.sha.update(raw.getBytes(StandardCharsets.UTF_8));
		this.sha.update((byte) '\n');
	}

	/** The digest of the rows added, 64 lowercase hex digits; call once. */
	public String hex() {
		return HexFormat.of().formatHex(this.sha.digest());
	}

}

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

	public void add(long lineNumber, String raw) {
		this.sha.update(Long.toString(lineNumber).getBytes(StandardCharsets.US_ASCII));
		this.sha.update((byte) ':');
		this.sha.update(raw.getBytes(StandardCharsets.UTF_8));
		this.sha.update((byte) '\n');
	}

	public String hex() {
		return HexFormat.of().formatHex(this.sha.digest());
	}

}

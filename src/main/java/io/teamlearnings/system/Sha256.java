package io.teamlearnings.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex, the form every digest of the service takes (index
 * file windows, session file ids, token digests as {@code sha256sum} prints them, memory
 * note fingerprints).
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * @param text text, digested as UTF-8
	 * @return 64 lower-case hex characters
	 */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param bytes the bytes to digest
	 * @return 64 lower-case hex characters
	 */
	public static String hex(byte[] bytes) {
		return hex(bytes, 0, bytes.length);
	}

	/**
	 * @param bytes an array holding the bytes to digest
	 * @param offset where they start
	 * @param length how many there are
	 * @return 64 lower-case hex characters
	 */
	public static String hex(byte[] bytes, int offset, int length) {
		MessageDigest sha = digest();
		sha.update(bytes, offset, length);
		return HexFormat.of().formatHex(sha.digest());
	}

	/**
	 * A new SHA-256 digest, for data fed in pieces.
	 * @return the digest
	 */
	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

}

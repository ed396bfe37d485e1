package io.teamlearnings.system;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that refuses what is not UTF-8 (malformed sequences, surrogates encoded
 * as bytes, overlong forms) instead of replacing it with U+FFFD, as Python's
 * {@code bytes.decode("utf-8")} does: the store's lines, note inputs and {@code SKILL.md}
 * files are read this way.
 */
public final class StrictUtf8 {

	private StrictUtf8() {
	}

	/**
	 * @param bytes the bytes
	 * @return their text
	 * @throws CharacterCodingException if they are not UTF-8
	 */
	public static String decode(byte[] bytes) throws CharacterCodingException {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

}

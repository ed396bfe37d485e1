package io.teamlearnings.sessions.rollout;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A line's bytes as UTF-8: strict decoding that names the first invalid byte, and the
 * checks that let an ASCII line skip decoding.
 */
final class Utf8 {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private Utf8() {
	}

	/**
	 * Decodes {@code bytes[start, end)} as strict UTF-8.
	 * @throws CharacterCodingException naming the first invalid byte and its offset in
	 * the line (0-based), e.g. {@code not UTF-8: invalid byte 0xff at byte 12}
	 */
	static String decode(byte[] bytes, int start, int end) throws CharacterCodingException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
		CharBuffer out = CharBuffer.allocate(end - start);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int at = in.position();
			throw new CharacterCodingException() {

				@Override
				public String getMessage() {
					return String.format(Locale.ROOT, "not UTF-8: invalid byte 0x%02x at byte %d", bytes[at] & 0xff,
							at - start);
				}

			};
		}
		return out.flip().toString();
	}

	/** Whether {@code bytes[start, end)} are all ASCII, checked 8 bytes at a time. */
	static boolean isAscii(byte[] bytes, int start, int end) {
		int i = start;
		for (; i + Long.BYTES <= end; i += Long.BYTES) {
			if (((long) LONGS.get(bytes, i) & 0x8080808080808080L) != 0) {
				return false;
			}
		}
		for (; i < end; i++) {
			if (bytes[i] < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Python white space among ASCII bytes: TAB, LF, VT, FF, CR, U+001C-U+001F, space.
	 */
	static boolean isAsciiSpace(byte b) {
		return (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x20);
	}

}

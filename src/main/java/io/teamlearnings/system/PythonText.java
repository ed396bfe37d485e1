package io.teamlearnings.system;

/**
 * White space as Python's {@code str.isspace()}, {@code str.strip()} and
 * {@code str.rstrip()} have it: the set the seed's
 * {@code extract_recent_conversations.py} strips and blank-tests messages with (see
 * {@code seed-tools.md} section 4), and skill-creator's {@code quick_validate.py} strips
 * a skill's name and description with. It is wider than Java's
 * {@code Character.isWhitespace} and {@code String.strip()}: it has U+0085, U+00A0,
 * U+2007 and U+202F, which Java's lack.
 */
public final class PythonText {

	private PythonText() {
	}

	/**
	 * Whether {@code c} is white space for Python: TAB, LF, VT, FF, CR, U+001C-U+001F,
	 * space, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and
	 * U+3000.
	 */
	public static boolean isSpace(int c) {
		return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
				|| (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
				|| c == 0x3000;
	}

	/**
	 * {@code text} without leading and trailing Python white space: {@code str.strip()}.
	 */
	public static String strip(String text) {
		int start = 0;
		while (start < text.length() && isSpace(text.charAt(start))) {
			start++;
		}
		return stripTrailing(text.substring(start));
	}

	/** {@code text} without trailing Python white space: {@code str.rstrip()}. */
	public static String stripTrailing(String text) {
		int end = text.length();
		while (end > 0 && isSpace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

	/**
	 * Whether {@code text} is empty or only Python white space: {@code not text.strip()}.
	 */
	public static boolean isBlank(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (!isSpace(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}

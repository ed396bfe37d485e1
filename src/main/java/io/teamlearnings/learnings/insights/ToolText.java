package io.teamlearnings.learnings.insights;

import java.nio.charset.StandardCharsets;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;

/**
 * Text as the {@code learnings} command-line tool handles it when it prints
 * (tkersey/skills-zig {@code apps/learnings/scripts/learnings.zig}): lengths in UTF-8
 * bytes, ASCII-only case, trimming of space, tab, CR and LF.
 */
final class ToolText {

	private ToolText() {
	}

	/**
	 * The tool's {@code shortenAlloc}: text of at most {@code maxBytes} UTF-8 bytes is
	 * kept; longer text keeps its first {@code maxBytes - 3} bytes and gains {@code ...}.
	 * The tool cuts bytes; this cuts before a character that would not fit, so that it
	 * never splits one (the same result for ASCII text).
	 * @param text the text
	 * @param maxBytes the most UTF-8 bytes, at least 4
	 * @return the text, shortened if it was longer
	 */
	static String shorten(String text, int maxBytes) {
		if (bytes(text) <= maxBytes) {
			return text;
		}
		int budget = maxBytes - 3;
		int end = 0;
		int used = 0;
		while (end < text.length()) {
			int codePoint = text.codePointAt(end);
			int size = (codePoint < 0x80) ? 1 : (codePoint < 0x800) ? 2 : (codePoint < 0x10000) ? 3 : 4;
			if (used + size > budget) {
				break;
			}
			used += size;
			end += Character.charCount(codePoint);
		}
		return text.substring(0, end) + "...";
	}

	/**
	 * Text on one line, as a Markdown bullet or a table cell needs it. The tool prints
	 * rows as they are, which it wrote with whitespace runs collapsed already, so for its
	 * rows this changes nothing.
	 * @param text the text
	 * @return the text trimmed, each whitespace run one space
	 */
	static String oneLine(String text) {
		return CanonicalFormat.collapseWhitespace(text);
	}

	/**
	 * @param text the text
	 * @return its length in UTF-8 bytes, the tool's unit for widths and limits
	 */
	static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	/**
	 * The tool's {@code std.mem.trim(text, " \t\r\n")}.
	 * @param text the text
	 * @return the text without leading and trailing spaces, tabs, CRs and LFs
	 */
	static String trim(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isTrimmed(text.charAt(start))) {
			start++;
		}
		while (end > start && isTrimmed(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	private static boolean isTrimmed(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\n';
	}

}

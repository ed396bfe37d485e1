package io.teamlearnings.learnings;

/**
 * Control characters other than tab, line feed and carriage return: refused in text
 * fields, where they only ever hide or garble what a reader sees.
 */
final class ControlCharacters {

	private ControlCharacters() {
	}

	static boolean present(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
				return true;
			}
		}
		return false;
	}

}

package io.teamlearnings.learnings.insights;

import java.util.List;
import java.util.StringTokenizer;

/**
 * Whether evidence has an anchor: something a reader can go and inspect. The definition
 * is the {@code learnings} tool's strict quality gate (tkersey/skills-zig
 * {@code apps/learnings/scripts/append_learning.zig} @a416ae69, {@code hasEvidenceAnchor}
 * and {@code hasAnchoredEvidence}): an evidence item is anchored when it contains, ASCII
 * case ignored, {@code task_}, {@code passed}, {@code failed}, {@code error},
 * {@code exit } or {@code exited }; or when one of its tokens (split on whitespace and
 * {@code ,;:()[]{}<>"'} and backtick) is 7 to 40 hexadecimal characters (a commit, a
 * hash), or holds a {@code .} in 3 or more bytes and does not start with {@code --} (a
 * file, a dotted name), or is {@code run}, optionally {@code _}, {@code -} or {@code :},
 * then 6 or more digits (a CI run). The tool's {@code memory-digest} uses a looser test
 * of its own in {@code learnings.zig}; this service uses the gate's in both places, so
 * that a row the gate would call anchored is anchored in the digest too.
 */
final class EvidenceAnchors {

	private static final List<String> MARKERS = List.of("task_", "passed", "failed", "error", "exit ", "exited ");

	private static final String SEPARATORS = " \t\r\n,;:()[]{}<>\"'`";

	private EvidenceAnchors() {
	}

	/**
	 * @param evidence a row's evidence items
	 * @return whether any item is anchored
	 */
	static boolean any(List<String> evidence) {
		return evidence.stream().anyMatch(EvidenceAnchors::anchored);
	}

	/**
	 * @param item one evidence item
	 * @return whether it is anchored
	 */
	static boolean anchored(String item) {
		String lower = ToolText.asciiLower(item);
		if (MARKERS.stream().anyMatch(lower::contains)) {
			return true;
		}
		StringTokenizer tokens = new StringTokenizer(item, SEPARATORS);
		while (tokens.hasMoreTokens()) {
			String token = tokens.nextToken();
			if (hexadecimal(token) || fileLike(token) || runNumber(token)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hexadecimal(String token) {
		return token.length() >= 7 && token.length() <= 40 && token.chars()
			.allMatch((c) -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
	}

	private static boolean fileLike(String token) {
		return ToolText.bytes(token) >= 3 && !token.startsWith("--") && token.indexOf('.') >= 0;
	}

	private static boolean runNumber(String token) {
		if (!token.startsWith("run") || token.length() <= 3) {
			return false;
		}
		int i = 3;
		while (i < token.length() && (token.charAt(i) == '_' || token.charAt(i) == '-' || token.charAt(i) == ':')) {
			i++;
		}
		int digits = 0;
		while (i < token.length() && token.charAt(i) >= '0' && token.charAt(i) <= '9') {
			digits++;
			i++;
		}
		return digits >= 6;
	}

}

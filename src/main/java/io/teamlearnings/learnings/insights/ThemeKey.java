package io.teamlearnings.learnings.insights;

import java.util.Set;
import java.util.TreeSet;

/**
 * The theme the {@code learnings} command-line tool gives a row, by which its
 * {@code codify-candidates} and {@code memory-digest} group rows (tkersey/skills-zig
 * {@code apps/learnings/scripts/learnings.zig}: {@code computeThemeAlloc},
 * {@code tokenizeSet}, {@code stemTokenAlloc}, {@code STOPWORDS}).
 * <p>
 * The two texts are joined with a space and cut into tokens: runs of ASCII letters and
 * digits, lower-cased (every other character separates tokens). Each token is stemmed
 * once: {@code -ing} is dropped from tokens longer than 5, else {@code -ed} or
 * {@code -es} from tokens longer than 4, else {@code -s} from tokens longer than 3. Stems
 * of 2 characters or fewer and stop words are dropped. The theme is the first six
 * distinct stems in alphabetical order, joined by spaces; {@code (untagged)} when none is
 * left. So rows share a theme only when their leading stems are the same: close
 * rewordings of one rule, not merely similar rules (those are the summary's
 * {@link Themes}).
 */
final class ThemeKey {

	/** The theme of a row without a single usable token. */
	static final String UNTAGGED = "(untagged)";

	private static final int STEMS = 6;

	private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "because", "but",
			"by", "for", "from", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "over", "so", "such",
			"that", "the", "their", "then", "there", "these", "this", "to", "too", "up", "was", "were", "when", "with");

	private ThemeKey() {
	}

	/**
	 * @param first the first text (codify-candidates: the learning; the digest: the tags,
	 * joined by commas)
	 * @param second the second text (codify-candidates: the application; the digest: the
	 * learning)
	 * @return the theme, such as {@code cache cold download minut runner take} for "Cache
	 * the toolchain download in CI because cold runners take ten minutes."
	 */
	static String of(String first, String second) {
		String combined = first.isEmpty() ? second : (second.isEmpty() ? first : first + " " + second);
		TreeSet<String> stems = new TreeSet<>();
		StringBuilder token = new StringBuilder();
		for (int i = 0; i < combined.length(); i++) {
			char c = combined.charAt(i);
			char lower = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
			if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
				token.append(lower);
			}
			else {
				add(token, stems);
			}
		}
		add(token, stems);
		if (stems.isEmpty()) {
			return UNTAGGED;
		}
		return String.join(" ", stems.stream().limit(STEMS).toList());
	}

	private static void add(StringBuilder token, Set<String> stems) {
		if (token.isEmpty()) {
			return;
		}
		String stem = stem(token.toString());
		token.setLength(0);
		if (stem.length() > 2 && !STOP_WORDS.contains(stem)) {
			stems.add(stem);
		}
	}

	private static String stem(String token) {
		if (token.length() > 5 && token.endsWith("ing")) {
			return token.substring(0, token.length() - 3);
		}
		if (token.length() > 4 && (token.endsWith("ed") || token.endsWith("es"))) {
			return token.substring(0, token.length() - 2);
		}
		if (token.length() > 3 && token.endsWith("s")) {
			return token.substring(0, token.length() - 1);
		}
		return token;
	}

}

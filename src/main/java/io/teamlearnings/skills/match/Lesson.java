package io.teamlearnings.skills.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * A lesson to place: its text, its workflow steps, where it comes from.
 *
 * @param text what was learnt
 * @param steps its workflow steps; when none are given, the sentences of the text (see
 * {@link #workflow()})
 * @param source what it came from ({@code lesson}, {@code learning <repo>/<id>},
 * {@code signal <kind> <session>})
 * @param repository the repository it comes from, if known
 * @param paths paths it is about (a learning's {@code context.paths})
 * @param occurrences how often it recurred (a learning's theme size, or as given)
 */
public record Lesson(String text, List<String> steps, String source, @Nullable String repository, List<String> paths,
		int occurrences) {

	/**
	 * The most workflow steps a lesson is compared by: as many as a request may give
	 * ({@code steps}), and the first that many sentences of a text without them.
	 */
	public static final int MAX_STEPS = 50;

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n+");

	/**
	 * @return the steps given, or else the text's first {@value #MAX_STEPS} sentences
	 * (split after {@code .}, {@code !}, {@code ?} and {@code ;}, and at line breaks)
	 */
	public List<String> workflow() {
		if (!this.steps.isEmpty()) {
			return this.steps;
		}
		List<String> sentences = new ArrayList<>();
		for (String sentence : SENTENCE_END.split(this.text)) {
			if (!sentence.isBlank()) {
				sentences.add(sentence.strip());
				if (sentences.size() == MAX_STEPS) {
					break;
				}
			}
		}
		return sentences;
	}

}

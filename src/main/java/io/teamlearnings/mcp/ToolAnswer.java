package io.teamlearnings.mcp;

import org.jspecify.annotations.Nullable;

/**
 * A tool's answer with text of its own: the lines a script or agent reads (proof lines,
 * the extract as the seed prints it), and the structured answer beside them.
 *
 * @param text the text, the call's first content block
 * @param structured the structured answer, sent as {@code structuredContent} and as JSON
 * in a second content block; null for text alone
 */
public record ToolAnswer(String text, @Nullable Object structured) {

	/**
	 * Text alone.
	 * @param text the text
	 * @return the answer
	 */
	public static ToolAnswer text(String text) {
		return new ToolAnswer(text, null);
	}

}

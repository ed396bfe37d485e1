package io.teamlearnings.learnings.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * For a token made of segments joined by {@code /}, {@code .} or {@code :} (a path, a
 * dotted name), adds every shorter run of consecutive segments at the same position:
 * {@code codex/skills/seq/SKILL.md} also yields {@code skills/seq}, {@code seq/SKILL.md},
 * {@code SKILL}, ... So a query naming part of a path or a compound identifier matches
 * the whole.
 */
final class CompoundSegmentsFilter extends TokenFilter {

	/** Tokens with more segments only add single segments and pairs. */
	private static final int MAX_SEGMENTS_FOR_ALL_RUNS = 8;

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

	private final Deque<String> pending = new ArrayDeque<>();

	private State state;

	CompoundSegmentsFilter(TokenStream input) {
		super(input);
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!this.pending.isEmpty()) {
			restoreState(this.state);
			this.term.setEmpty().append(this.pending.poll());
			this.position.setPositionIncrement(0);
			return true;
		}
		if (!this.input.incrementToken()) {
			return false;
		}
		List<String> runs = runs(this.term.toString());
		if (!runs.isEmpty()) {
			this.pending.addAll(runs);
			this.state = captureState();
		}
		return true;
	}

	/** Runs of consecutive segments shorter than the whole token, longest first. */
	static List<String> runs(String token) {
		int separatorCount = 0;
		for (int i = 0; i < token.length(); i++) {
			if (isSeparator(token.charAt(i))) {
				separatorCount++;
			}
		}
		if (separatorCount == 0) {
			return List.of();
		}
		// segment k is token[starts[k], starts[k + 1] - 1)
		int n = separatorCount + 1;
		int[] starts = new int[n + 1];
		for (int i = 0, k = 1; i < token.length(); i++) {
			if (isSeparator(token.charAt(i))) {
				starts[k++] = i + 1;
			}
		}
		starts[n] = token.length() + 1;
		Set<String> runs = new LinkedHashSet<>();
		int longest = (n <= MAX_SEGMENTS_FOR_ALL_RUNS) ? n - 1 : 2;
		for (int length = longest; length >= 1; length--) {
			for (int from = 0; from + length <= n; from++) {
				String run = token.substring(starts[from], starts[from + length] - 1);
				if (!run.isEmpty()) {
					runs.add(run);
				}
			}
		}
		return new ArrayList<>(runs);
	}

	private static boolean isSeparator(char c) {
		return c == '/' || c == '.' || c == ':';
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		this.pending.clear();
		this.state = null;
	}

}

package io.teamlearnings.learnings;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

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
		List<String> segments = new ArrayList<>();
		List<Character> separators = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c == '/' || c == '.' || c == ':') {
				segments.add(token.substring(start, i));
				separators.add(c);
				start = i + 1;
			}
		}
		segments.add(token.substring(start));
		List<String> runs = new ArrayList<>();
		int n = segments.size();
		if (n < 2) {
			return runs;
		}
		int longest = (n <= MAX_SEGMENTS_FOR_ALL_RUNS) ? n - 1 : 2;
		for (int length = longest; length >= 1; length--) {
			for (int from = 0; from + length <= n; from++) {
				StringBuilder run = new StringBuilder(segments.get(from));
				for (int k = from + 1; k < from + length; k++) {
					run.append(separators.get(k - 1)).append(segments.get(k));
				}
				if (!run.isEmpty() && !runs.contains(run.toString())) {
					runs.add(run.toString());
				}
			}
		}
		return runs;
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		this.pending.clear();
		this.state = null;
	}

}

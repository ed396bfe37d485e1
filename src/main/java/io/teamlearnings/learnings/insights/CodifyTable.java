package io.teamlearnings.learnings.insights;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Codify candidates as the {@code learnings} tool prints them by default
 * (tkersey/skills-zig {@code apps/learnings/scripts/learnings.zig renderCodifyTable} and
 * {@code apps/seq/src/output/mod.zig formatTable}): a table with the columns
 * {@code score}, {@code count}, {@code last_seen}, {@code status}, {@code theme}
 * (shortened to 36 bytes) and {@code learning} (shortened to 120 bytes); each column as
 * wide as its widest cell in UTF-8 bytes, every cell padded with spaces to that width
 * (the last one too), cells separated by two spaces, a line of dashes under the header.
 * No candidates print {@code (no results)}; a store without rows prints
 * {@code (no learnings file at <file>)}. The score has the shortest digits that read back
 * as the same number, without an exponent, as Zig's {@code {d}} prints it.
 */
final class CodifyTable {

	private static final List<String> HEADER = List.of("score", "count", "last_seen", "status", "theme", "learning");

	private CodifyTable() {
	}

	/**
	 * @param result the candidates
	 * @return the table, each line ending in a line feed
	 */
	static String of(CodifyCandidates.Result result) {
		if (result.rows() == 0) {
			return "(no learnings file at " + result.storeFile() + ")\n";
		}
		if (result.candidates().isEmpty()) {
			return "(no results)\n";
		}
		List<List<String>> lines = new ArrayList<>();
		lines.add(HEADER);
		for (CodifyCandidates.Candidate candidate : result.candidates()) {
			lines.add(List.of(number(candidate.score()), Integer.toString(candidate.count()), candidate.lastSeen(),
					candidate.status(), ToolText.shorten(candidate.theme(), 36),
					ToolText.shorten(ToolText.oneLine(candidate.learning()), 120)));
		}
		int[] widths = new int[HEADER.size()];
		for (List<String> line : lines) {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], ToolText.bytes(line.get(i)));
			}
		}
		List<String> dashes = new ArrayList<>();
		for (int width : widths) {
			dashes.add("-".repeat(width));
		}
		lines.add(1, dashes);
		StringBuilder table = new StringBuilder();
		for (List<String> line : lines) {
			for (int i = 0; i < widths.length; i++) {
				String cell = line.get(i);
				table.append((i > 0) ? "  " : "").append(cell).append(" ".repeat(widths[i] - ToolText.bytes(cell)));
			}
			table.append('\n');
		}
		return table.toString();
	}

	private static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}

package io.teamlearnings.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Output as the learnings tool prints it (tkersey/skills-zig
 * {@code apps/seq/src/output/mod.zig}, {@code formatTable} and {@code formatJson}, and
 * {@code learnings.zig shortenAlloc}): widths and limits count UTF-8 bytes.
 * <ul>
 * <li>A table: a header of the column names, a line of dashes, one line a row; each
 * column as wide as its widest cell, every cell (the last one too) padded with spaces to
 * that width, cells separated by two spaces. No rows print {@code (no results)}.</li>
 * <li>JSON: an array, one object a row, keys in the order given, two spaces of indent for
 * an object and four for a key, {@code ": "} after a key; strings escape only {@code "},
 * {@code \}, {@code \n}, {@code \r}, {@code \t} and other control characters (as
 * {@code \}{@code u00xx}, lower-case hex), everything else is written as UTF-8. No rows
 * print {@code [} and {@code ]} on two lines.</li>
 * <li>Numbers: a whole number as it is; a float in the shortest digits that read back as
 * it, without an exponent, as Zig's {@code {d}} prints it ({@code 7}, {@code 6.5}).</li>
 * </ul>
 */
final class ToolOutput {

	private ToolOutput() {
	}

	/**
	 * @param columns the column names, in order
	 * @param rows each row's cells by column name (a missing cell is empty)
	 * @return the table, each line ending in a line feed
	 */
	static String table(List<String> columns, List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return "(no results)\n";
		}
		int[] widths = new int[columns.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = bytes(columns.get(i));
			for (Map<String, Object> row : rows) {
				widths[i] = Math.max(widths[i], bytes(cell(row.get(columns.get(i)))));
			}
		}
		StringBuilder table = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			pad(table.append((i > 0) ? "  " : ""), columns.get(i), widths[i]);
		}
		table.append('\n');
		for (int i = 0; i < widths.length; i++) {
			table.append((i > 0) ? "  " : "").append("-".repeat(widths[i]));
		}
		table.append('\n');
		for (Map<String, Object> row : rows) {
			for (int i = 0; i < widths.length; i++) {
				pad(table.append((i > 0) ? "  " : ""), cell(row.get(columns.get(i))), widths[i]);
			}
			table.append('\n');
		}
		return table.toString();
	}

	/**
	 * @param columns the keys of every object, in order
	 * @param rows each row's values by key: a {@code String}, a {@code Number} or null
	 * @return the JSON array and a line feed
	 */
	static String json(List<String> columns, List<Map<String, Object>> rows) {
		StringBuilder json = new StringBuilder("[\n");
		for (int r = 0; r < rows.size(); r++) {
			json.append((r > 0) ? ",\n" : "").append("  {");
			for (int i = 0; i < columns.size(); i++) {
				json.append((i > 0) ? "," : "").append("\n    ");
				string(json, columns.get(i)).append(": ");
				value(json, rows.get(r).get(columns.get(i)));
			}
			json.append(columns.isEmpty() ? "}" : "\n  }");
		}
		return json.append(rows.isEmpty() ? "]\n" : "\n]\n").toString();
	}

	/**
	 * A JSON string as the tool writes one (see the class description).
	 * @param json where to write it
	 * @param text the text
	 * @return {@code json}
	 */
	static StringBuilder string(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append("\\u00")
							.append(Character.forDigit(c >> 4, 16))
							.append(Character.forDigit(c & 15, 16));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"');
	}

	/**
	 * The tool's {@code shortenAlloc}: text of at most {@code maxBytes} UTF-8 bytes is
	 * kept; longer text keeps its first {@code maxBytes - 3} bytes and gains {@code ...}.
	 * The tool cuts bytes, even inside a character; this stops before a character that
	 * would not fit, so that it never prints half of one (the same for ASCII text).
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
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (used + size > budget) {
				break;
			}
			used += size;
			end += Character.charCount(codePoint);
		}
		return text.substring(0, end) + "...";
	}

	/**
	 * A score as the recall table prints it, Zig's {@code {d:.3}}: three decimals,
	 * rounded from the exact value of the double.
	 * @param score the score
	 * @return e.g. {@code 1.250}
	 */
	static String threeDecimals(double score) {
		return new BigDecimal(score).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
	}

	/**
	 * @param value a number
	 * @return it as Zig's {@code {d}} prints it
	 */
	static String number(Number value) {
		if (value instanceof Double || value instanceof Float) {
			double number = value.doubleValue();
			return (number == 0) ? "0" : BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}

	/**
	 * @param text a text
	 * @return its length in UTF-8 bytes, the tool's unit
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
		while (start < end && " \t\r\n".indexOf(text.charAt(start)) >= 0) {
			start++;
		}
		while (end > start && " \t\r\n".indexOf(text.charAt(end - 1)) >= 0) {
			end--;
		}
		return text.substring(start, end);
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		return (value instanceof Number number) ? number(number) : value.toString();
	}

	private static void value(StringBuilder json, Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Number number) {
			json.append(number(number));
		}
		else {
			string(json, value.toString());
		}
	}

	private static void pad(StringBuilder table, String text, int width) {
		table.append(text).append(" ".repeat(Math.max(0, width - bytes(text))));
	}

}

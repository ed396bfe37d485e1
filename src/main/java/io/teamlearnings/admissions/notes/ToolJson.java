package io.teamlearnings.admissions.notes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Compact JSON as the {@code memory-note} tool writes it: Zig's
 * {@code std.json.Stringify} with its default options, which {@code memory_note.zig} uses
 * for every value it copies into a note. No whitespace; object keys in their order;
 * strings as UTF-8 with only {@code "}, {@code \} and control characters escaped
 * ({@code \b \f \n \r \t}, the others as {@code \}{@code u00xx} in lower-case hex;
 * {@code /} and DEL as they are); integers in decimal; other numbers in Zig's scientific
 * form with the shortest digits Java finds ({@code 2.5} is {@code 2.5e0}, {@code 100.0}
 * is {@code 1e2}).
 */
final class ToolJson {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private ToolJson() {
	}

	/**
	 * @param node a JSON value
	 * @return its compact JSON, UTF-8
	 * @throws IllegalArgumentException if a string holds half of a surrogate pair (it has
	 * no UTF-8 form)
	 */
	static byte[] bytes(JsonNode node) {
		StringBuilder out = new StringBuilder();
		write(node, out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void write(JsonNode node, StringBuilder out) {
		if (node.isObject()) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				out.append(first ? "" : ",");
				string(property.getKey(), out);
				out.append(':');
				write(property.getValue(), out);
				first = false;
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			for (int i = 0; i < node.size(); i++) {
				out.append((i > 0) ? "," : "");
				write(node.get(i), out);
			}
			out.append(']');
		}
		else if (node.isString()) {
			string(node.stringValue(), out);
		}
		else if (node.isIntegralNumber()) {
			out.append(node.bigIntegerValue());
		}
		else if (node.isNumber()) {
			out.append(number(node.decimalValue()));
		}
		else if (node.isBoolean()) {
			out.append(node.booleanValue());
		}
		else if (node.isNull()) {
			out.append("null");
		}
		else {
			throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
		}
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
					}
					else if (Character.isHighSurrogate(c) && i + 1 < text.length()
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						out.append(c).append(text.charAt(++i));
					}
					else if (Character.isSurrogate(c)) {
						throw new IllegalArgumentException("a string holds an unpaired surrogate \\u"
								+ Integer.toHexString(c) + ", which has no UTF-8 form");
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/**
	 * A number that is not an integer as Zig prints an {@code f64} with {@code {}}: the
	 * digits, a point after the first when there are more, {@code e} and the exponent.
	 * Numbers too large for an {@code f64} (which the tool copies as written) are written
	 * as Java prints them.
	 */
	static String number(BigDecimal value) {
		double number = value.doubleValue();
		if (Double.isInfinite(number)) {
			return value.toString();
		}
		String sign = (Math.copySign(1.0, number) < 0) ? "-" : "";
		if (number == 0) {
			return sign + "0e0";
		}
		BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(number))).stripTrailingZeros();
		String digits = shortest.unscaledValue().toString();
		int exponent = digits.length() - 1 - shortest.scale();
		return sign + digits.charAt(0) + ((digits.length() > 1) ? "." + digits.substring(1) : "") + "e" + exponent;
	}

}

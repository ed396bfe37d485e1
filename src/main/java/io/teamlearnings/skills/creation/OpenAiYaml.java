package io.teamlearnings.skills.creation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.teamlearnings.system.PythonText;

/**
 * {@code agents/openai.yaml} as skill-creator's {@code generate_openai_yaml.py}
 * (3a5b2a16) writes it for a new skill: an {@code interface} with {@code display_name}
 * (the name's words capitalised, acronyms upper-cased, brands spelt as brands, small
 * words lower-cased after the first), {@code short_description}
 * ({@code Help with <display
 * name> tasks}, shortened or lengthened into 25 to 64 characters as the script does),
 * then any other overridden field in the order given; every value a double-quoted YAML
 * string. Word lists and phrasing are the script's.
 */
final class OpenAiYaml {

	/**
	 * The fields {@code interface} may have, sorted as the script's message lists them.
	 */
	static final List<String> ALLOWED = List.of("brand_color", "default_prompt", "display_name", "icon_large",
			"icon_small", "short_description");

	private static final Set<String> ACRONYMS = Set.of("GH", "MCP", "API", "CI", "CLI", "LLM", "PDF", "PR", "UI", "URL",
			"SQL");

	private static final Map<String, String> BRANDS = Map.of("openai", "OpenAI", "openapi", "OpenAPI", "github",
			"GitHub", "pagerduty", "PagerDuty", "datadog", "DataDog", "sqlite", "SQLite", "fastapi", "FastAPI");

	private static final Set<String> SMALL_WORDS = Set.of("and", "or", "to", "up", "with");

	private static final int SHORT_MIN = 25;

	private static final int SHORT_MAX = 64;

	private OpenAiYaml() {
	}

	/**
	 * The {@code interface} fields, in the order written.
	 * @param skillName the normalised skill name
	 * @param overrides fields given, stripped, in order
	 * @return the fields
	 * @throws InitRefusedException for an unknown field or a short description outside 25
	 * to 64 characters (the script's messages)
	 */
	static Map<String, String> interfaceOf(String skillName, Map<String, String> overrides) {
		for (String key : overrides.keySet()) {
			if (!ALLOWED.contains(key)) {
				throw new InitRefusedException("interface",
						"Unknown interface field '" + key + "'. Allowed: " + String.join(", ", ALLOWED));
			}
		}
		String displayName = overrides.getOrDefault("display_name", "");
		if (displayName.isEmpty()) {
			displayName = displayName(skillName);
		}
		String shortDescription = overrides.getOrDefault("short_description", "");
		if (shortDescription.isEmpty()) {
			shortDescription = shortDescription(displayName);
		}
		int length = length(shortDescription);
		if (length < SHORT_MIN || length > SHORT_MAX) {
			throw new InitRefusedException("interface.short_description",
					"short_description must be 25-64 characters (got " + length + ").");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("display_name", displayName);
		fields.put("short_description", shortDescription);
		overrides.forEach((key, value) -> {
			if (!key.equals("display_name") && !key.equals("short_description")) {
				fields.put(key, value);
			}
		});
		return fields;
	}

	/** The file: {@code interface:} and each field, two spaces in, its value quoted. */
	static String render(Map<String, String> fields) {
		StringBuilder yaml = new StringBuilder("interface:\n");
		fields.forEach((key, value) -> yaml.append("  ").append(key).append(": ").append(quote(value)).append('\n'));
		return yaml.toString();
	}

	static String displayName(String skillName) {
		StringBuilder display = new StringBuilder();
		int index = 0;
		for (String word : skillName.split("-")) {
			if (word.isEmpty()) {
				continue;
			}
			String lower = word.toLowerCase(Locale.ROOT);
			String upper = word.toUpperCase(Locale.ROOT);
			String shown;
			if (ACRONYMS.contains(upper)) {
				shown = upper;
			}
			else if (BRANDS.containsKey(lower)) {
				shown = BRANDS.get(lower);
			}
			else if (index > 0 && SMALL_WORDS.contains(lower)) {
				shown = lower;
			}
			else {
				shown = capitalize(word);
			}
			if (display.length() > 0) {
				display.append(' ');
			}
			display.append(shown);
			index++;
		}
		return display.toString();
	}

	static String shortDescription(String displayName) {
		String description = "Help with " + displayName + " tasks";
		if (length(description) < SHORT_MIN) {
			description = "Help with " + displayName + " tasks and workflows";
		}
		if (length(description) < SHORT_MIN) {
			description = "Help with " + displayName + " tasks with guidance";
		}
		if (length(description) > SHORT_MAX) {
			description = "Help with " + displayName;
		}
		if (length(description) > SHORT_MAX) {
			description = displayName + " helper";
		}
		if (length(description) > SHORT_MAX) {
			description = displayName + " tools";
		}
		if (length(description) > SHORT_MAX) {
			String suffix = " helper";
			description = PythonText.stripTrailing(head(displayName, SHORT_MAX - suffix.length())) + suffix;
		}
		if (length(description) > SHORT_MAX) {
			description = PythonText.stripTrailing(head(description, SHORT_MAX));
		}
		if (length(description) < SHORT_MIN) {
			description = description + " workflows";
			if (length(description) > SHORT_MAX) {
				description = PythonText.stripTrailing(head(description, SHORT_MAX));
			}
		}
		return description;
	}

	/**
	 * Python's {@code str.capitalize()} for a name's word: first upper, the rest lower.
	 */
	static String capitalize(String word) {
		int first = word.offsetByCodePoints(0, 1);
		return word.substring(0, first).toUpperCase(Locale.ROOT) + word.substring(first).toLowerCase(Locale.ROOT);
	}

	/**
	 * The script's {@code yaml_quote}: backslash, double quote and newline escaped; and,
	 * unlike the script, the three other characters YAML 1.1 reads as line breaks
	 * (U+0085, U+2028, U+2029) escaped too ({@code \N}, {@code \L}, {@code \P}): written
	 * raw, PyYAML folds each into a space, so the value read back would not be the value
	 * given.
	 */
	static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\")
			.replace("\"", "\\\"")
			.replace("\n", "\\n")
			.replace("\u0085", "\\N")
			.replace("\u2028", "\\L")
			.replace("\u2029", "\\P") + "\"";
	}

	private static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	private static String head(String text, int codePoints) {
		return (length(text) <= codePoints) ? text : text.substring(0, text.offsetByCodePoints(0, codePoints));
	}

}

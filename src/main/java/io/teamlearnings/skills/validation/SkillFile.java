package io.teamlearnings.skills.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.lang.Nullable;

/**
 * A {@code SKILL.md} as the validator read it.
 *
 * @param verdict the validator's verdict
 * @param text the file's text with line ends read as Python's text mode reads them (CR LF
 * and CR become LF); null if it could not be read
 * @param frontMatter the front matter, when it is a YAML mapping: keys and values as
 * PyYAML's {@code safe_load} gives them (strings, numbers, booleans, null, dates, lists,
 * maps); null otherwise
 * @param bodyStart where the body starts in {@code text}: after the line that closes the
 * front matter, or 0 when the front matter could not be delimited
 */
public record SkillFile(Verdict verdict, @Nullable String text, @Nullable Map<Object, Object> frontMatter,
		int bodyStart) {

	static SkillFile unread(String message) {
		return new SkillFile(Verdict.fail(message), null, null, 0);
	}

	/**
	 * @return the front matter's {@code name} when it is a string, else null
	 */
	@Nullable
	public String declaredName() {
		return string("name");
	}

	/**
	 * @return the front matter's {@code description} when it is a string, else null
	 */
	@Nullable
	public String description() {
		return string("description");
	}

	@Nullable
	private String string(String key) {
		Object value = (this.frontMatter != null) ? this.frontMatter.get(key) : null;
		return (value instanceof String text) ? text : null;
	}

	/**
	 * The front matter as JSON can carry it: keys as Python's {@code str()} gives them,
	 * dates as ISO-8601 text ({@code 2026-01-02}, or an instant for a timestamp), binary
	 * values in Base64, sets and ordered pairs as lists, infinities and NaN as
	 * {@code inf}, {@code -inf} and {@code nan}.
	 * @return the front matter; null when it is not a mapping
	 */
	@Nullable
	public Map<String, Object> frontMatterJson() {
		if (this.frontMatter == null) {
			return null;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> json = (Map<String, Object>) json(this.frontMatter);
		return json;
	}

	@Nullable
	private static Object json(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> json = new LinkedHashMap<>();
			map.forEach((key, item) -> json.put(PyYaml.str(key), json(item)));
			return json;
		}
		if (value instanceof Collection<?> items) {
			List<Object> json = new ArrayList<>();
			items.forEach((item) -> json.add(json(item)));
			return json;
		}
		if (value instanceof Object[] pair) {
			return json(Arrays.asList(pair));
		}
		if (value instanceof byte[] bytes) {
			return Base64.getEncoder().encodeToString(bytes);
		}
		if (value instanceof LocalDate date) {
			return date.toString();
		}
		if (value instanceof Date instant) {
			return instant.toInstant().toString();
		}
		if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
			return number.isNaN() ? "nan" : ((number > 0) ? "inf" : "-inf");
		}
		return value;
	}

	/**
	 * @return the body, after the front matter (the whole text when it has none)
	 */
	public String body() {
		return (this.text != null) ? this.text.substring(this.bodyStart) : "";
	}

}

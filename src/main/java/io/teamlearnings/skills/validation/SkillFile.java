package io.teamlearnings.skills.validation;

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
	 * @return the body, after the front matter (the whole text when it has none)
	 */
	public String body() {
		return (this.text != null) ? this.text.substring(this.bodyStart) : "";
	}

}

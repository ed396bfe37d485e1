package io.teamlearnings.skills.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.teamlearnings.system.StrictUtf8;
import io.teamlearnings.system.PythonText;

/**
 * Validates a skill as skill-creator's {@code quick_validate.py} (openai/skills
 * {@code skills/.system/skill-creator/scripts/quick_validate.py} at b56cbed4) does, check
 * for check, in its order, with its messages (reproduced from the script):
 * <ol>
 * <li>{@code SKILL.md not found}: the directory has no {@code SKILL.md} (a dangling link
 * counts as none);</li>
 * <li>{@code Could not read SKILL.md: <error>}: it cannot be read, with Python's words
 * for the error ({@code [Errno 13] Permission denied: '<path>'});</li>
 * <li>{@code No YAML frontmatter found}: the text does not start with {@code ---};</li>
 * <li>{@code Invalid frontmatter format}: it does not match {@code ^---\n(.*?)\n---};
 * line ends are read as Python's text mode reads them (CR LF and a lone CR are LF), so a
 * CR LF file validates as its LF form;</li>
 * <li>{@code Invalid YAML in frontmatter: <error>} ({@link PyYaml}), or
 * {@code Frontmatter must be a YAML dictionary};</li>
 * <li>{@code Unexpected key(s) in SKILL.md frontmatter: <keys, sorted>. Allowed properties
 * are: allowed-tools, description, license, metadata, name};</li>
 * <li>{@code Missing 'name' in frontmatter}, {@code Missing 'description' in
 * frontmatter};</li>
 * <li>{@code Name must be a string, got <Python type>}; the name is stripped of Python
 * white space; if not empty: {@code Name '<n>' should be hyphen-case (lowercase letters,
 * digits, and hyphens only)}, {@code Name '<n>' cannot start/end with hyphen or contain
 * consecutive hyphens}, {@code Name is too long (<n> characters). Maximum is 64
 * characters.};</li>
 * <li>{@code Description must be a string, got <Python type>}; stripped; if not empty:
 * {@code Description cannot contain angle brackets (< or >)}, {@code Description is too
 * long (<n> characters). Maximum is 1024 characters.};</li>
 * <li>otherwise {@code Skill is valid!}.</li>
 * </ol>
 * Lengths are counted in code points, as Python counts a string's length. Where the
 * script crashes instead of answering (a {@code SKILL.md} that is not UTF-8, a non-string
 * key among the unexpected ones), the verdict is a failure with the error Python would
 * raise in place of a message; a file over {@link #MAX_BYTES} is not read.
 */
public final class QuickValidate {

	/** Largest {@code SKILL.md} read, 16 MiB: a skill is instructions, not data. */
	public static final int MAX_BYTES = 16 * 1024 * 1024;

	/** The front matter keys the script allows, sorted as its message lists them. */
	static final List<String> ALLOWED = List.of("allowed-tools", "description", "license", "metadata", "name");

	/** Longest name. */
	static final int MAX_NAME_LENGTH = 64;

	/** Longest description. */
	static final int MAX_DESCRIPTION_LENGTH = 1024;

	private QuickValidate() {
	}

	/**
	 * Reads and validates {@code <skillDir>/SKILL.md}.
	 * @param skillDir the skill's directory
	 * @param shownAs the directory as error messages name it (the script names the path
	 * it was given)
	 * @return the verdict and what was read
	 */
	public static SkillFile read(Path skillDir, String shownAs) {
		Path skillMd = skillDir.resolve("SKILL.md");
		if (!Files.exists(skillMd)) {
			return SkillFile.unread("SKILL.md not found");
		}
		String quoted = "'" + shownAs + (shownAs.endsWith("/") ? "" : "/") + "SKILL.md'";
		if (Files.isDirectory(skillMd)) {
			return SkillFile.unread("Could not read SKILL.md: [Errno 21] Is a directory: " + quoted);
		}
		byte[] bytes;
		try (InputStream in = Files.newInputStream(skillMd)) {
			bytes = in.readNBytes(MAX_BYTES + 1);
		}
		catch (AccessDeniedException ex) {
			return SkillFile.unread("Could not read SKILL.md: [Errno 13] Permission denied: " + quoted);
		}
		catch (IOException ex) {
			return SkillFile.unread("Could not read SKILL.md: [Errno 5] Input/output error: " + quoted);
		}
		if (bytes.length > MAX_BYTES) {
			return SkillFile.unread("Could not read SKILL.md: larger than " + MAX_BYTES + " bytes");
		}
		return check(bytes);
	}

	/**
	 * Validates the bytes of a {@code SKILL.md} (an upload) as the script reads a file:
	 * UTF-8, then its text.
	 * @param bytes the file's bytes
	 * @return the verdict and what was read
	 */
	public static SkillFile check(byte[] bytes) {
		String text;
		try {
			text = StrictUtf8.decode(bytes);
		}
		catch (CharacterCodingException ex) {
			return SkillFile.unread("Could not read SKILL.md: " + decodeError(bytes));
		}
		return check(text);
	}

	/**
	 * Validates the text of a {@code SKILL.md} (an upload), from the line ends on.
	 * @param text its text, line ends as written
	 * @return the verdict and what was read
	 */
	public static SkillFile check(String text) {
		String content = text.replace("\r\n", "\n").replace('\r', '\n');
		if (!content.startsWith("---")) {
			return new SkillFile(Verdict.fail("No YAML frontmatter found"), content, null, 0);
		}
		int close = content.startsWith("---\n") ? content.indexOf("\n---", 4) : -1;
		if (close < 0) {
			return new SkillFile(Verdict.fail("Invalid frontmatter format"), content, null, 0);
		}
		int lineEnd = content.indexOf('\n', close + 4);
		int bodyStart = (lineEnd < 0) ? content.length() : lineEnd + 1;
		Object loaded;
		try {
			loaded = PyYaml.load(content.substring(4, close));
		}
		catch (PyYaml.Failure ex) {
			return new SkillFile(Verdict.fail("Invalid YAML in frontmatter: " + ex.getMessage()), content, null,
					bodyStart);
		}
		if (!(loaded instanceof Map<?, ?> map)) {
			return new SkillFile(Verdict.fail("Frontmatter must be a YAML dictionary"), content, null, bodyStart);
		}
		@SuppressWarnings("unchecked")
		Map<Object, Object> frontMatter = (Map<Object, Object>) map;
		return new SkillFile(judge(frontMatter), content, frontMatter, bodyStart);
	}

	private static Verdict judge(Map<Object, Object> frontMatter) {
		List<String> unexpected = new ArrayList<>();
		for (Object key : frontMatter.keySet()) {
			if (!(key instanceof String text && ALLOWED.contains(text))) {
				unexpected.add(PyYaml.str(key));
			}
		}
		if (!unexpected.isEmpty()) {
			unexpected.sort(QuickValidate::byCodePoints);
			return Verdict.fail("Unexpected key(s) in SKILL.md frontmatter: " + String.join(", ", unexpected)
					+ ". Allowed properties are: " + String.join(", ", ALLOWED));
		}
		if (!frontMatter.containsKey("name")) {
			return Verdict.fail("Missing 'name' in frontmatter");
		}
		if (!frontMatter.containsKey("description")) {
			return Verdict.fail("Missing 'description' in frontmatter");
		}
		Object rawName = frontMatter.get("name");
		if (!(rawName instanceof String)) {
			return Verdict.fail("Name must be a string, got " + PyYaml.typeName(rawName));
		}
		String name = PythonText.strip((String) rawName);
		if (!name.isEmpty()) {
			if (!name.matches("[a-z0-9-]+")) {
				return Verdict
					.fail("Name '" + name + "' should be hyphen-case (lowercase letters, digits, and hyphens only)");
			}
			if (name.startsWith("-") || name.endsWith("-") || name.contains("--")) {
				return Verdict.fail("Name '" + name + "' cannot start/end with hyphen or contain consecutive hyphens");
			}
			int length = name.codePointCount(0, name.length());
			if (length > MAX_NAME_LENGTH) {
				return Verdict.fail(
						"Name is too long (" + length + " characters). Maximum is " + MAX_NAME_LENGTH + " characters.");
			}
		}
		Object rawDescription = frontMatter.get("description");
		if (!(rawDescription instanceof String)) {
			return Verdict.fail("Description must be a string, got " + PyYaml.typeName(rawDescription));
		}
		String description = PythonText.strip((String) rawDescription);
		if (!description.isEmpty()) {
			if (description.contains("<") || description.contains(">")) {
				return Verdict.fail("Description cannot contain angle brackets (< or >)");
			}
			int length = description.codePointCount(0, description.length());
			if (length > MAX_DESCRIPTION_LENGTH) {
				return Verdict.fail("Description is too long (" + length + " characters). Maximum is "
						+ MAX_DESCRIPTION_LENGTH + " characters.");
			}
		}
		return new Verdict(true, Verdict.VALID);
	}

	/** Python's order of strings: by code point, not by UTF-16 unit. */
	static int byCodePoints(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

	/**
	 * The first UTF-8 error in {@code bytes} as Python's {@code UnicodeDecodeError} words
	 * it: {@code 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte}.
	 */
	static String decodeError(byte[] bytes) {
		int i = 0;
		while (i < bytes.length) {
			int lead = bytes[i] & 0xFF;
			int needed;
			int low = 0x80;
			int high = 0xBF;
			if (lead < 0x80) {
				i++;
				continue;
			}
			else if (lead >= 0xC2 && lead <= 0xDF) {
				needed = 1;
			}
			else if (lead >= 0xE0 && lead <= 0xEF) {
				needed = 2;
				low = (lead == 0xE0) ? 0xA0 : 0x80;
				high = (lead == 0xED) ? 0x9F : 0xBF;
			}
			else if (lead >= 0xF0 && lead <= 0xF4) {
				needed = 3;
				low = (lead == 0xF0) ? 0x90 : 0x80;
				high = (lead == 0xF4) ? 0x8F : 0xBF;
			}
			else {
				return cannotDecode(bytes, i, i, "invalid start byte");
			}
			for (int k = 1; k <= needed; k++) {
				if (i + k >= bytes.length) {
					return cannotDecode(bytes, i, bytes.length - 1, "unexpected end of data");
				}
				int next = bytes[i + k] & 0xFF;
				boolean fits = (k == 1) ? (next >= low && next <= high) : (next >= 0x80 && next <= 0xBF);
				if (!fits) {
					return cannotDecode(bytes, i, i + k - 1, "invalid continuation byte");
				}
			}
			i += needed + 1;
		}
		return "'utf-8' codec can't decode the file";
	}

	private static String cannotDecode(byte[] bytes, int start, int end, String reason) {
		if (start == end) {
			return String.format("'utf-8' codec can't decode byte 0x%02x in position %d: %s", bytes[start] & 0xFF,
					start, reason);
		}
		return String.format("'utf-8' codec can't decode bytes in position %d-%d: %s", start, end, reason);
	}

}

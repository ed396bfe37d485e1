package io.teamlearnings.skills.creation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.teamlearnings.skills.catalog.RootKind;
import io.teamlearnings.skills.catalog.SkillRoot;
import io.teamlearnings.skills.catalog.SkillRoots;
import io.teamlearnings.skills.validation.QuickValidate;
import io.teamlearnings.skills.validation.Verdict;
import io.teamlearnings.system.PythonText;

/**
 * Creates a skill as skill-creator's {@code init_skill.py} (openai/skills 1734b3ed) does:
 * <ul>
 * <li>the name is normalised as the script normalises it (stripped, lower-cased, each run
 * of characters other than {@code a-z0-9} one {@code -}, no {@code -} at either end) and
 * refused when nothing is left or it is longer than 64 characters, with the script's
 * messages; a name with a slash, a backslash, a NUL or {@code ..} is refused outright,
 * not normalised into another name, because it is a path, not a name;</li>
 * <li>resources are among {@code scripts}, {@code references}, {@code assets}, repeats
 * dropped ({@code Unknown resource type(s): ...}); examples need resources;</li>
 * <li>never over anything already there ({@code Skill directory already exists: ...});
 * never in an external root; the root's missing directories are created, and must really
 * lie in its boundary;</li>
 * <li>the files, in the script's order: {@code SKILL.md} from its template (the
 * description given, double-quoted, or the template's placeholder),
 * {@code agents/openai.yaml} ({@link OpenAiYaml}), then each resource directory, with its
 * example file when asked ({@code scripts/example.py}, executable;
 * {@code references/api_reference.md}; {@code assets/example_asset.txt}).</li>
 * </ul>
 * Everything is checked before the first write (the script checks the short description
 * only after writing {@code SKILL.md}); a failed write removes what was created. The
 * templates are the script's, in {@code src/main/resources/skills/init/}.
 */
public final class SkillInit {

	static final int MAX_NAME_LENGTH = 64;

	static final List<String> RESOURCES = List.of("scripts", "references", "assets");

	/**
	 * The template's description: a placeholder, double-quoted so YAML reads a string.
	 */
	static final String PLACEHOLDER_DESCRIPTION = "\"[TODO: Complete and informative explanation of what the skill "
			+ "does and when to use it. Include WHEN to use this skill - specific scenarios, file types, or tasks "
			+ "that trigger it.]\"";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(skill_name|skill_title|description)\\}");

	private static final Pattern NOT_NAME = Pattern.compile("[^a-z0-9]+");

	/**
	 * A character a description or interface value may not hold: any but newline and
	 * those PyYAML's reader accepts in a document (its {@code NON_PRINTABLE} complement:
	 * tab and carriage return aside, no C0 or C1 control but U+0085, no U+FFFE or
	 * U+FFFF), so that what is written reads back.
	 */
	private static final Pattern CONTROL = Pattern
		.compile("[^\\n\\x20-\\x7E\\x85\\xA0-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

	private SkillInit() {
	}

	/**
	 * @param request what to create
	 * @return what was created, validated
	 * @throws InitRefusedException if the script would refuse it, or the name is a path
	 * @throws SkillExistsException if something has its name in the root
	 * @throws SkillNotWrittenException if the root could not be written
	 */
	public static CreatedSkill create(InitRequest request) {
		requireWellFormed(request);
		String name = normalizedName(request.name());
		List<String> resources = resources(request.resources());
		if (request.examples() && resources.isEmpty()) {
			throw new InitRefusedException("examples", "examples requires resources to be set.");
		}
		SkillRoot root = request.root();
		if (root.kind() == RootKind.EXTERNAL) {
			throw new InitRefusedException("root", "The skill root '" + root.name()
					+ "' is external: nothing is created there; wrap its skill in a skill of a shared or project root.");
		}
		requireInBoundary(root);
		String description = (request.description() != null) ? description(request.description())
				: PLACEHOLDER_DESCRIPTION;
		Map<String, String> fields = OpenAiYaml.interfaceOf(name, stripped(request.interfaceOverrides()));
		Path dir = root.path().resolve(name);
		if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
			throw new SkillExistsException(dir);
		}
		List<String> files = new ArrayList<>();
		try {
			createRoot(root);
			Files.createDirectory(dir);
		}
		catch (FileAlreadyExistsException ex) {
			throw new SkillExistsException(dir);
		}
		catch (IOException ex) {
			throw new SkillNotWrittenException(root.name(), ex);
		}
		try {
			String title = title(name);
			write(dir, "SKILL.md", fill(template("SKILL.md"), name, title, description), files);
			Files.createDirectory(dir.resolve("agents"));
			files.add("agents/");
			write(dir, "agents/openai.yaml", OpenAiYaml.render(fields), files);
			for (String resource : resources) {
				Files.createDirectory(dir.resolve(resource));
				files.add(resource + "/");
				if (request.examples()) {
					examples(dir, resource, name, title, files);
				}
			}
		}
		catch (IOException ex) {
			remove(dir);
			throw new SkillNotWrittenException(root.name(), ex);
		}
		Verdict verdict = QuickValidate.read(dir, dir.toString()).verdict();
		return new CreatedSkill(root.name(), root.kind(), root.repository(), name,
				name.equals(request.name()) ? null : request.name(), dir.toString(), files, verdict);
	}

	/**
	 * Refuses a name, description or interface key or value holding a lone UTF-16
	 * surrogate: it cannot be written as UTF-8, so it is the request's fault, not the
	 * disk's.
	 */
	private static void requireWellFormed(InitRequest request) {
		requireWellFormed(request.name(), "name");
		if (request.description() != null) {
			requireWellFormed(request.description(), "description");
		}
		request.interfaceOverrides().forEach((key, value) -> {
			requireWellFormed(key, "interface");
			if (value != null) {
				requireWellFormed(value, "interface." + key);
			}
		});
	}

	private static void requireWellFormed(String text, String field) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new InitRefusedException(field, "Text cannot contain an unpaired UTF-16 surrogate (U+"
						+ Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at index " + i + ").");
			}
		}
	}

	/**
	 * The script's {@code normalize_skill_name}, with its limits.
	 * @param raw the name as asked
	 * @return the normalised name
	 * @throws InitRefusedException if it is a path, empty once normalised, or too long
	 */
	static String normalizedName(String raw) {
		if (raw.contains("/") || raw.contains("\\") || raw.contains("\0") || raw.contains("..")) {
			throw new InitRefusedException("name", "Skill name must be a name, not a path: no '/', '\\', '..' or NUL.");
		}
		String normalized = NOT_NAME.matcher(PythonText.strip(raw).toLowerCase(Locale.ROOT)).replaceAll("-");
		normalized = normalized.replaceAll("^-+|-+$", "");
		if (normalized.isEmpty()) {
			throw new InitRefusedException("name", "Skill name must include at least one letter or digit.");
		}
		if (normalized.length() > MAX_NAME_LENGTH) {
			throw new InitRefusedException("name", "Skill name '" + normalized + "' is too long (" + normalized.length()
					+ " characters). Maximum is " + MAX_NAME_LENGTH + " characters.");
		}
		return normalized;
	}

	/**
	 * The script's {@code parse_resources}: stripped, empties dropped, known ones, once
	 * each.
	 */
	static List<String> resources(List<String> raw) {
		List<String> resources = new ArrayList<>();
		TreeSet<String> unknown = new TreeSet<>();
		for (int i = 0; i < raw.size(); i++) {
			String item = raw.get(i);
			if (item == null) {
				throw new InitRefusedException("resources[" + i + "]", "A resource type must be a string, not null.");
			}
			String resource = PythonText.strip(item);
			if (resource.isEmpty()) {
				continue;
			}
			if (!RESOURCES.contains(resource)) {
				unknown.add(resource);
			}
			else if (!resources.contains(resource)) {
				resources.add(resource);
			}
		}
		if (!unknown.isEmpty()) {
			throw new InitRefusedException("resources", "Unknown resource type(s): " + String.join(", ", unknown)
					+ ". Allowed: " + String.join(", ", new TreeSet<>(RESOURCES)));
		}
		return resources;
	}

	/** The script's {@code title_case_skill_name}. */
	static String title(String name) {
		List<String> words = new ArrayList<>();
		for (String word : name.split("-", -1)) {
			words.add(word.isEmpty() ? word : OpenAiYaml.capitalize(word));
		}
		return String.join(" ", words);
	}

	/**
	 * A description for the front matter: one that {@code quick_validate.py} passes,
	 * double-quoted.
	 */
	private static String description(String raw) {
		String description = PythonText.strip(raw);
		if (CONTROL.matcher(description).find()) {
			throw new InitRefusedException("description",
					"Description cannot contain control or non-printable characters.");
		}
		if (description.contains("<") || description.contains(">")) {
			throw new InitRefusedException("description", "Description cannot contain angle brackets (< or >)");
		}
		int length = description.codePointCount(0, description.length());
		if (length > 1024) {
			throw new InitRefusedException("description",
					"Description is too long (" + length + " characters). Maximum is 1024 characters.");
		}
		return OpenAiYaml.quote(description);
	}

	private static Map<String, String> stripped(Map<String, String> overrides) {
		Map<String, String> stripped = new LinkedHashMap<>();
		overrides.forEach((key, value) -> {
			if (value == null) {
				throw new InitRefusedException("interface." + key, "Interface values must be strings, not null.");
			}
			String field = PythonText.strip(key);
			String text = PythonText.strip(value);
			if (CONTROL.matcher(text).find()) {
				throw new InitRefusedException("interface." + field,
						"Interface values cannot contain control or non-printable characters.");
			}
			stripped.put(field, text);
		});
		return stripped;
	}

	private static void examples(Path dir, String resource, String name, String title, List<String> files)
			throws IOException {
		switch (resource) {
			case "scripts" -> {
				write(dir, "scripts/example.py", fill(template("example.py"), name, title, ""), files);
				Files.setPosixFilePermissions(dir.resolve("scripts/example.py"),
						PosixFilePermissions.fromString("rwxr-xr-x"));
			}
			case "references" ->
				write(dir, "references/api_reference.md", fill(template("api_reference.md"), name, title, ""), files);
			default -> write(dir, "assets/example_asset.txt", template("example_asset.txt"), files);
		}
	}

	/**
	 * Makes the root's missing directories, each one itself (no link is followed to make
	 * one), once it is certain they really lie in its boundary: nothing is created for a
	 * root that leads out of it; the check is repeated once they exist.
	 */
	private static void createRoot(SkillRoot root) throws IOException {
		requireInBoundary(root);
		List<Path> missing = new ArrayList<>();
		for (Path path = root.path(); path != null
				&& !Files.exists(path, LinkOption.NOFOLLOW_LINKS); path = path.getParent()) {
			missing.add(0, path);
		}
		for (Path path : missing) {
			Files.createDirectory(path);
		}
		requireInBoundary(root);
	}

	private static void requireInBoundary(SkillRoot root) {
		if (!SkillRoots.staysInBoundary(root)) {
			throw new InitRefusedException("root", "The skill root '" + root.name() + "' leads out of "
					+ root.boundary() + " through a link; nothing is created there.");
		}
	}

	private static void write(Path dir, String relative, String text, List<String> files) throws IOException {
		Files.writeString(dir.resolve(relative), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
		files.add(relative);
	}

	private static String fill(String template, String name, String title, String description) {
		Matcher placeholder = PLACEHOLDER.matcher(template);
		return placeholder.replaceAll((match) -> Matcher.quoteReplacement(switch (match.group(1)) {
			case "skill_name" -> name;
			case "skill_title" -> title;
			default -> description;
		}));
	}

	private static String template(String name) {
		try (InputStream in = SkillInit.class.getResourceAsStream("/skills/init/" + name + ".template")) {
			if (in == null) {
				throw new IllegalStateException("The init template " + name + " is missing from the classpath.");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void remove(Path dir) {
		try (Stream<Path> tree = Files.walk(dir)) {
			for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// What could not be removed stays; the failure is reported by the caller.
		}
	}

}

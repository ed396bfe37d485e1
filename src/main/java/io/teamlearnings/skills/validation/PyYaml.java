package io.teamlearnings.skills.validation;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

import org.springframework.lang.Nullable;

/**
 * YAML as PyYAML's {@code yaml.safe_load} reads a string, with SnakeYAML (both are YAML
 * 1.1 with the same resolution of plain scalars: {@code yes} is true, {@code 0x1F} an
 * int, {@code ~} null): values of the same Python types (a date-only timestamp is a
 * {@code date}, an {@code !!omap} a list), their Python type names, and syntax errors in
 * PyYAML's layout ({@code in "<unicode string>", line L, column C:} and the snippet with
 * its caret). SnakeYAML words a few problems its own way; those words are kept.
 */
final class PyYaml {

	/** The name PyYAML gives a string it loads, as its error marks show it. */
	private static final String SOURCE = "<unicode string>";

	/** A YAML 1.1 timestamp without a time: PyYAML constructs a {@code datetime.date}. */
	private static final Pattern DATE_ONLY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	/**
	 * SnakeYAML's words for a problem, and PyYAML's for it: a character as its repr
	 * ({@code '\t'}, not {@code '\t(TAB)'}), no advice after the problem, quoted tags,
	 * tokens and aliases, and a tag no safe loader constructs.
	 */
	private static final List<Rewrite> PYYAML_WORDS = List.of(
			new Rewrite("that cannot start any token\\. \\(Do not use .* for indentation\\)$",
					"that cannot start any token"),
			new Rewrite("'(\\\\[a-z0-9]+)\\([A-Z]+\\)'", "'$1'"),
			new Rewrite("^Global tag is not allowed: (.+)$", "could not determine a constructor for the tag '$1'"),
			new Rewrite("^could not determine a constructor for the tag ([^'].*)$",
					"could not determine a constructor for the tag '$1'"),
			new Rewrite("^(expected .*, but got) ([^'].*)$", "$1 '$2'"),
			new Rewrite("^found undefined alias ([^'].*)$", "found undefined alias '$1'"));

	private PyYaml() {
	}

	/**
	 * A YAML document that could not be loaded.
	 */
	static final class Failure extends Exception {

		Failure(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * @param text one YAML document
	 * @return what {@code yaml.safe_load(text)} returns, in Java: null, Boolean, Integer,
	 * Long or BigInteger, Double, String, byte[], LocalDate, Date, List, Set or Map
	 * @throws Failure with the text {@code str(yaml.YAMLError)} gives
	 */
	@Nullable
	static Object load(String text) throws Failure {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(true);
		try {
			return new Yaml(new Constructor(options), new Representer(new DumperOptions()), new DumperOptions(),
					options, new PyResolver())
				.load(text);
		}
		catch (YAMLException ex) {
			throw new Failure(message(ex));
		}
	}

	/**
	 * @param value a loaded value
	 * @return {@code type(value).__name__}
	 */
	static String typeName(@Nullable Object value) {
		if (value == null) {
			return "NoneType";
		}
		if (value instanceof Boolean) {
			return "bool";
		}
		if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
			return "int";
		}
		if (value instanceof Double || value instanceof Float) {
			return "float";
		}
		if (value instanceof String) {
			return "str";
		}
		if (value instanceof byte[]) {
			return "bytes";
		}
		if (value instanceof Map) {
			return "dict";
		}
		if (value instanceof Set) {
			return "set";
		}
		if (value instanceof List || value instanceof Object[]) {
			return "list";
		}
		if (value instanceof LocalDate) {
			return "date";
		}
		if (value instanceof Date) {
			return "datetime";
		}
		return value.getClass().getSimpleName();
	}

	/**
	 * @param value a loaded mapping key
	 * @return {@code str(value)} for strings, None, booleans and integers; other keys as
	 * Java prints them
	 */
	static String str(@Nullable Object value) {
		if (value == null) {
			return "None";
		}
		if (value instanceof Boolean flag) {
			return flag ? "True" : "False";
		}
		return String.valueOf(value);
	}

	private static String message(YAMLException ex) {
		if (ex instanceof MarkedYAMLException marked) {
			List<String> lines = new ArrayList<>();
			Mark context = marked.getContextMark();
			Mark problem = marked.getProblemMark();
			if (marked.getContext() != null) {
				lines.add(marked.getContext());
			}
			if (context != null && (marked.getProblem() == null || problem == null
					|| context.getLine() != problem.getLine() || context.getColumn() != problem.getColumn())) {
				lines.add(where(context));
			}
			if (marked.getProblem() != null) {
				lines.add(inPyYamlWords(marked.getProblem()));
			}
			if (problem != null) {
				lines.add(where(problem));
			}
			return String.join("\n", lines);
		}
		if (ex instanceof ReaderException reader) {
			return String.format("unacceptable character #x%04x: %s\n  in \"%s\", position %d", reader.getCodePoint(),
					reader.getMessage(), SOURCE, reader.getPosition());
		}
		return String.valueOf(ex.getMessage());
	}

	private static String inPyYamlWords(String problem) {
		String words = problem;
		for (Rewrite rewrite : PYYAML_WORDS) {
			words = rewrite.pattern().matcher(words).replaceAll(rewrite.replacement());
		}
		return words;
	}

	private record Rewrite(Pattern pattern, String replacement) {

		Rewrite(String regex, String replacement) {
			this(Pattern.compile(regex), replacement);
		}

	}

	private static String where(Mark mark) {
		String where = "  in \"" + SOURCE + "\", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
		String snippet = mark.get_snippet();
		return (snippet != null) ? where + ":\n" + snippet : where;
	}

	/**
	 * SnakeYAML's implicit types with PyYAML's float (PyYAML 6.0 {@code resolver.py}): a
	 * float needs a dot, and an exponent a sign, so {@code 1e3}, {@code 1.5e3} and
	 * {@code ._5} are strings there, as {@code yaml.safe_load} reads them, where
	 * SnakeYAML's YAML 1.1 pattern makes them floats (a name {@code 1e3} is valid for
	 * quick_validate.py). The other resolvers are SnakeYAML's, in its order.
	 */
	private static final class PyResolver extends Resolver {

		private static final Pattern PY_FLOAT = Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
				+ "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
				+ "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

		@Override
		protected void addImplicitResolvers() {
			addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
			addImplicitResolver(Tag.INT, INT, "-+0123456789");
			addImplicitResolver(Tag.FLOAT, PY_FLOAT, "-+0123456789.");
			addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
			addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
			addImplicitResolver(Tag.NULL, EMPTY, null, 10);
			addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789", 50);
			addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
		}

	}

	/**
	 * SnakeYAML's safe constructor with PyYAML's types where they differ: a date-only
	 * timestamp is a date, not a midnight instant; an ordered map is a list of pairs.
	 */
	private static final class Constructor extends SafeConstructor {

		Constructor(LoaderOptions options) {
			super(options);
			this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlTimestamp() {

				@Override
				public Object construct(Node node) {
					String value = ((ScalarNode) node).getValue();
					if (DATE_ONLY.matcher(value).matches()) {
						try {
							return LocalDate.parse(value);
						}
						catch (DateTimeParseException ex) {
							return super.construct(node);
						}
					}
					return super.construct(node);
				}

			});
			this.yamlConstructors.put(Tag.OMAP, new ConstructYamlPairs());
		}

	}

}

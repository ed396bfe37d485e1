package io.teamlearnings.mcp;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.teamlearnings.system.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The arguments of one tool call, read as the REST API reads its parameters and bodies:
 * bodies are bound with the service's JSON mapper (so the same field names, the same
 * refusal of unknown fields) and checked with the same Bean Validation constraints. Every
 * refusal is an {@link InvalidToolArgumentException} naming the argument.
 */
public final class ToolArguments {

	private final Map<String, Object> values;

	private final JsonMapper mapper;

	private final Validator validator;

	ToolArguments(@Nullable Map<String, Object> values, JsonMapper mapper, Validator validator) {
		this.values = (values != null) ? values : Map.of();
		this.mapper = mapper;
		this.validator = validator;
	}

	/**
	 * The repository the call names.
	 * @return the {@value McpTool#REPOSITORY} argument, or null when absent
	 * @throws InvalidToolArgumentException if it is not a string
	 */
	@Nullable public String repository() {
		return optionalString(McpTool.REPOSITORY);
	}

	/**
	 * A required string.
	 * @param name the argument
	 * @return its value
	 * @throws InvalidToolArgumentException if it is absent, blank or not a string
	 */
	public String string(String name) {
		String value = optionalString(name);
		if (value == null || value.isBlank()) {
			throw new InvalidToolArgumentException(name, "is required");
		}
		return value;
	}

	/**
	 * An optional string.
	 * @param name the argument
	 * @return its value, or null when absent or JSON null
	 * @throws InvalidToolArgumentException if it is not a string
	 */
	@Nullable public String optionalString(String name) {
		Object value = this.values.get(name);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw new InvalidToolArgumentException(name, "must be a string");
	}

	/**
	 * A list of strings; one string is taken as a list of one.
	 * @param name the argument
	 * @return its values, empty when absent
	 * @throws InvalidToolArgumentException if it is neither a string nor a list of
	 * strings
	 */
	public List<String> strings(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return List.of();
		}
		if (value instanceof String text) {
			return List.of(text);
		}
		if (value instanceof Collection<?> items && items.stream().allMatch(String.class::isInstance)) {
			return items.stream().map(String.class::cast).toList();
		}
		throw new InvalidToolArgumentException(name, "must be a string or a list of strings");
	}

	/**
	 * An optional whole number.
	 * @param name the argument
	 * @return its value, or null when absent
	 * @throws InvalidToolArgumentException if it is not a whole number that fits an int
	 */
	@Nullable public Integer integer(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			if (number.doubleValue() < Integer.MIN_VALUE || number.doubleValue() > Integer.MAX_VALUE) {
				throw new InvalidToolArgumentException(name,
						"must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
			}
			return number.intValue();
		}
		throw new InvalidToolArgumentException(name, "must be a whole number");
	}

	/**
	 * An optional whole number with a default and bounds.
	 * @param name the argument
	 * @param fallback the value when absent
	 * @param min the least allowed
	 * @param max the most allowed
	 * @return its value
	 * @throws InvalidToolArgumentException if it is not a whole number in range
	 */
	public int integer(String name, int fallback, int min, int max) {
		Integer value = integer(name);
		if (value == null) {
			return fallback;
		}
		if (value < min || value > max) {
			throw new InvalidToolArgumentException(name, "must be between " + min + " and " + max);
		}
		return value;
	}

	/**
	 * An optional boolean.
	 * @param name the argument
	 * @param fallback the value when absent
	 * @return its value
	 * @throws InvalidToolArgumentException if it is not a boolean
	 */
	public boolean flag(String name, boolean fallback) {
		Object value = this.values.get(name);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		throw new InvalidToolArgumentException(name, "must be true or false");
	}

	/**
	 * An optional instant.
	 * @param name the argument
	 * @return its value, or null when absent
	 * @throws InvalidToolArgumentException if it is not an ISO-8601 instant such as
	 * {@code 2026-03-01T00:00:00Z}
	 */
	@Nullable public Instant instant(String name) {
		String value = optionalString(name);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidToolArgumentException(name, "must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
		}
	}

	/**
	 * The arguments, all but {@code leftOut}, bound to a request record as the REST API
	 * binds its body, and validated as {@code @Valid} validates it.
	 * @param <T> the record's type
	 * @param type the record
	 * @param leftOut arguments that are not part of the body (the repository, flags)
	 * @return the record
	 * @throws InvalidToolArgumentException naming the first argument that is unknown, of
	 * the wrong shape or breaks a constraint
	 */
	public <T> T body(Class<T> type, String... leftOut) {
		Map<String, Object> body = new LinkedHashMap<>(this.values);
		Set.of(leftOut).forEach(body::remove);
		T bound;
		try {
			bound = this.mapper.convertValue(body, type);
		}
		catch (DatabindException ex) {
			throw new InvalidToolArgumentException(path(ex), reason(ex));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new InvalidToolArgumentException("arguments", "cannot be read: " + ex.getMessage());
		}
		Set<ConstraintViolation<T>> violations = this.validator.validate(bound);
		if (!violations.isEmpty()) {
			ConstraintViolation<T> first = violations.stream()
				.min(java.util.Comparator.comparing((violation) -> violation.getPropertyPath().toString()))
				.orElseThrow();
			throw new InvalidToolArgumentException(argument(type, first.getPropertyPath().toString()),
					first.getMessage());
		}
		return bound;
	}

	private static String path(DatabindException ex) {
		String path = Problems.jsonPath(ex.getPath());
		return path.isEmpty() ? "arguments" : path;
	}

	private static String reason(DatabindException ex) {
		if (ex instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
			return "is not an argument of this tool";
		}
		return "has the wrong type or shape";
	}

	/**
	 * The argument a constraint on {@code property} of {@code type} is about; a
	 * constraint on the whole request (one of two fields must be given) is about the
	 * arguments.
	 */
	private static String argument(Class<?> type, String property) {
		String first = property.split("[.\\[]", 2)[0];
		boolean component = type.isRecord()
				&& java.util.Arrays.stream(type.getRecordComponents()).anyMatch((each) -> each.getName().equals(first));
		return component ? jsonPath(property) : "arguments";
	}

	/** {@code relatedIds[0]} to {@code related_ids[0]}: the names the schema uses. */
	private static String jsonPath(String property) {
		return java.util.Arrays.stream(property.replaceAll("\\.?<[^>]*>", "").split("\\."))
			.map((part) -> part.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT))
			.collect(Collectors.joining("."));
	}

}

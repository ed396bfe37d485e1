package io.teamlearnings.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The service's JSON answers as plain Java values, read with Jackson's streaming parser
 * (no data binding, which would cost start-up time): an object is a {@code Map} in the
 * order of its keys, an array a {@code List}, a string a {@code String}, a number a
 * {@code Number} ({@code Integer}, {@code Long}, {@code BigInteger} or {@code Double}),
 * {@code true}/{@code false} a {@code Boolean}, {@code null} null.
 */
final class Json {

	private static final JsonFactory FACTORY = new JsonFactory();

	private Json() {
	}

	/**
	 * @param text one JSON value
	 * @return the value; null for {@code null} or no value at all
	 * @throws JacksonException if the text is not JSON
	 */
	static Object parse(String text) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
			return read(parser, parser.nextToken());
		}
	}

	/**
	 * @param text one JSON object
	 * @return its members, or null when the text is JSON of another kind or not JSON
	 */
	static Map<String, Object> objectOrNull(String text) {
		return (parseOrNull(text) instanceof Map<?, ?> map) ? cast(map) : null;
	}

	/**
	 * @param text one JSON value
	 * @return the value, or null when the text is not JSON
	 */
	static Object parseOrNull(String text) {
		try {
			return parse(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** A member that is a string, or {@code ""}. */
	static String string(Map<String, Object> object, String key) {
		return (object.get(key) instanceof String value) ? value : "";
	}

	/** A member that is an object, or an empty map. */
	static Map<String, Object> object(Map<String, Object> object, String key) {
		return (object.get(key) instanceof Map<?, ?> value) ? cast(value) : Map.of();
	}

	/** A member that is an array, or an empty list. */
	static List<Object> list(Map<String, Object> object, String key) {
		return (object.get(key) instanceof List<?> value) ? cast(value) : List.of();
	}

	/** The strings of an array member, skipping items of other kinds. */
	static List<String> strings(Map<String, Object> object, String key) {
		List<String> strings = new ArrayList<>();
		for (Object item : list(object, key)) {
			if (item instanceof String value) {
				strings.add(value);
			}
		}
		return strings;
	}

	/** The objects of an array member, skipping items of other kinds. */
	static List<Map<String, Object>> objects(Map<String, Object> object, String key) {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object item : list(object, key)) {
			if (item instanceof Map<?, ?> value) {
				objects.add(cast(value));
			}
		}
		return objects;
	}

	/** A member that is a number, or 0. */
	static Number number(Map<String, Object> object, String key) {
		return (object.get(key) instanceof Number value) ? value : 0;
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object value) {
		return (T) value;
	}

	private static Object read(JsonParser parser, JsonToken token) {
		if (token == null) {
			return null;
		}
		switch (token) {
			case START_OBJECT:
				Map<String, Object> object = new LinkedHashMap<>();
				for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
					String name = parser.currentName();
					object.put(name, read(parser, parser.nextToken()));
				}
				return object;
			case START_ARRAY:
				List<Object> array = new ArrayList<>();
				for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
					array.add(read(parser, next));
				}
				return array;
			case VALUE_STRING:
				return parser.getString();
			case VALUE_NUMBER_INT:
				return parser.getNumberValue();
			case VALUE_NUMBER_FLOAT:
				return parser.getDoubleValue();
			case VALUE_TRUE:
				return Boolean.TRUE;
			case VALUE_FALSE:
				return Boolean.FALSE;
			default:
				return null;
		}
	}

}

package io.teamlearnings.learnings.jsonl;

import java.nio.charset.CharacterCodingException;

import io.teamlearnings.system.StrictUtf8;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one line of a {@code .learnings.jsonl} into a row, or into the reason it is not
 * one. Never repairs a line: a malformed line is reported as it is.
 */
@Component
public class LineParser {

	private final JsonMapper mapper;

	LineParser() {
		this.mapper = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build();
	}

	/** A line read from the file: a row, or a malformed line with its reason. */
	public sealed interface ParsedLine permits Row, Malformed {

	}

	/** A line that is a row: a JSON object with a non-blank string {@code id}. */
	public record Row(LearningRow row) implements ParsedLine {
	}

	/**
	 * A line that is not a row, and why ({@code not valid UTF-8},
	 * {@code invalid JSON at column 12: ...}).
	 */
	public record Malformed(String reason) implements ParsedLine {
	}

	/**
	 * Reads one line of a {@code .learnings.jsonl}, without its newline: strict UTF-8,
	 * then one JSON object with a non-blank string {@code id}; never throws for bad
	 * input.
	 * @param bytes the line's bytes
	 * @return the row, or why it is malformed
	 */
	public ParsedLine parse(byte[] bytes) {
		String text;
		try {
			text = StrictUtf8.decode(bytes);
		}
		catch (CharacterCodingException ex) {
			return new Malformed("not valid UTF-8");
		}
		if (text.isBlank()) {
			return new Malformed("blank line");
		}
		JsonNode node;
		try {
			node = this.mapper.readTree(text);
		}
		catch (StreamConstraintsException ex) {
			// valid JSON past a limit the parser keeps (nesting depth, number or string
			// length): say which, not the parser's own API
			return new Malformed("JSON beyond what the service reads" + at(ex.getLocation()) + ": "
					+ ex.getOriginalMessage().replaceAll(",? ?\\(?[0-9, ]*from `[^`]*`\\)?", "").strip());
		}
		catch (JacksonException ex) {
			return new Malformed("invalid JSON" + at(ex.getLocation()) + ": " + ex.getOriginalMessage());
		}
		if (!(node instanceof ObjectNode object)) {
			return new Malformed("not a JSON object");
		}
		JsonNode id = object.get("id");
		if (id == null || !id.isString() || id.asString().isBlank()) {
			return new Malformed("row has no string 'id'");
		}
		return new Row(new LearningRow(text, object));
	}

	private static String at(TokenStreamLocation location) {
		if (location == null || location.getColumnNr() < 1) {
			return "";
		}
		return " at column " + location.getColumnNr();
	}

}

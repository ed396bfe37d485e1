package io.teamlearnings.learnings.jsonl;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.lang.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One row of a {@code .learnings.jsonl}, read faithfully: the line exactly as written,
 * and the fields the index needs, whatever shape the writer gave them (a string where the
 * service writes a list, numbers, unknown fields).
 *
 * @param raw the line as written, without its newline
 * @param json the parsed row, every field kept
 */
public record LearningRow(String raw, ObjectNode json) {

	/** The row's {@code id} as text; empty when it has none. */
	public String id() {
		return text("id");
	}

	/** {@code captured_at} as written, as text; empty when absent. */
	public String capturedAt() {
		return text("captured_at");
	}

	/**
	 * The capture time if the row's {@code captured_at} is an ISO-8601 instant in the
	 * years 1 to 9999 (UTC); null for anything else, which the row keeps as text.
	 */
	@Nullable
	public Instant capturedInstant() {
		String value = capturedAt();
		if (value.isEmpty()) {
			return null;
		}
		try {
			OffsetDateTime time = OffsetDateTime.parse(value);
			int year = time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
			return (year >= 1 && year <= 9999) ? time.toInstant() : null;
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** {@code status} as text ({@code do}, {@code avoid}, ...); empty when absent. */
	public String status() {
		return text("status");
	}

	/** {@code learning}, the rule, as text; empty when absent. */
	public String learning() {
		return text("learning");
	}

	/** {@code application}, where the rule applies, as text; empty when absent. */
	public String application() {
		return text("application");
	}

	/** {@code source} as text; empty when absent. */
	public String source() {
		return text("source");
	}

	/** {@code fingerprint} as written by the learnings tool; empty when absent. */
	public String fingerprint() {
		return text("fingerprint");
	}

	/**
	 * {@code evidence}: a list's non-empty items as text, or a single value as a one-item
	 * list.
	 */
	public List<String> evidence() {
		return texts(this.json.get("evidence"));
	}

	/** {@code tags}, read as {@link #evidence()} is. */
	public List<String> tags() {
		return texts(this.json.get("tags"));
	}

	/** {@code related_ids}, read as {@link #evidence()} is. */
	public List<String> relatedIds() {
		return texts(this.json.get("related_ids"));
	}

	/** {@code supersedes_id} as text; null when absent or empty. */
	@Nullable
	public String supersedesId() {
		String value = text("supersedes_id");
		return value.isEmpty() ? null : value;
	}

	/**
	 * {@code context.repo} as text; empty when absent or when {@code context} is not an
	 * object.
	 */
	public String contextRepo() {
		return contextText("repo");
	}

	/** {@code context.branch} as text; empty when absent. */
	public String branch() {
		return contextText("branch");
	}

	/**
	 * {@code context.paths}, read as {@link #evidence()} is; empty when {@code context}
	 * is not an object.
	 */
	public List<String> paths() {
		JsonNode context = this.json.get("context");
		return (context != null && context.isObject()) ? texts(context.get("paths")) : List.of();
	}

	private String contextText(String field) {
		JsonNode context = this.json.get("context");
		return (context != null && context.isObject()) ? asText(context.get(field)) : "";
	}

	private String text(String field) {
		return asText(this.json.get(field));
	}

	private static String asText(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "";
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	private static List<String> texts(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return List.of();
		}
		if (!node.isArray()) {
			String single = asText(node);
			return single.isEmpty() ? List.of() : List.of(single);
		}
		List<String> values = new ArrayList<>(node.size());
		for (JsonNode element : node) {
			String value = asText(element);
			if (!value.isEmpty()) {
				values.add(value);
			}
		}
		return values;
	}

}

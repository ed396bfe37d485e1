package io.teamlearnings.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row of the learnings tool's {@code learnings} dataset, the shape its recall prints in
 * JSON and its tables read (tkersey/skills-zig {@code learnings.zig},
 * {@code collectLearningRows}), made from a row as the service serves it (the line of
 * {@code .learnings.jsonl} as written). Its keys, in the order the tool's JSON prints
 * them (alphabetical): {@code application}, {@code branch}, {@code captured_at},
 * {@code day} ({@code YYYY-MM-DD}), {@code evidence_count}, {@code evidence_text} (the
 * evidence strings, one a line), {@code fingerprint}, {@code id}, {@code learning},
 * {@code learning_snippet} (the learning shortened to 160 bytes), {@code month}
 * ({@code YYYY-MM}), {@code paths_count}, {@code paths_text} (context paths,
 * comma-separated), {@code related_ids_text}, {@code repo}, {@code source},
 * {@code status}, {@code supersedes_id}, {@code tags_count}, {@code tags_text}
 * (comma-separated), {@code text} (learning, application, evidence, tags and paths, each
 * trimmed, the non-empty ones one a line), {@code week} (ISO week, {@code 2026-W48}). A
 * value that is not a string reads as {@code ""}; array items that are not strings are
 * skipped.
 */
final class ToolRow {

	/** The dataset's keys, in the order the tool's JSON prints them. */
	static final List<String> KEYS = List.of("application", "branch", "captured_at", "day", "evidence_count",
			"evidence_text", "fingerprint", "id", "learning", "learning_snippet", "month", "paths_count", "paths_text",
			"related_ids_text", "repo", "source", "status", "supersedes_id", "tags_count", "tags_text", "text", "week");

	private ToolRow() {
	}

	/**
	 * @param row a row as written
	 * @return the dataset row, by key
	 */
	static Map<String, Object> of(Map<String, Object> row) {
		Map<String, Object> context = Json.object(row, "context");
		List<String> evidence = Json.strings(row, "evidence");
		List<String> tags = Json.strings(row, "tags");
		List<String> paths = Json.strings(context, "paths");
		String capturedAt = Json.string(row, "captured_at");
		String learning = Json.string(row, "learning");
		String application = Json.string(row, "application");
		String evidenceText = String.join("\n", evidence);
		String tagsText = String.join(",", tags);
		String pathsText = String.join(",", paths);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("application", application);
		out.put("branch", Json.string(context, "branch"));
		out.put("captured_at", capturedAt);
		out.put("day", day(capturedAt));
		out.put("evidence_count", evidence.size());
		out.put("evidence_text", evidenceText);
		out.put("fingerprint", Json.string(row, "fingerprint"));
		out.put("id", Json.string(row, "id"));
		out.put("learning", learning);
		out.put("learning_snippet", ToolOutput.shorten(learning, 160));
		out.put("month", month(capturedAt));
		out.put("paths_count", paths.size());
		out.put("paths_text", pathsText);
		out.put("related_ids_text", String.join(",", Json.strings(row, "related_ids")));
		out.put("repo", Json.string(context, "repo"));
		out.put("source", Json.string(row, "source"));
		out.put("status", Json.string(row, "status"));
		out.put("supersedes_id", Json.string(row, "supersedes_id"));
		out.put("tags_count", tags.size());
		out.put("tags_text", tagsText);
		out.put("text", text(learning, application, evidenceText, tagsText, pathsText));
		out.put("week", week(capturedAt));
		return out;
	}

	/**
	 * The cells the tool's recall and recent tables print of a row: {@code captured_at},
	 * {@code status}, {@code learning} (shortened to 120 bytes), {@code tags} (30) and
	 * {@code paths} (40).
	 * @param row a dataset row, as {@link #of} makes it
	 * @return the cells, by column name, in that order
	 */
	static Map<String, Object> cells(Map<String, Object> row) {
		Map<String, Object> cells = new LinkedHashMap<>();
		cells.put("captured_at", row.get("captured_at"));
		cells.put("status", row.get("status"));
		cells.put("learning", ToolOutput.shorten((String) row.get("learning"), 120));
		cells.put("tags", ToolOutput.shorten((String) row.get("tags_text"), 30));
		cells.put("paths", ToolOutput.shorten((String) row.get("paths_text"), 40));
		return cells;
	}

	private static String text(String... parts) {
		List<String> lines = new ArrayList<>();
		for (String part : parts) {
			String trimmed = ToolOutput.trim(part);
			if (!trimmed.isEmpty()) {
				lines.add(trimmed);
			}
		}
		return String.join("\n", lines);
	}

	private static String day(String capturedAt) {
		boolean dated = capturedAt.length() >= 10 && capturedAt.charAt(4) == '-' && capturedAt.charAt(7) == '-';
		return dated ? capturedAt.substring(0, 10) : "";
	}

	private static String month(String capturedAt) {
		return (capturedAt.length() >= 7 && capturedAt.charAt(4) == '-') ? capturedAt.substring(0, 7) : "";
	}

	private static String week(String capturedAt) {
		String day = day(capturedAt);
		if (day.isEmpty()) {
			return "";
		}
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(day.substring(0, 4)), Integer.parseInt(day.substring(5, 7)),
					Integer.parseInt(day.substring(8, 10)));
			int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
			return date.get(IsoFields.WEEK_BASED_YEAR) + ((week < 10) ? "-W0" : "-W") + week;
		}
		catch (NumberFormatException | DateTimeException ex) {
			return "";
		}
	}

}

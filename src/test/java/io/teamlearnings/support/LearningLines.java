package io.teamlearnings.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Rows of a {@code .learnings.jsonl} written by hand for tests, in the tool's field
 * order, with only the fields a test sets.
 */
public final class LearningLines {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private LearningLines() {
	}

	/**
	 * A {@code do_more} row with this id and no other field set yet.
	 * @param id the row's id
	 * @return the row
	 */
	public static Line row(String id) {
		return new Line(id);
	}

	/**
	 * Writes {@code <root>/.learnings.jsonl} with these rows, one a line.
	 * @param root the repository root
	 * @param lines the rows, in file order
	 * @return the file
	 */
	public static Path write(Path root, Line... lines) {
		StringBuilder text = new StringBuilder();
		for (Line line : lines) {
			text.append(line.json()).append('\n');
		}
		Path file = root.resolve(".learnings.jsonl");
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/** One row; every setter returns the row. */
	public static final class Line {

		private final String id;

		private String capturedAt;

		private String status = "do_more";

		private String learning = "";

		private List<String> evidence = List.of();

		private String application = "";

		private List<String> paths;

		private String fingerprint;

		private List<String> tags;

		private String supersedesId;

		private Line(String id) {
			this.id = id;
		}

		public Line capturedAt(String capturedAt) {
			this.capturedAt = capturedAt;
			return this;
		}

		public Line status(String status) {
			this.status = status;
			return this;
		}

		public Line learning(String learning) {
			this.learning = learning;
			return this;
		}

		public Line evidence(String... evidence) {
			this.evidence = Arrays.asList(evidence);
			return this;
		}

		public Line application(String application) {
			this.application = application;
			return this;
		}

		public Line paths(String... paths) {
			this.paths = Arrays.asList(paths);
			return this;
		}

		public Line fingerprint(String fingerprint) {
			this.fingerprint = fingerprint;
			return this;
		}

		public Line tags(String... tags) {
			this.tags = Arrays.asList(tags);
			return this;
		}

		public Line supersedes(String id) {
			this.supersedesId = id;
			return this;
		}

		/**
		 * Makes this row the {@code withdrawn} row that takes row {@code id} out.
		 * @param id the withdrawn row
		 * @return this row
		 */
		public Line withdraws(String id) {
			this.status = "withdrawn";
			this.learning = "Withdrawn " + id + ": no longer true";
			this.supersedesId = id;
			return this;
		}

		public String id() {
			return this.id;
		}

		/**
		 * The row as one line of JSON.
		 * @return the line, without its newline
		 */
		public String json() {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", this.id);
			if (this.capturedAt != null) {
				row.put("captured_at", this.capturedAt);
			}
			row.put("status", this.status);
			row.put("learning", this.learning);
			row.put("evidence", new ArrayList<>(this.evidence));
			row.put("application", this.application);
			if (this.paths != null) {
				row.put("context", Map.of("paths", this.paths));
			}
			if (this.fingerprint != null) {
				row.put("fingerprint", this.fingerprint);
			}
			if (this.tags != null) {
				row.put("tags", this.tags);
			}
			if (this.supersedesId != null) {
				row.put("supersedes_id", this.supersedesId);
			}
			return MAPPER.writeValueAsString(row);
		}

	}

}

package io.teamlearnings.admissions.notes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.lang.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * A note file as read back, whoever wrote it.
 * <p>
 * A file is a note when its whole content is one JSON object with string {@code id},
 * {@code captured_at}, {@code extension}, {@code kind}, {@code operation},
 * {@code summary} and {@code fingerprint}: what the {@code memory-note} tool's
 * {@code list}, {@code show} and duplicate check accept ({@code parseNoteSummary} in
 * {@code memory_note.zig}). The service's notes from before it wrote the tool's format
 * are read too: a file named {@code <note id>.md} holding Markdown with the same object
 * in a fenced {@code json} block. The tool does not read those.
 *
 * @param file the file
 * @param format how the note is written
 * @param envelope the note object, keys in file order
 * @param text the file's content
 */
public record SourceNote(Path file, Format format, Map<String, Object> envelope, String text) {

	private static final List<String> REQUIRED = List.of("id", "captured_at", "extension", "kind", "operation",
			"summary", "fingerprint");

	private static final String FENCE = "```";

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	/** How a note file is written. */
	public enum Format {

		/**
		 * One line of JSON, as the {@code memory-note} tool writes notes (and the service
		 * does now).
		 */
		JSON_LINE("json-line"),

		/**
		 * The service's earlier notes: {@code <note id>.md}, a Markdown page around the
		 * note's JSON in a fenced block.
		 */
		FENCED_MARKDOWN("fenced-markdown");

		private final String label;

		Format(String label) {
			this.label = label;
		}

		/**
		 * @return the name the API shows
		 */
		public String label() {
			return this.label;
		}

	}

	/**
	 * Reads {@code content} as a note.
	 * @param file the file it came from
	 * @param content the file's bytes
	 * @return the note, or empty if the file is not one
	 */
	public static Optional<SourceNote> parse(Path file, byte[] content) {
		String text = new String(content, StandardCharsets.UTF_8);
		Optional<Map<String, Object>> line = object(content);
		if (line.isPresent()) {
			return Optional.of(new SourceNote(file, Format.JSON_LINE, line.get(), text));
		}
		String name = file.getFileName().toString();
		if (!name.endsWith(".md") || !NoteDraft.NOTE_ID.matcher(name.substring(0, name.length() - 3)).matches()) {
			return Optional.empty();
		}
		int start = text.indexOf(FENCE + "json\n");
		int from = start + FENCE.length() + 5;
		int end = (start < 0) ? -1 : text.indexOf("\n" + FENCE, from);
		if (end < 0) {
			return Optional.empty();
		}
		return object(text.substring(from, end).getBytes(StandardCharsets.UTF_8))
			.map((envelope) -> new SourceNote(file, Format.FENCED_MARKDOWN, envelope, text));
	}

	private static Optional<Map<String, Object>> object(byte[] json) {
		JsonNode tree;
		try {
			tree = NoteInput.STRICT.readTree(json);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
		if (tree == null || !tree.isObject()
				|| !REQUIRED.stream().allMatch((field) -> tree.has(field) && tree.get(field).isString())) {
			return Optional.empty();
		}
		return Optional.of(NoteInput.STRICT.convertValue(tree, MAP));
	}

	/**
	 * @return the note id
	 */
	public String id() {
		return (String) this.envelope.get("id");
	}

	/**
	 * @return the note kind
	 */
	public String kind() {
		return (String) this.envelope.get("kind");
	}

	/**
	 * @return the fingerprint
	 */
	public String fingerprint() {
		return (String) this.envelope.get("fingerprint");
	}

	/**
	 * @return when it was captured, as written
	 */
	public String capturedAt() {
		return (String) this.envelope.get("captured_at");
	}

	/**
	 * @return its summary
	 */
	public String summary() {
		return (String) this.envelope.get("summary");
	}

	/**
	 * @return the note it follows, when {@code supersedes_id} is a string
	 */
	@Nullable
	public String supersedesId() {
		return (this.envelope.get("supersedes_id") instanceof String id) ? id : null;
	}

	/**
	 * @return the learning it is about: {@code payload.learning_id}, when a string
	 */
	@Nullable
	public String learningId() {
		return payloadString("learning_id");
	}

	/**
	 * @return the canonical file it names: {@code payload.source_path}, when a string
	 */
	@Nullable
	public String sourcePath() {
		return payloadString("source_path");
	}

	@Nullable
	private String payloadString(String field) {
		return (this.envelope.get("payload") instanceof Map<?, ?> payload && payload.get(field) instanceof String text)
				? text : null;
	}

	/**
	 * The note as Markdown: the file itself for a fenced note; for a JSON note, a title,
	 * the note's JSON line in a fenced block, and its payload as a list.
	 * @return the Markdown
	 */
	public String markdown() {
		if (this.format == Format.FENCED_MARKDOWN) {
			return this.text;
		}
		StringBuilder md = new StringBuilder();
		md.append("# ").append(kind()).append(": ").append(summary()).append("\n\n");
		md.append("Memory-source note `")
			.append(id())
			.append("`, captured ")
			.append(capturedAt())
			.append(". Immutable: a later event gets a note of its own.\n\n");
		md.append(FENCE).append("json\n").append(this.text.strip()).append('\n').append(FENCE).append("\n");
		if (this.envelope.get("payload") instanceof Map<?, ?> payload) {
			md.append("\n## Payload\n\n");
			payload.forEach((key, value) -> {
				md.append("- **").append(key).append("**:");
				if (value instanceof List<?> list) {
					md.append('\n');
					list.forEach((item) -> md.append("  - ").append(item).append('\n'));
				}
				else {
					md.append(' ').append(value).append('\n');
				}
			});
		}
		return md.toString();
	}

}

package io.teamlearnings.admissions.notes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import io.teamlearnings.system.Sha256;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A note ready to be written, made as the {@code memory-note} tool makes it
 * ({@code memory_note.zig}: {@code fingerprintInputAlloc}, {@code noteIdAlloc},
 * {@code slugAlloc}, {@code filenameAlloc}, {@code renderEnvelopeAlloc}).
 * <ul>
 * <li>fingerprint: lower-case hex SHA-256 of {@code learnings\n<kind>\n<input bytes>};
 * <li>id: {@code MSN-<YYYYMMDD>T<HHMMSS>Z-<first 16 of the fingerprint>}, UTC, whole
 * seconds; {@code captured_at} {@code YYYY-MM-DDTHH:MM:SSZ};
 * <li>file name: {@code YYYY-MM-DDTHH-MM-SS-<kind>-<slug>-<first 16>.md};
 * <li>content: one line of compact JSON and {@code \n}: {@code schema}, {@code id},
 * {@code captured_at}, {@code extension}, {@code kind}, then the input's
 * {@code operation}, {@code authority}, {@code summary}, {@code scope},
 * {@code source_refs}, {@code related_ids} (or {@code []}), {@code supersedes_id} (or
 * {@code null}), the {@code fingerprint}, and the input's {@code payload}.
 * </ul>
 *
 * @param id the note id
 * @param kind the note kind
 * @param fingerprint 64 lower-case hex characters
 * @param capturedAt when it was made, {@code YYYY-MM-DDTHH:MM:SSZ}
 * @param fileName its file name in the notes directory
 * @param line the file's content: one line of JSON and {@code \n}
 * @param envelope the note as a JSON object (the line, parsed)
 */
public record NoteDraft(String id, String kind, String fingerprint, String capturedAt, String fileName, String line,
		ObjectNode envelope) {

	/** The {@code memory-note} extension of every note this service writes. */
	public static final String EXTENSION = "learnings";

	/** The note schema. */
	public static final String SCHEMA = "memory-source-note/v1";

	/** A learning admitted to memory. */
	public static final String ADMISSION = "learning-admission";

	/** An admitted learning confirmed. */
	public static final String CONFIRMATION = "learning-confirmation";

	/** An admitted learning superseded by another. */
	public static final String SUPERSESSION = "learning-supersession";

	/** An admitted learning withdrawn. */
	public static final String WITHDRAWAL = "learning-withdrawal";

	/** The tool's kinds for the {@code learnings} extension. */
	public static final List<String> KINDS = List.of(ADMISSION, CONFIRMATION, SUPERSESSION, WITHDRAWAL);

	/** A note id as the tool makes them. */
	public static final Pattern NOTE_ID = Pattern.compile("^MSN-\\d{8}T\\d{6}Z-[a-f0-9]{16}$");

	/** The tool's {@code MaxNoteBytes}. */
	public static final int MAX_BYTES = 1024 * 1024;

	private static final int MAX_SLUG = 80;

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter CAPTURED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * The note the tool would write for {@code input} at {@code now}.
	 * @param kind one of {@link #KINDS}
	 * @param input the input, checked as the tool checks it
	 * @param now the time; only whole seconds count
	 * @return the draft
	 * @throws NoteInputException if the tool would refuse the input, or the note would be
	 * over 1 MiB
	 * @throws IllegalArgumentException if {@code kind} is not a learnings kind
	 */
	public static NoteDraft of(String kind, NoteInput input, Instant now) {
		if (!KINDS.contains(kind)) {
			throw new IllegalArgumentException("not a learnings note kind: " + kind);
		}
		input.check(kind);
		String fingerprint = fingerprint(kind, input.raw());
		String fp16 = fingerprint.substring(0, 16);
		Instant second = now.truncatedTo(ChronoUnit.SECONDS);
		String id = "MSN-" + ID_TIME.format(second) + "-" + fp16;
		String capturedAt = CAPTURED.format(second);
		String fileName = FILE_TIME.format(second) + "-" + kind + "-" + slug(input.parsed()) + "-" + fp16 + ".md";
		ObjectNode envelope = envelope(id, capturedAt, kind, fingerprint, input.parsed());
		String line;
		try {
			line = new String(ToolJson.bytes(envelope), StandardCharsets.UTF_8) + "\n";
		}
		catch (IllegalArgumentException ex) {
			throw NoteInputException.of("", "cannot be written as UTF-8: " + ex.getMessage());
		}
		if (line.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw NoteInputException.of("",
					"makes a note over the memory-note tool's limit of " + MAX_BYTES + " bytes (1 MiB)");
		}
		return new NoteDraft(id, kind, fingerprint, capturedAt, fileName, line, envelope);
	}

	/**
	 * @param kind the note kind
	 * @param input the input bytes, exactly as received or built
	 * @return lower-case hex SHA-256 of {@code learnings\n<kind>\n<input>}
	 */
	public static String fingerprint(String kind, byte[] input) {
		MessageDigest sha = Sha256.digest();
		sha.update((EXTENSION + "\n" + kind + "\n").getBytes(StandardCharsets.UTF_8));
		sha.update(input);
		return HexFormat.of().formatHex(sha.digest());
	}

	/**
	 * The file-name slug: from a string {@code slug}, else a string {@code summary}:
	 * ASCII letters and digits lower-cased, every other run of bytes one {@code -} (none
	 * first), cut at 80 characters, trailing {@code -} dropped; {@code note} if nothing
	 * is left.
	 */
	static String slug(JsonNode input) {
		JsonNode source = input.get("slug");
		if (source == null || !source.isString()) {
			source = input.get("summary");
		}
		if (source == null || !source.isString()) {
			return "note";
		}
		StringBuilder slug = new StringBuilder();
		boolean lastDash = true;
		for (byte b : source.stringValue().getBytes(StandardCharsets.UTF_8)) {
			if (slug.length() >= MAX_SLUG) {
				break;
			}
			char c = (char) (b & 0xFF);
			char lower = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
			if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
				slug.append(lower);
				lastDash = false;
			}
			else if (!lastDash && !slug.isEmpty()) {
				slug.append('-');
				lastDash = true;
			}
		}
		while (!slug.isEmpty() && slug.charAt(slug.length() - 1) == '-') {
			slug.setLength(slug.length() - 1);
		}
		return slug.isEmpty() ? "note" : slug.toString();
	}

	private static ObjectNode envelope(String id, String capturedAt, String kind, String fingerprint,
			ObjectNode input) {
		ObjectNode envelope = JsonNodeFactory.instance.objectNode();
		envelope.put("schema", SCHEMA);
		envelope.put("id", id);
		envelope.put("captured_at", capturedAt);
		envelope.put("extension", EXTENSION);
		envelope.put("kind", kind);
		for (String field : List.of("operation", "authority", "summary", "scope", "source_refs")) {
			envelope.set(field, input.get(field).deepCopy());
		}
		envelope.set("related_ids",
				input.has("related_ids") ? input.get("related_ids").deepCopy() : envelope.arrayNode());
		envelope.set("supersedes_id",
				input.has("supersedes_id") ? input.get("supersedes_id").deepCopy() : envelope.nullNode());
		envelope.put("fingerprint", fingerprint);
		envelope.set("payload", input.get("payload").deepCopy());
		return envelope;
	}

}

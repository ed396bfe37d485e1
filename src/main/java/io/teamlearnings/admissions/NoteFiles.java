package io.teamlearnings.admissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.teamlearnings.system.Sha256;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Memory-source notes on disk, in the {@code memory-source-note/v1} contract: one
 * immutable Markdown file per event, {@code <notes>/<id>.md}, holding the envelope as
 * compact JSON in a fenced block, then a readable body. Files are created atomically
 * (written to a temporary file, forced, then hard-linked into place, which fails if the
 * name exists) and never edited or deleted.
 */
@Component
class NoteFiles {

	/**
	 * A note id: {@code MSN-} UTC time {@code -} 16 hex characters of the fingerprint.
	 */
	static final Pattern NOTE_ID = Pattern.compile("^MSN-\\d{8}T\\d{6}Z-[a-f0-9]{16}$");

	static final String SCHEMA = "memory-source-note/v1";

	static final String EXTENSION = "learnings";

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private static final String FENCE = "```";

	private final Path directory;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final JsonMapper canonical = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	NoteFiles(MemoryProperties memory) {
		this.directory = memory.notes();
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * The parts of an event a note is made of, before it has an id, a time and a
	 * fingerprint.
	 */
	record Event(String kind, String operation, String authority, String summary, Map<String, Object> scope,
			List<Map<String, Object>> sourceRefs, List<String> relatedIds, String supersedesId,
			Map<String, Object> payload) {
	}

	/** A note ready to be written: its id, envelope and file content. */
	record Draft(String id, String fingerprint, String capturedAt, Map<String, Object> envelope, String content) {
	}

	/**
	 * The note for {@code event} at {@code now}. The fingerprint is the SHA-256 of the
	 * canonical (compact, key-ordered) JSON of the envelope without id, time and
	 * fingerprint, so the same event has the same fingerprint whenever it is written.
	 */
	Draft draft(Event event, Instant now) {
		Map<String, Object> unstamped = envelope(event, null, null, null);
		String fingerprint = Sha256.hex(this.canonical.writeValueAsString(unstamped));
		Instant second = now.truncatedTo(ChronoUnit.SECONDS);
		String id = "MSN-" + ID_TIME.format(second) + "-" + fingerprint.substring(0, 16);
		Map<String, Object> envelope = envelope(event, id, second.toString(), fingerprint);
		return new Draft(id, fingerprint, second.toString(), envelope, render(envelope));
	}

	/**
	 * The envelope in the contract's field order; without the stamps when they are null.
	 */
	private static Map<String, Object> envelope(Event event, @Nullable String id, @Nullable String capturedAt,
			@Nullable String fingerprint) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("schema", SCHEMA);
		putIfStamped(envelope, "id", id);
		putIfStamped(envelope, "captured_at", capturedAt);
		envelope.put("extension", EXTENSION);
		envelope.put("kind", event.kind());
		envelope.put("operation", event.operation());
		envelope.put("authority", event.authority());
		envelope.put("summary", event.summary());
		envelope.put("scope", event.scope());
		envelope.put("source_refs", event.sourceRefs());
		envelope.put("related_ids", event.relatedIds());
		envelope.put("supersedes_id", event.supersedesId());
		putIfStamped(envelope, "fingerprint", fingerprint);
		envelope.put("payload", event.payload());
		return envelope;
	}

	private static void putIfStamped(Map<String, Object> envelope, String key, @Nullable String value) {
		if (value != null) {
			envelope.put(key, value);
		}
	}

	private String render(Map<String, Object> envelope) {
		StringBuilder md = new StringBuilder();
		md.append("# ").append(envelope.get("kind")).append(": ").append(envelope.get("summary")).append("\n\n");
		md.append("Memory-source note `")
			.append(envelope.get("id"))
			.append("`, captured ")
			.append(envelope.get("captured_at"))
			.append(". Immutable: a later event gets a note of its own.\n\n");
		md.append(FENCE)
			.append("json\n")
			.append(this.mapper.writeValueAsString(envelope))
			.append('\n')
			.append(FENCE)
			.append("\n");
		if (envelope.get("payload") instanceof Map<?, ?> payload) {
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

	/**
	 * Creates the note's file if no file of that name exists.
	 * @return false if the file existed (nothing was written)
	 */
	boolean create(Draft draft) {
		try {
			Files.createDirectories(this.directory);
			Path target = file(draft.id());
			if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
				return false;
			}
			Path temporary = this.directory.resolve("." + draft.id() + "." + UUID.randomUUID() + ".tmp");
			try {
				Files.writeString(temporary, draft.content(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
						StandardOpenOption.WRITE, StandardOpenOption.SYNC);
				Files.createLink(target, temporary);
				return true;
			}
			catch (FileAlreadyExistsException ex) {
				return false;
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write note " + draft.id() + " under " + this.directory, ex);
		}
	}

	Path file(String id) {
		return this.directory.resolve(id + ".md");
	}

	/**
	 * Ids of the note files in the directory (regular files named by a note id; links
	 * skipped).
	 */
	List<String> ids() {
		List<String> ids = new ArrayList<>();
		if (!Files.isDirectory(this.directory)) {
			return ids;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, "MSN-*.md")) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				String id = name.substring(0, name.length() - 3);
				if (NOTE_ID.matcher(id).matches() && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
					ids.add(id);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not list " + this.directory, ex);
		}
		return ids;
	}

	/** The raw Markdown of a note, if its file exists. */
	Optional<String> read(String id) {
		Path file = file(id);
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read " + file, ex);
		}
	}

	/**
	 * The envelope of a note's Markdown: the first fenced JSON block; empty if there is
	 * none.
	 */
	Optional<Map<String, Object>> envelope(String markdown) {
		int start = markdown.indexOf(FENCE + "json\n");
		if (start < 0) {
			return Optional.empty();
		}
		int from = start + FENCE.length() + 5;
		int end = markdown.indexOf("\n" + FENCE, from);
		if (end < 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.mapper.readValue(markdown.substring(from, end), MAP));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}

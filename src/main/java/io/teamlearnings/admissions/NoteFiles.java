package io.teamlearnings.admissions;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.teamlearnings.admissions.notes.NoteDirectory;
import io.teamlearnings.admissions.notes.NoteDraft;
import io.teamlearnings.admissions.notes.NoteInput;
import io.teamlearnings.admissions.notes.NoteLock;
import io.teamlearnings.admissions.notes.SourceNote;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The notes directory and the {@code memory-note} tool's lock as configured
 * ({@code learnings.memory}): notes are made, written and read here in the tool's format
 * (see {@code io.teamlearnings.admissions.notes}).
 */
@Component
class NoteFiles {

	private final NoteDirectory directory;

	private final NoteLock lock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	NoteFiles(MemoryProperties memory) {
		this.directory = new NoteDirectory(memory.notes(), memory.noteScratch());
		this.lock = new NoteLock(memory.noteLock(), memory.lockWait());
	}

	Path directory() {
		return this.directory.path();
	}

	/**
	 * The parts of an event the service makes a note of: what it would pipe to the
	 * {@code memory-note} tool, field by field, in the skill's order.
	 */
	record Event(String kind, String operation, String authority, String summary, Map<String, Object> scope,
			List<Map<String, Object>> sourceRefs, List<String> relatedIds, @Nullable String supersedesId,
			Map<String, Object> payload) {
	}

	/**
	 * The input for {@code event}, built once: its bytes are what the note's fingerprint
	 * is over.
	 */
	NoteInput input(Event event) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("operation", event.operation());
		input.put("authority", event.authority());
		input.put("summary", event.summary());
		input.put("scope", event.scope());
		input.put("source_refs", event.sourceRefs());
		input.put("related_ids", event.relatedIds());
		input.put("supersedes_id", event.supersedesId());
		input.put("payload", event.payload());
		ObjectNode tree = this.mapper.valueToTree(input);
		return NoteInput.of(tree);
	}

	/** The note the tool would write for {@code input} at {@code now}. */
	NoteDraft draft(String kind, NoteInput input, Instant now) {
		return NoteDraft.of(kind, input, now);
	}

	/** The note's envelope as the API shows it, keys in file order. */
	Map<String, Object> envelope(NoteDraft draft) {
		return this.mapper.convertValue(draft.envelope(), MemoryNote.ENVELOPE);
	}

	/**
	 * Runs {@code work} (the duplicate check and the write) holding the tool's lock.
	 * @throws io.teamlearnings.admissions.notes.NoteLockBusyException if the lock stays
	 * held for longer than {@code learnings.memory.lock-wait}
	 */
	<T> T locked(Supplier<T> work) {
		return this.lock.holding(work);
	}

	Path lockFile() {
		return this.lock.file();
	}

	/** Creates the note's file; false if a file of that name existed. */
	boolean create(NoteDraft draft) {
		return this.directory.create(draft);
	}

	Path file(NoteDraft draft) {
		return this.directory.file(draft);
	}

	List<Path> files() {
		return this.directory.files();
	}

	Optional<SourceNote> read(Path file) {
		return this.directory.read(file);
	}

}

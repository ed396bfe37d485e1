package io.teamlearnings.admissions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.teamlearnings.admissions.notes.NoteDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class NoteFilesTests {

	@TempDir
	Path root;

	private NoteFiles files() {
		return new NoteFiles(new MemoryProperties(this.root.resolve("memories")));
	}

	private static NoteFiles.Event event(String summary) {
		return new NoteFiles.Event(MemoryNote.ADMISSION, "assert", "learnings-cli", summary,
				Map.of("kind", "repo", "repo", "acme/app", "paths", List.of("src")),
				List.of(Map.of("kind", "learning", "ref", ".learnings.jsonl#lrn-1", "summary", "row")), List.of(), null,
				Map.of("learning_id", "lrn-1", "learning_status", "codify_now", "repo", "acme/app", "source_path",
						"/r/.learnings.jsonl", "decision_delta", "d", "evidence_snapshot", List.of("a -> b"),
						"future_behavior", "f", "verification", "v"));
	}

	private static NoteDraft draft(NoteFiles files, String summary, Instant at) {
		return files.draft(MemoryNote.ADMISSION, files.input(event(summary)), at);
	}

	@Test
	void namesNotesByTimeAndFingerprintAndFingerprintsTheEventNotTheTime() {
		NoteFiles files = files();
		NoteDraft first = draft(files, "Admit lrn-1.", Instant.parse("2026-05-28T17:07:24.900Z"));
		NoteDraft later = draft(files, "Admit lrn-1.", Instant.parse("2026-06-01T00:00:00Z"));
		NoteDraft other = draft(files, "Admit lrn-2.", Instant.parse("2026-05-28T17:07:24Z"));

		assertThat(first.id()).matches(NoteDraft.NOTE_ID).startsWith("MSN-20260528T170724Z-");
		assertThat(first.fingerprint()).hasSize(64).isEqualTo(later.fingerprint()).isNotEqualTo(other.fingerprint());
		assertThat(first.id()).endsWith(first.fingerprint().substring(0, 16));
		assertThat(first.fileName()).isEqualTo(
				"2026-05-28T17-07-24-learning-admission-admit-lrn-1-" + first.fingerprint().substring(0, 16) + ".md");
		assertThat(files.envelope(first).keySet()).containsExactly("schema", "id", "captured_at", "extension", "kind",
				"operation", "authority", "summary", "scope", "source_refs", "related_ids", "supersedes_id",
				"fingerprint", "payload");
		assertThat(files.envelope(first).get("captured_at")).isEqualTo("2026-05-28T17:07:24Z");
	}

	@Test
	void fingerprintsTheInputItWouldPipeToTheTool() {
		NoteFiles files = files();
		byte[] input = files.input(event("Admit lrn-1.")).bytes();

		assertThat(new String(input, java.nio.charset.StandardCharsets.UTF_8))
			.startsWith("{\"operation\":\"assert\",\"authority\":\"learnings-cli\",\"summary\":\"Admit lrn-1.\","
					+ "\"scope\":{")
			.contains(",\"related_ids\":[],\"supersedes_id\":null,\"payload\":{");
		assertThat(draft(files, "Admit lrn-1.", Instant.EPOCH).fingerprint())
			.isEqualTo(NoteDraft.fingerprint(MemoryNote.ADMISSION, input));
	}

	@Test
	void createsANoteOnceAndNeverReplacesAFile() throws IOException {
		NoteFiles files = files();
		NoteDraft draft = draft(files, "Admit lrn-1.", Instant.parse("2026-05-28T17:07:24Z"));

		assertThat(files.create(draft)).isTrue();
		Path file = files.file(draft);
		assertThat(Files.readString(file)).isEqualTo(draft.line());
		assertThat(files.read(file).orElseThrow().envelope()).isEqualTo(files.envelope(draft));

		Files.writeString(file, "someone else's bytes");
		assertThat(files.create(draft)).isFalse();
		assertThat(Files.readString(file)).isEqualTo("someone else's bytes");
		try (var listing = Files.list(files.directory())) {
			assertThat(listing.map((path) -> path.getFileName().toString())).containsExactly(draft.fileName());
		}
	}

	/**
	 * Any regular file may be a note, whatever its name (the tool reads them all); links
	 * are not followed.
	 */
	@Test
	void listsRegularFilesAndReadsOnlyNotesAsNotes() throws IOException {
		NoteFiles files = files();
		NoteDraft draft = draft(files, "Admit lrn-1.", Instant.parse("2026-05-28T17:07:24Z"));
		files.create(draft);
		Files.writeString(files.directory().resolve("notes.md"), "not a note");
		Files.createSymbolicLink(files.directory().resolve("MSN-20260101T000000Z-0000000000000000.md"),
				files.file(draft));

		assertThat(files.files()).containsExactly(files.file(draft), files.directory().resolve("notes.md"));
		assertThat(files.read(files.directory().resolve("notes.md"))).isEmpty();
		assertThat(files.lockFile()).isEqualTo(this.root.resolve(".memory-note/locks/learnings.lock"));
	}

}

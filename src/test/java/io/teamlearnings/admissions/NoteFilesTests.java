package io.teamlearnings.admissions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class NoteFilesTests {

	@TempDir
	Path root;

	private NoteFiles files() {
		return new NoteFiles(new MemoryProperties(this.root));
	}

	private static NoteFiles.Event event(String summary) {
		return new NoteFiles.Event(MemoryNote.ADMISSION, "assert", "learnings-cli", summary,
				Map.of("kind", "repo", "repo", "acme/app", "paths", List.of("src")),
				List.of(Map.of("kind", "learning", "ref", ".learnings.jsonl#lrn-1", "summary", "row")), List.of(), null,
				Map.of("learning_id", "lrn-1", "evidence_snapshot", List.of("a -> b")));
	}

	@Test
	void namesNotesByTimeAndFingerprintAndFingerprintsTheEventNotTheTime() {
		NoteFiles files = files();
		NoteFiles.Draft first = files.draft(event("Admit lrn-1."), Instant.parse("2026-05-28T17:07:24.900Z"));
		NoteFiles.Draft later = files.draft(event("Admit lrn-1."), Instant.parse("2026-06-01T00:00:00Z"));
		NoteFiles.Draft other = files.draft(event("Admit lrn-2."), Instant.parse("2026-05-28T17:07:24Z"));

		assertThat(first.id()).matches(NoteFiles.NOTE_ID).startsWith("MSN-20260528T170724Z-");
		assertThat(first.fingerprint()).hasSize(64).isEqualTo(later.fingerprint()).isNotEqualTo(other.fingerprint());
		assertThat(first.id()).endsWith(first.fingerprint().substring(0, 16));
		assertThat(first.envelope().keySet()).containsExactly("schema", "id", "captured_at", "extension", "kind",
				"operation", "authority", "summary", "scope", "source_refs", "related_ids", "supersedes_id",
				"fingerprint", "payload");
		assertThat(first.envelope().get("captured_at")).isEqualTo("2026-05-28T17:07:24Z");
	}

	@Test
	void createsANoteOnceAndNeverReplacesAFile() throws IOException {
		NoteFiles files = files();
		NoteFiles.Draft draft = files.draft(event("Admit lrn-1."), Instant.parse("2026-05-28T17:07:24Z"));

		assertThat(files.create(draft)).isTrue();
		Path file = files.file(draft.id());
		assertThat(Files.readString(file)).isEqualTo(draft.content());
		assertThat(files.envelope(Files.readString(file))).contains(draft.envelope());

		Files.writeString(file, "someone else's bytes");
		assertThat(files.create(draft)).isFalse();
		assertThat(Files.readString(file)).isEqualTo("someone else's bytes");
		try (var listing = Files.list(files.directory())) {
			assertThat(listing.map((path) -> path.getFileName().toString())).containsExactly(draft.id() + ".md");
		}
	}

	@Test
	void listsOnlyRegularFilesNamedByANoteId() throws IOException {
		NoteFiles files = files();
		NoteFiles.Draft draft = files.draft(event("Admit lrn-1."), Instant.parse("2026-05-28T17:07:24Z"));
		files.create(draft);
		Files.writeString(files.directory().resolve("notes.md"), "not a note");
		Files.createSymbolicLink(files.directory().resolve("MSN-20260101T000000Z-0000000000000000.md"),
				files.file(draft.id()));

		assertThat(files.ids()).containsExactly(draft.id());
	}

}

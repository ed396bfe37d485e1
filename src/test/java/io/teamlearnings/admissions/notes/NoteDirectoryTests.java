package io.teamlearnings.admissions.notes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notes directory: notes created once and never replaced, and every file read as the
 * tool reads it, whoever wrote it.
 */
class NoteDirectoryTests {

	@TempDir
	Path home;

	private NoteDirectory directory() {
		return new NoteDirectory(this.home.resolve("memories/extensions/learnings/notes"),
				this.home.resolve(".memory-note/tmp"));
	}

	private static NoteDraft draft() {
		return NoteDraft.of(NoteDraft.ADMISSION,
				NoteInput.received(NoteDraftTests.VECTOR.getBytes(StandardCharsets.UTF_8)), NoteDraftTests.AT);
	}

	@Test
	void createsANoteOnceOwnerOnlyAndNeverReplacesAFile() throws IOException {
		NoteDirectory notes = directory();
		NoteDraft draft = draft();

		assertThat(notes.create(draft)).isTrue();
		Path file = notes.file(draft);
		assertThat(file.getFileName().toString()).isEqualTo(draft.fileName());
		assertThat(Files.readString(file)).isEqualTo(draft.line());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (var scratch = Files.list(this.home.resolve(".memory-note/tmp"))) {
			assertThat(scratch).isEmpty();
		}

		Files.writeString(file, "someone else's bytes");
		assertThat(notes.create(draft)).isFalse();
		assertThat(Files.readString(file)).isEqualTo("someone else's bytes");
		assertThat(notes.files()).containsExactly(file);
	}

	@Test
	void readsEveryFileThatIsOneNoteObjectWhoeverNamedIt() throws IOException {
		NoteDirectory notes = directory();
		notes.create(draft());
		Path dir = notes.path();
		String line = draft().line();
		Files.writeString(dir.resolve("copied-by-hand.json"), "  " + line.strip() + "  \n");
		Files.writeString(dir.resolve("README.md"), "# not a note\n");
		Files.writeString(dir.resolve("no-fingerprint.md"), line.replaceFirst(",\"fingerprint\":\"[0-9a-f]+\"", ""));
		Files.writeString(dir.resolve("two-objects.md"), line + line);
		Files.createDirectory(dir.resolve("sub"));
		Files.createSymbolicLink(dir.resolve("link.md"), notes.file(draft()));
		Files.write(dir.resolve("huge.md"), new byte[NoteDraft.MAX_BYTES + 1]);

		List<String> notesRead = notes.files()
			.stream()
			.filter((file) -> notes.read(file).isPresent())
			.map((file) -> file.getFileName().toString())
			.toList();

		assertThat(notesRead).containsExactly(draft().fileName(), "copied-by-hand.json");
		SourceNote note = notes.read(dir.resolve("copied-by-hand.json")).orElseThrow();
		assertThat(note.format()).isEqualTo(SourceNote.Format.JSON_LINE);
		assertThat(note.id()).isEqualTo("MSN-20260620T183000Z-da5f7099273cd526");
		assertThat(note.learningId()).isEqualTo("lrn-x");
		assertThat(note.sourcePath()).isEqualTo(".learnings.jsonl");
		assertThat(note.supersedesId()).isNull();
		assertThat(note.envelope().keySet()).containsExactly("schema", "id", "captured_at", "extension", "kind",
				"operation", "authority", "summary", "scope", "source_refs", "related_ids", "supersedes_id",
				"fingerprint", "payload");
	}

	@Test
	void readsTheServicesEarlierFencedNotesAndServesThemAsTheyAre() throws IOException {
		NoteDirectory notes = directory();
		Files.createDirectories(notes.path());
		String fenced = "# learning-admission: Admit lrn-1.\n\nMemory-source note `MSN-20260528T170724Z-0123456789abcdef`."
				+ "\n\n```json\n{\"schema\":\"memory-source-note/v1\",\"id\":\"MSN-20260528T170724Z-0123456789abcdef\","
				+ "\"captured_at\":\"2026-05-28T17:07:24Z\",\"extension\":\"learnings\",\"kind\":\"learning-admission\","
				+ "\"operation\":\"assert\",\"summary\":\"Admit lrn-1.\",\"fingerprint\":\"" + "0".repeat(64)
				+ "\",\"payload\":{\"learning_id\":\"lrn-1\"}}\n```\n\n## Payload\n";
		Files.writeString(notes.path().resolve("MSN-20260528T170724Z-0123456789abcdef.md"), fenced);
		Files.writeString(notes.path().resolve("renamed.md"), fenced);

		SourceNote note = notes.read(notes.path().resolve("MSN-20260528T170724Z-0123456789abcdef.md")).orElseThrow();

		assertThat(note.format()).isEqualTo(SourceNote.Format.FENCED_MARKDOWN);
		assertThat(note.learningId()).isEqualTo("lrn-1");
		assertThat(note.markdown()).isEqualTo(fenced);
		assertThat(notes.read(notes.path().resolve("renamed.md"))).isEmpty();
	}

	@Test
	void rendersAJsonNoteAsMarkdownAroundItsLine() {
		NoteDirectory notes = directory();
		NoteDraft draft = draft();
		notes.create(draft);

		String markdown = notes.read(notes.file(draft)).orElseThrow().markdown();

		assertThat(markdown).startsWith("# learning-admission: Admit lrn-20260620T183000Z-89ccd4c6 for Phase 2")
			.contains("```json\n" + draft.line() + "```\n", "- **learning_id**: lrn-x\n",
					"- **evidence_snapshot**:\n  - e\n");
	}

}

package io.teamlearnings.admissions;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.admissions.notes.NoteDraft;

import org.springframework.lang.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * A memory-source note as listed: where it is, what it is about, how it is written, and
 * its envelope.
 *
 * @param id the note id, {@code MSN-<UTC time>-<16 hex of the fingerprint>}
 * @param kind learning-admission, learning-confirmation, learning-supersession or
 * learning-withdrawal
 * @param repo the repository of the learning it is about, when known
 * @param learningId the learning it is about
 * @param supersedesNoteId the earlier note it follows, if any
 * @param fingerprint the note's fingerprint as written in it (for a note in the tool's
 * format: SHA-256 of {@code learnings\n<kind>\n<input bytes>})
 * @param capturedAt when it was written
 * @param summary its one-line summary
 * @param path the file
 * @param format {@code json-line} (the {@code memory-note} tool's format) or
 * {@code fenced-markdown} (the service's notes from before it wrote that format)
 * @param envelope the note's envelope as written
 */
@Schema(name = "MemoryNote")
record MemoryNote(String id, String kind, @Nullable String repo,
		@JsonProperty("learning_id") @Nullable String learningId,
		@JsonProperty("supersedes_note_id") @Nullable String supersedesNoteId, String fingerprint,
		@JsonProperty("captured_at") String capturedAt, String summary, String path, @Schema(allowableValues = {
				"json-line", "fenced-markdown" }) String format,
		@Nullable Map<String, Object> envelope){

	static final String ADMISSION = NoteDraft.ADMISSION;

	static final String CONFIRMATION = NoteDraft.CONFIRMATION;

	static final String SUPERSESSION = NoteDraft.SUPERSESSION;

	static final String WITHDRAWAL = NoteDraft.WITHDRAWAL;

	static final TypeReference<LinkedHashMap<String, Object>> ENVELOPE = new TypeReference<>() {
	};

	/** The note found to be about a learning of {@code repo}. */
	MemoryNote about(String repo) {
		return new MemoryNote(this.id, this.kind, repo, this.learningId, this.supersedesNoteId, this.fingerprint,
				this.capturedAt, this.summary, this.path, this.format, this.envelope);
	}

	MemoryNote withEnvelope(Map<String, Object> envelope) {
		return new MemoryNote(this.id, this.kind, this.repo, this.learningId, this.supersedesNoteId, this.fingerprint,
				this.capturedAt, this.summary, this.path, this.format, envelope);
	}

}

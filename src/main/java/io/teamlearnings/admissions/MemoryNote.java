package io.teamlearnings.admissions;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * A memory-source note as listed: where it is, what it is about, and its envelope.
 *
 * @param id the note id, {@code MSN-<UTC time>-<16 hex of the fingerprint>}
 * @param kind learning-admission, learning-confirmation, learning-supersession or
 * learning-withdrawal
 * @param repo the repository of the learning it is about, when known
 * @param learningId the learning it is about
 * @param supersedesNoteId the earlier note it follows, if any
 * @param fingerprint SHA-256 of its canonical envelope without id and time
 * @param capturedAt when it was written
 * @param summary its one-line summary
 * @param path the file
 * @param envelope the note's envelope as written
 */
@Schema(name = "MemoryNote")
record MemoryNote(String id, String kind, @Nullable String repo,
		@JsonProperty("learning_id") @Nullable String learningId,
		@JsonProperty("supersedes_note_id") @Nullable String supersedesNoteId, String fingerprint,
		@JsonProperty("captured_at") String capturedAt, String summary, String path,
		@Nullable Map<String, Object> envelope) {

	static final String ADMISSION = "learning-admission";

	static final String CONFIRMATION = "learning-confirmation";

	static final String SUPERSESSION = "learning-supersession";

	static final String WITHDRAWAL = "learning-withdrawal";

	MemoryNote withEnvelope(Map<String, Object> envelope) {
		return new MemoryNote(this.id, this.kind, this.repo, this.learningId, this.supersedesNoteId, this.fingerprint,
				this.capturedAt, this.summary, this.path, envelope);
	}

}

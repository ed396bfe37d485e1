package io.teamlearnings.admissions;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * The answer to an admission: what happened, the proof lines (canonical row first, then
 * the note), the gate's verdict, and the note's envelope.
 *
 * @param outcome {@code created}, {@code duplicate-skip}, {@code not-attempted},
 * {@code dry-run} or {@code failed}
 * @param proof the proof lines
 * @param noteId the note written, the existing one, or the one a dry run would write
 * @param path the note's file
 * @param gate the gate's verdict, check by check
 * @param note the note's envelope (the admission payload in the seed's shape)
 */
@Schema(name = "AdmissionResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
record AdmissionResult(@Schema(allowableValues = {
		"created", "duplicate-skip", "not-attempted", "dry-run", "failed" }) String outcome, List<String> proof,
		@JsonProperty("note_id") @Nullable String noteId, @Nullable String path, GateVerdict gate,
		@Nullable Map<String, Object> note){

	static final String CREATED = "created";

	String proofText() {
		return String.join("\n", this.proof) + "\n";
	}

}

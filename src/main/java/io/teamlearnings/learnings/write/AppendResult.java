package io.teamlearnings.learnings.write;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.learnings.index.LearningView;

import org.springframework.lang.Nullable;

/**
 * The answer to an append: what happened, the proof line a script can print, and the row
 * written or the one that made it a duplicate.
 *
 * @param outcome {@code appended} or {@code duplicate-skip}
 * @param proof the proof line, e.g. {@code appended: id=... status=... path=...}
 * @param id the new row's id, or the existing row's
 * @param path the canonical file
 * @param similarity for a near-duplicate, how similar the existing row is (0 to 1)
 * @param learning the row written, or the existing row
 * @param memoryNotes proof lines of memory notes written because of this row
 * @param warnings the strict quality gate's {@code quality-warning:} lines about the new
 * row, as the {@code learnings} tool prints them; absent when there are none
 */
@Schema(name = "AppendResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
record AppendResult(@Schema(allowableValues = {
		"appended", "duplicate-skip" }) String outcome,
		@Schema(example = "appended: id=lrn-20260528T170724Z-c468d2a9 status=do_more path=/work/repo/.learnings.jsonl") String proof,
		@Schema(example = "lrn-20260528T170724Z-c468d2a9") String id, String path, @Nullable Double similarity,
		LearningView learning, @JsonProperty("memory_notes") @Nullable List<String> memoryNotes,
		@ArraySchema(schema = @Schema(
				example = "quality-warning: status=review_later used; ensure this uncertainty is itself decision-shaping.")) @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings){

	static final String APPENDED = "appended";

	static final String DUPLICATE_SKIP = "duplicate-skip";

	AppendResult withMemoryNotes(List<String> proofs) {
		return proofs.isEmpty() ? this : new AppendResult(this.outcome, this.proof, this.id, this.path, this.similarity,
				this.learning, proofs, this.warnings);
	}

	AppendResult withWarnings(List<String> lines) {
		return new AppendResult(this.outcome, this.proof, this.id, this.path, this.similarity, this.learning,
				this.memoryNotes, List.copyOf(lines));
	}

	/**
	 * The lines for {@code text/plain}, one per line: the quality warnings first (the
	 * tool prints them before its proof line), then the canonical proof line, then the
	 * memory notes'.
	 */
	String proofText() {
		StringBuilder text = new StringBuilder();
		this.warnings.forEach((line) -> text.append(line).append('\n'));
		text.append(this.proof).append('\n');
		if (this.memoryNotes != null) {
			this.memoryNotes.forEach((line) -> text.append(line).append('\n'));
		}
		return text.toString();
	}

	boolean appended() {
		return APPENDED.equals(this.outcome);
	}

}

package io.teamlearnings.learnings.write;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * What an import did with each line.
 *
 * @param imported rows written
 * @param skipped rows skipped as duplicates
 * @param rejected lines rejected
 * @param written whether anything was written (an atomic import with a rejected line
 * writes nothing)
 * @param belowQualityGate lines whose row the strict quality gate would refuse as a new
 * append; imported all the same, since rows already in a store are never judged
 * @param lines each line's outcome
 */
@Schema(name = "ImportReport")
record ImportReport(int imported, int skipped, int rejected, boolean written,
		@JsonProperty("below_quality_gate") int belowQualityGate, List<Line> lines) {

	/** A report whose rows all pass the quality gate. */
	ImportReport(int imported, int skipped, int rejected, boolean written, List<Line> lines) {
		this(imported, skipped, rejected, written,
				(int) lines.stream().filter((line) -> !line.qualityErrors().isEmpty()).count(), lines);
	}

	/**
	 * One line's outcome.
	 *
	 * @param line its number in the body
	 * @param outcome {@code imported}, {@code skipped}, {@code rejected} or
	 * {@code not-written}
	 * @param id the row's id, if it has one
	 * @param reason why it was skipped or rejected
	 * @param qualityErrors the {@code quality-error:} lines the strict quality gate would
	 * print for this row as a new append (without the tool's hint line); absent when it
	 * passes
	 */
	@Schema(name = "ImportLine")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Line(long line, String outcome, @Nullable String id, @Nullable String reason,
			@JsonProperty("quality_errors") @ArraySchema(schema = @Schema(
					example = "quality-error: evidence contains placeholder text.")) @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> qualityErrors) {

		/** A line with nothing for the quality gate to say. */
		Line(long line, String outcome, @Nullable String id, @Nullable String reason) {
			this(line, outcome, id, reason, List.of());
		}

	}

}

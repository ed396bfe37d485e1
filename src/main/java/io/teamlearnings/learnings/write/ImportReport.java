package io.teamlearnings.learnings.write;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param lines each line's outcome
 */
@Schema(name = "ImportReport")
record ImportReport(int imported, int skipped, int rejected, boolean written, List<Line> lines) {

	/**
	 * One line's outcome.
	 *
	 * @param line its number in the body
	 * @param outcome {@code imported}, {@code skipped} or {@code rejected}
	 * @param id the row's id, if it has one
	 * @param reason why it was skipped or rejected
	 */
	@Schema(name = "ImportLine")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Line(long line, String outcome, @Nullable String id, @Nullable String reason) {
	}

}

package io.teamlearnings.sessions;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.sessions.runs.RunMemory;
import io.teamlearnings.sessions.runs.RunReport;
import io.teamlearnings.skills.SkillIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Runs")
class RunController {

	static final String MARKDOWN = "text/markdown";

	private final LessonSignals signals;

	private final RunMemory memory;

	private final SkillIds skillIds;

	RunController(LessonSignals signals, RunMemory memory, SkillIds skillIds) {
		this.signals = signals;
		this.memory = memory;
		this.skillIds = skillIds;
	}

	@GetMapping(path = "/sessions/signals", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listLessonSignals", summary = "Lesson signals",
			description = "The moments lessons come from in the sessions of the window: corrections, tool failures, "
					+ "repeated requests, follow-ups after a reported completion, scope corrections; ranked, each with "
					+ "its evidence and the existing learnings recall finds for it. README lists the rules.")
	@ApiResponse(responseCode = "200", description = "The signals, best first")
	SignalsResult signals(
			@Parameter(description = "Sessions active (or started, see lookback_by) within this many minutes; "
					+ "only moments inside the window are signals") @RequestParam(name = "lookback_minutes",
							defaultValue = "1440") @Min(1) int lookbackMinutes,
			@Parameter(description = "activity: sessions whose last activity is in the window, so a session "
					+ "resumed today into an old file is mined for today's turns; start: sessions started in it",
					schema = @Schema(allowableValues = { "activity", "start" },
							defaultValue = "activity")) @RequestParam(name = "lookback_by",
									required = false) @Nullable String lookbackBy,
			@Parameter(description = "Most signals, 1 to 500") @RequestParam(
					defaultValue = "50") @Min(1) @Max(500) int limit) {
		return this.signals.signals(new Lookback(lookbackMinutes, Lookback.By.parse(lookbackBy, Lookback.By.ACTIVITY)),
				limit);
	}

	@GetMapping(path = "/runs/memory", produces = { MARKDOWN, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "readRunMemory", summary = "Read the run memory",
			description = "The Markdown summary automation runs keep between runs.")
	@ApiResponse(responseCode = "200", description = "The summary (empty before the first write)",
			content = @Content(mediaType = MARKDOWN, schema = @Schema(type = "string")))
	ResponseEntity<String> readMemory() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(MARKDOWN + ";charset=UTF-8"))
			.body(this.memory.read());
	}

	@PutMapping(path = "/runs/memory", consumes = { MARKDOWN, MediaType.TEXT_PLAIN_VALUE })
	@Operation(operationId = "replaceRunMemory", summary = "Replace the run memory",
			description = "Replaces the summary whole, atomically.")
	@ApiResponse(responseCode = "204", description = "Replaced")
	@ApiResponse(responseCode = "413", description = "Over the request size limit")
	ResponseEntity<Void> replaceMemory(@RequestBody String markdown) {
		this.memory.replace(markdown);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/runs", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "recordRun", summary = "Record a run",
			description = "Records what a run did so the next run can build on it.")
	@ApiResponse(responseCode = "201", description = "Recorded, with its time")
	@ApiResponse(responseCode = "400", description = "A field is missing or invalid")
	ResponseEntity<RunReport> record(@Valid @RequestBody RunReport report) {
		if (report.skills() != null) {
			for (int i = 0; i < report.skills().size(); i++) {
				this.skillIds.require(report.skills().get(i).skill(), "skills[" + i + "].skill");
			}
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(this.memory.record(report));
	}

	@GetMapping(path = "/runs", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listRecentRuns", summary = "Recent runs",
			description = "The latest recorded runs, newest first.")
	@ApiResponse(responseCode = "200", description = "The runs")
	List<RunReport> recent(@Parameter(description = "How many, 1 to 100") @RequestParam(
			defaultValue = "10") @Min(1) @Max(100) int limit) {
		return this.memory.recent(limit);
	}

}

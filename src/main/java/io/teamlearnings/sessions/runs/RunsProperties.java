package io.teamlearnings.sessions.runs;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the automation runs' memory is kept ({@code learnings.sessions}; both default in
 * {@code application.yml} because they follow {@code learnings.data-dir}).
 *
 * @param runMemoryFile the runs' memory, a Markdown file
 * ({@code <learnings.data-dir>/run-memory.md})
 * @param runsFile the recorded run reports, one JSON object a line
 * ({@code <learnings.data-dir>/runs.jsonl})
 */
@Validated
@ConfigurationProperties("learnings.sessions")
record RunsProperties(@NotNull Path runMemoryFile, @NotNull Path runsFile) {

	Path runMemory() {
		return this.runMemoryFile.toAbsolutePath().normalize();
	}

	Path runs() {
		return this.runsFile.toAbsolutePath().normalize();
	}

}

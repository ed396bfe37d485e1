package io.teamlearnings.sessions.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The automation runs' memory: a short Markdown summary kept between runs (replaced
 * whole, atomically) and the log of run reports (one JSON object a line, forced to disk
 * when recorded).
 */
@Service
public class RunMemory {

	private final RunsProperties properties;

	private final Clock clock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	RunMemory(RunsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** The summary, empty when none was written yet. */
	public String read() {
		Path file = this.properties.runMemory();
		try {
			return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the run memory " + file, ex);
		}
	}

	/** Replaces the summary with {@code markdown}, atomically. */
	public void replace(String markdown) {
		Path file = this.properties.runMemory();
		try {
			Files.createDirectories(file.getParent());
			Path temporary = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
			Files.writeString(temporary, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE, StandardOpenOption.SYNC);
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the run memory " + file, ex);
		}
	}

	public RunReport record(RunReport report) {
		RunReport recorded = report.recorded(this.clock.instant());
		Path file = this.properties.runs();
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, this.mapper.writeValueAsString(recorded) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not record the run in " + file, ex);
		}
		return recorded;
	}

	/**
	 * The latest {@code limit} run reports, newest first; unreadable lines are skipped.
	 */
	public List<RunReport> recent(int limit) {
		Path file = this.properties.runs();
		List<RunReport> runs = new ArrayList<>();
		try {
			if (!Files.exists(file)) {
				return runs;
			}
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				try {
					runs.add(this.mapper.readValue(line, RunReport.class));
				}
				catch (JacksonException ex) {
					// a line written by hand or cut short is not a report; the rest still
					// are
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the runs in " + file, ex);
		}
		Collections.reverse(runs);
		return runs.subList(0, Math.min(limit, runs.size()));
	}

}

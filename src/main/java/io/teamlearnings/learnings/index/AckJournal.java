package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.teamlearnings.learnings.jsonl.JsonlScanner;
import io.teamlearnings.learnings.jsonl.LearningLog;
import io.teamlearnings.repos.Repo;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The durable journal of the rows this service acknowledged, one file per repository:
 * {@code <learnings.data-dir>/journal/<repo>.acks.jsonl}. Each line is a JSON object
 * {@code {"store": <canonical file>, "id": <row id>, "acknowledged_at": <ISO-8601
 * instant>, "line": <the row's exact line, without newline>}}, appended (one write,
 * {@code fdatasync}) in the group commit that wrote the rows, before any caller is
 * answered. The journal is append-only; a line that is not such an object (a torn last
 * line after a crash) is ignored when read.
 * <p>
 * It exists because the {@code learnings} command-line tool appends without a lock and
 * without {@code O_APPEND} (it takes the file size, seeks there and writes; see
 * {@code apps/learnings/scripts/append_learning.zig}): a row the service appended in
 * between is overwritten, and the index, which follows the file, forgets it. The journal
 * remembers it, so health can report it and {@code repair} can append it back.
 */
@Component
public class AckJournal {

	private final Path directory;

	private final Clock clock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	AckJournal(@Value("${learnings.data-dir}") Path dataDir, Clock clock) {
		this.directory = dataDir.resolve("journal");
		this.clock = clock;
	}

	/**
	 * A row the service acknowledged.
	 *
	 * @param id the row's id ({@code ""} if the line carries none)
	 * @param acknowledgedAt when it was acknowledged
	 * @param line the row's exact line, without newline
	 */
	record Entry(String id, Instant acknowledgedAt, String line) {

		byte[] bytes() {
			return this.line.getBytes(StandardCharsets.UTF_8);
		}

	}

	/**
	 * Records rows just written to a repository's file, and forces the journal to disk.
	 * Callers hold the repository's write locks and have forced the rows themselves.
	 * @param repo the repository written to
	 * @param lines the rows' lines, as written, without newline
	 * @throws IOException if the journal cannot be written
	 */
	public void record(Repo repo, List<String> lines) throws IOException {
		if (lines.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		String[] entries = new String[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			Map<String, String> entry = new LinkedHashMap<>();
			entry.put("store", repo.storeFile().toString());
			entry.put("id", idOf(lines.get(i)));
			entry.put("acknowledged_at", now.toString());
			entry.put("line", lines.get(i));
			entries[i] = this.mapper.writeValueAsString(entry);
		}
		Files.createDirectories(this.directory);
		LearningLog.append(fileOf(repo), entries);
	}

	/**
	 * The rows acknowledged for a repository's current file whose exact line is no longer
	 * in that file, in the order they were acknowledged, each once.
	 * @param repo the repository
	 * @return the lost rows; empty if none or no journal
	 * @throws IOException if the journal or the file cannot be read
	 */
	List<Entry> lost(Repo repo) throws IOException {
		Map<String, Entry> wanted = new LinkedHashMap<>();
		for (Entry entry : read(repo)) {
			wanted.putIfAbsent(entry.line(), entry);
		}
		if (wanted.isEmpty()) {
			return List.of();
		}
		if (Files.exists(repo.storeFile())) {
			JsonlScanner.scan(repo.storeFile(), 0, 1, (line) -> {
				String text = new String(line.bytes(), StandardCharsets.UTF_8);
				Entry entry = wanted.get(text);
				if (entry != null && Arrays.equals(entry.bytes(), line.bytes())) {
					wanted.remove(text);
				}
			});
		}
		return List.copyOf(wanted.values());
	}

	private List<Entry> read(Repo repo) throws IOException {
		Path file = fileOf(repo);
		if (!Files.exists(file)) {
			return List.of();
		}
		String store = repo.storeFile().toString();
		List<Entry> entries = new ArrayList<>();
		// decoded leniently: a torn last line may end inside a character
		for (String text : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
			Entry entry = parse(text, store);
			if (entry != null) {
				entries.add(entry);
			}
		}
		return entries;
	}

	/** One journal line, or null if it is torn or belongs to another file. */
	private Entry parse(String text, String store) {
		try {
			JsonNode node = this.mapper.readTree(text);
			if (node == null || !node.isObject() || !node.path("line").isString()
					|| !store.equals(node.path("store").asString(""))) {
				return null;
			}
			return new Entry(node.path("id").asString(""), Instant.parse(node.path("acknowledged_at").asString()),
					node.path("line").asString());
		}
		catch (JacksonException | DateTimeParseException ex) {
			return null;
		}
	}

	private String idOf(String line) {
		try {
			JsonNode id = this.mapper.readTree(line).path("id");
			return id.isString() ? id.asString() : "";
		}
		catch (JacksonException ex) {
			return "";
		}
	}

	private Path fileOf(Repo repo) {
		return this.directory.resolve(repo.name() + ".acks.jsonl");
	}

}

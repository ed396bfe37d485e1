package io.teamlearnings.admissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.teamlearnings.learnings.CanonicalLearning;
import io.teamlearnings.learnings.LearningLookup;

import org.springframework.stereotype.Service;

/**
 * Writes Markdown digests of a repository's active learnings, grouped by status, with its
 * recurring themes, as new timestamped files beside the memory-source notes
 * ({@code <memories root>/extensions/learnings/resources/}). Never overwrites a file.
 */
@Service
class MemoryDigests {

	private static final List<String> DIGEST_ORDER = List.of("codify_now", "avoid_for_now", "do_less", "do_more",
			"investigate_more", "review_later", "codified");

	private static final DateTimeFormatter DIGEST_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")
		.withZone(ZoneOffset.UTC);

	private final LearningLookup lookup;

	private final MemoryProperties memory;

	private final Clock clock;

	MemoryDigests(LearningLookup lookup, MemoryProperties memory, Clock clock) {
		this.lookup = lookup;
		this.memory = memory;
		this.clock = clock;
	}

	/**
	 * Writes the digest of {@code repoName}'s active learnings.
	 * @throws DigestExistsException if a digest with this second's time stamp exists
	 */
	MemoryDigest write(String repoName) {
		LearningLookup.ActiveLearnings active = this.lookup.active(repoName);
		Map<String, List<CanonicalLearning>> byStatus = new LinkedHashMap<>();
		DIGEST_ORDER.forEach((status) -> byStatus.put(status, new ArrayList<>()));
		for (CanonicalLearning row : active.learnings()) {
			byStatus.computeIfAbsent(row.status(), (key) -> new ArrayList<>()).add(row);
		}
		Instant now = this.clock.instant();
		StringBuilder md = new StringBuilder();
		md.append("# Learnings digest: ").append(active.repo()).append("\n\n");
		md.append("Generated ")
			.append(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
			.append(" from `")
			.append(active.storeFile())
			.append("`: ")
			.append(active.learnings().size())
			.append(" active learnings (superseded and withdrawn rows are left out).\n");
		byStatus.forEach((status, rows) -> {
			if (rows.isEmpty()) {
				return;
			}
			md.append("\n## ").append(status).append(" (").append(rows.size()).append(")\n\n");
			for (CanonicalLearning row : rows) {
				md.append("- **").append(oneLine(row.learning())).append("**");
				String application = oneLine(row.application());
				if (!application.isEmpty()) {
					md.append(" Apply: ").append(application);
				}
				md.append(" (`").append(row.id()).append("`, ").append(oneLine(row.capturedAt())).append(")\n");
				String evidence = row.evidence().isEmpty() ? "" : oneLine(row.evidence().get(0));
				if (!evidence.isEmpty()) {
					md.append("  - Evidence: ").append(evidence).append('\n');
				}
			}
		});
		if (!active.themes().isEmpty()) {
			md.append("\n## Recurring themes\n\n");
			for (LearningLookup.Theme theme : active.themes()) {
				md.append("- ").append(theme.ids().size()).append(" learnings");
				if (!theme.tags().isEmpty()) {
					md.append(" (").append(String.join(", ", theme.tags())).append(")");
				}
				md.append(": ")
					.append(String.join(", ", theme.ids().stream().map((id) -> "`" + id + "`").toList()))
					.append('\n');
			}
		}
		Path file = this.memory.resources().resolve(DIGEST_NAME.format(now) + "-learnings-digest.md");
		write(file, md.toString());
		return new MemoryDigest(file.toString(), active.learnings().size(), md.toString());
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE, StandardOpenOption.SYNC);
		}
		catch (FileAlreadyExistsException ex) {
			throw DigestExistsException.at(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the digest " + file, ex);
		}
	}

	private static String oneLine(String value) {
		return value.strip().replaceAll("\\s+", " ");
	}

}

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

import io.teamlearnings.learnings.LearningLookup;

import org.springframework.stereotype.Service;

/**
 * Writes a repository's memory digest, the Markdown the learnings tool's
 * {@code memory-digest} writes ({@link LearningLookup#memoryDigest}), as a new file where
 * the learnings skill puts it ("Memory Digest Compatibility":
 * {@code <memories root>/extensions/learnings/resources/YYYY-MM-DDTHH-MM-SS-learnings-digest.md},
 * UTC). The tool overwrites one {@code latest_learnings_digest.md}; a digest here is
 * never overwritten.
 */
@Service
class MemoryDigests {

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
	 * @param repoName the repository
	 * @return what was written, and where
	 * @throws DigestExistsException if a digest with this second's time stamp exists
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if no repository has that
	 * name
	 */
	MemoryDigest write(String repoName) {
		Instant now = this.clock.instant();
		LearningLookup.Digest digest = this.lookup.memoryDigest(repoName, now);
		Path file = this.memory.resources().resolve(DIGEST_NAME.format(now) + "-learnings-digest.md");
		write(file, digest.content());
		return new MemoryDigest(file.toString(), digest.rows(), digest.candidates(), digest.sources(),
				digest.content());
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

}

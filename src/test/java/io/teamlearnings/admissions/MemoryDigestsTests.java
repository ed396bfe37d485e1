package io.teamlearnings.admissions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.teamlearnings.learnings.LearningLookup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Digests go where the learnings skill puts them, named by the second they are written
 * in, with the content the learnings module renders, and a digest is never overwritten.
 */
class MemoryDigestsTests {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	private static final String CONTENT = "# Learnings Digest\n\ngenerated_at: 2026-11-23T12:00:00Z\n";

	@TempDir
	Path memories;

	LearningLookup lookup = mock(LearningLookup.class);

	MemoryDigests digests;

	@BeforeEach
	void digests() {
		given(this.lookup.memoryDigest("app", NOW)).willReturn(new LearningLookup.Digest(CONTENT, 2, 3, 1));
		this.digests = new MemoryDigests(this.lookup, new MemoryProperties(this.memories),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void writesTheDigestToTheSkillsTimestampedPath() throws IOException {
		MemoryDigest digest = this.digests.write("app");

		Path file = this.memories.resolve("extensions/learnings/resources/2026-11-23T12-00-00-learnings-digest.md");
		assertThat(digest.path()).isEqualTo(file.toString());
		assertThat(file).content().isEqualTo(CONTENT);
		assertThat(digest.content()).isEqualTo(CONTENT);
		assertThat(digest.candidates()).isEqualTo(2);
		assertThat(digest.rows()).isEqualTo(3);
		assertThat(digest.proofLine()).isEqualTo("memory-digest: wrote " + file + " candidates=2 sources=1\n");
	}

	@Test
	void neverOverwritesADigest() throws IOException {
		Path file = Path.of(this.digests.write("app").path());
		Files.writeString(file, "kept");

		assertThatThrownBy(() -> this.digests.write("app")).isInstanceOf(DigestExistsException.class)
			.hasMessageContaining("2026-11-23T12-00-00-learnings-digest.md");
		assertThat(file).content().isEqualTo("kept");
	}

}

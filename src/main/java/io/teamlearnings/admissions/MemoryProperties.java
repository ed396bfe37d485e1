package io.teamlearnings.admissions;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * Where memory files are written ({@code learnings.memory}).
 *
 * @param root the Codex memories root; digests go to
 * {@code <root>/extensions/learnings/resources/}. Defaults to {@code ~/.codex/memories}.
 */
@Validated
@ConfigurationProperties("learnings.memory")
public record MemoryProperties(@Nullable Path root) {

	/**
	 * @return the memories root, {@code ~/.codex/memories} unless configured
	 */
	public Path rootOrDefault() {
		return (this.root != null) ? this.root : Path.of(System.getProperty("user.home"), ".codex", "memories");
	}

	/**
	 * @return where digests go
	 */
	public Path resources() {
		return rootOrDefault().resolve("extensions").resolve("learnings").resolve("resources");
	}

	/**
	 * @return where memory-source notes go
	 */
	public Path notes() {
		return rootOrDefault().resolve("extensions").resolve("learnings").resolve("notes");
	}

}

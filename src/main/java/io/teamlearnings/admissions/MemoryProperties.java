package io.teamlearnings.admissions;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * Where memory files are written ({@code learnings.memory}), and how long a note waits
 * for the {@code memory-note} tool's lock.
 * <p>
 * The root is {@code <codex home>/memories}, as the tool lays it out
 * ({@code ${CODEX_HOME:-$HOME/.codex}/memories/extensions/<extension>/notes/}): the Codex
 * home is taken to be the root's parent, which holds the tool's lock file under
 * {@code .memory-note/locks/}.
 *
 * @param root the Codex memories root; digests go to
 * {@code <root>/extensions/learnings/resources/}, notes to
 * {@code <root>/extensions/learnings/notes/}. Defaults to {@code ~/.codex/memories}.
 * @param lockWait how long writing a note waits for the {@code memory-note} lock before
 * it gives up (503); zero gives up at once, as the tool does. Defaults to 5 s.
 */
@Validated
@ConfigurationProperties("learnings.memory")
public record MemoryProperties(@Nullable Path root, @DefaultValue("5s") Duration lockWait) {

	/**
	 * Binds the settings.
	 * @throws IllegalArgumentException if the lock wait is negative
	 */
	@ConstructorBinding
	public MemoryProperties {
		if (lockWait.isNegative()) {
			throw new IllegalArgumentException("learnings.memory.lock-wait must not be negative: " + lockWait);
		}
	}

	/**
	 * Settings with the default lock wait.
	 * @param root the memories root; null for the default
	 */
	public MemoryProperties(@Nullable Path root) {
		this(root, Duration.ofSeconds(5));
	}

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

	/**
	 * @return the Codex home: the memories root's parent
	 */
	public Path codexHome() {
		Path root = rootOrDefault().toAbsolutePath().normalize();
		return (root.getParent() != null) ? root.getParent() : root;
	}

	/**
	 * @return the {@code memory-note} tool's lock file for the learnings extension,
	 * {@code <codex home>/.memory-note/locks/learnings.lock}
	 */
	public Path noteLock() {
		return codexHome().resolve(".memory-note").resolve("locks").resolve("learnings.lock");
	}

	/**
	 * @return where the service writes a note before linking it into the notes directory:
	 * {@code <codex home>/.memory-note/tmp}, outside the memories root
	 */
	public Path noteScratch() {
		return codexHome().resolve(".memory-note").resolve("tmp");
	}

}

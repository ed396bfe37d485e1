package io.teamlearnings.sessions;

import java.nio.file.Path;

import io.teamlearnings.sessions.rollout.RolloutReader;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where Codex sessions are read from and how they are kept ({@code learnings.sessions}).
 *
 * @param sessionsDir the Codex sessions directory ({@code ~/.codex/sessions})
 * @param archiveDir the Codex archived sessions directory
 * ({@code ~/.codex/archived_sessions})
 * @param uploadsDir where uploaded rollout files are stored
 * ({@code <learnings.data-dir>/uploads}, defaulted in {@code application.yml} because it
 * follows another setting)
 * @param retentionDays cleanup deletes session files that started longer ago, unless they
 * were active since
 * @param maxLineSize the longest line of a session file that is read; a longer line is
 * skipped and reported (not loaded), so one huge line costs neither memory nor the other
 * lines (1 KB to 1 GB)
 */
@Validated
@ConfigurationProperties("learnings.sessions")
record SessionsProperties(@Nullable Path sessionsDir, @Nullable Path archiveDir, @NotNull Path uploadsDir,
		@DefaultValue("7") @Min(1) int retentionDays,
		@DefaultValue("64MB") DataSize maxLineSize) implements RolloutReader.Limits {

	@AssertTrue(message = "learnings.sessions.max-line-size must be between 1KB and 1GB")
	boolean isMaxLineSizeInRange() {
		return this.maxLineSize.toBytes() >= 1024 && this.maxLineSize.toBytes() <= DataSize.ofGigabytes(1).toBytes();
	}

	private static Path home(String... parts) {
		return Path.of(System.getProperty("user.home"), parts);
	}

	Path sessions() {
		return absolute(this.sessionsDir, home(".codex", "sessions"));
	}

	Path archive() {
		return absolute(this.archiveDir, home(".codex", "archived_sessions"));
	}

	Path uploads() {
		return absolute(this.uploadsDir);
	}

	private static Path absolute(@Nullable Path configured, Path fallback) {
		return absolute((configured != null) ? configured : fallback);
	}

	private static Path absolute(Path path) {
		return path.toAbsolutePath().normalize();
	}

}

package io.teamlearnings.learnings.index;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import io.teamlearnings.learnings.quality.QualityMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * How the canonical stores are written and mirrored ({@code learnings.store}).
 *
 * @param nearDuplicateThreshold Jaccard similarity of two learnings' analysed terms
 * (English stemming, stop words removed) at or above which an append with the same status
 * is skipped as a near-duplicate unless forced
 * @param pollInterval how often every store is checked for changes made without the
 * service (reads also check, so this only bounds how stale an idle index gets)
 * @param defaultSource the {@code source} written when a caller gives none
 * @param teamRepo the repository that {@code share} copies cross-project rules into, if
 * any
 * @param qualityMode how appends and supersessions are judged unless a request says
 * otherwise: {@code strict} (the {@code learnings} tool's default) refuses rows its
 * quality gate finds weak, {@code best_effort} writes them unjudged
 * @param allowTempPath whether the quality gate accepts a repository whose root is under
 * a temporary directory ({@code /tmp}, {@code /var/folders/}); the tool's
 * {@code --allow-temp-path}
 * @param lockWait how long an append waits for the OS lock on the store's lock file
 * ({@code <store>.lock}) while another process (a second service instance over the same
 * repository) holds it, before answering 503 with nothing written
 */
@Validated
@ConfigurationProperties("learnings.store")
public record StoreProperties(@DefaultValue("0.8") @DecimalMin("0.0") @DecimalMax("1.0") double nearDuplicateThreshold,
		@DefaultValue("2s") Duration pollInterval, @DefaultValue("learnings-service") @NotBlank String defaultSource,
		@Nullable String teamRepo, @DefaultValue("strict") @NotNull QualityMode qualityMode,
		@DefaultValue("false") boolean allowTempPath, @DefaultValue("5s") @NotNull Duration lockWait) {

	/**
	 * Binds the settings.
	 * @throws IllegalArgumentException if the lock wait is negative
	 */
	public StoreProperties {
		if (lockWait.isNegative()) {
			throw new IllegalArgumentException("learnings.store.lock-wait must not be negative: " + lockWait);
		}
	}

}

package io.teamlearnings.repos;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a repository's checkout is kept in step with its git remote
 * ({@code learnings.repos[N].git}). Off by default.
 *
 * @param enabled whether the service fetches, merges, commits its own rows and pushes
 * @param remote the remote to fetch from and push to, as the checkout names it
 * ({@code git remote})
 * @param branch the branch to keep in step; blank means the branch the checkout had
 * checked out when sync first ran for the repository in this service (remembered until
 * the service stops): a later sync on another branch stops, changing nothing
 * @param interval how long after a sync the next one runs (appends also start one, about
 * two seconds after the last of a burst)
 * @param author who the service's commits are by, as {@code Name <email>}; blank means
 * the checkout's own {@code user.name} and {@code user.email}, or
 * {@code learnings-service <learnings-service@localhost>} when it has none
 */
public record GitSyncSettings(@DefaultValue("false") boolean enabled,
		@DefaultValue("origin") @NotBlank @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._/-]*$",
				message = "must be the name of a remote of the checkout") String remote,
		@DefaultValue("") @Pattern(regexp = "^$|^[A-Za-z0-9][A-Za-z0-9._/-]*$",
				message = "must be blank or a branch name") String branch,
		@DefaultValue("5m") @NotNull Duration interval,
		@DefaultValue("") @Pattern(regexp = "^$|^[^<>\\n]+ <[^<>\\s]+>$",
				message = "must be blank or 'Name <email>'") String author) {

	/**
	 * The settings of a repository that is not synced.
	 * @return sync off, every other setting at its default
	 */
	public static GitSyncSettings off() {
		return new GitSyncSettings(false, "origin", "", Duration.ofMinutes(5), "");
	}

}

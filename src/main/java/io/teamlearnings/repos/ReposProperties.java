package io.teamlearnings.repos;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The repositories to serve ({@code learnings.repos}). Empty means one repository,
 * {@code default}, rooted at the directory the service was started in.
 *
 * @param repos named repository roots
 */
@Validated
@ConfigurationProperties("learnings")
record ReposProperties(@DefaultValue List<@Valid RepoSetting> repos) {

	/**
	 * One configured repository.
	 *
	 * @param name the name used in URLs: lower-case letters, digits, {@code .}, {@code _}
	 * and {@code -}
	 * @param root the directory holding {@code .learnings.jsonl}
	 * @param git how its checkout is kept in step with its git remote; off by default
	 */
	record RepoSetting(@NotBlank @Pattern(regexp = Repo.NAME_PATTERN,
			message = "must be 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit") String name,
			@NotNull Path root, @DefaultValue @Valid GitSyncSettings git) {
	}

}

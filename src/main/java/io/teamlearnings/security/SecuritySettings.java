package io.teamlearnings.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API tokens given in configuration ({@code learnings.security}); more can be created
 * through the admin endpoint. Only the SHA-256 of a token is configured.
 *
 * @param tokens the configured tokens
 * @param allowedOrigins browser origins ({@code scheme://host[:port]}) allowed to call
 * the service besides its own ({@link BrowserRequestGuard}); empty: none
 */
@Validated
@ConfigurationProperties("learnings.security")
record SecuritySettings(@DefaultValue List<@Valid TokenSetting> tokens, @DefaultValue List<String> allowedOrigins) {

	/**
	 * One configured token.
	 *
	 * @param name who holds it; recorded as the source of the rows it writes
	 * @param sha256 hex SHA-256 of the token ({@code printf %s "$TOKEN" | sha256sum})
	 * @param grants {@code <repo>=<role>} entries, {@code *} for every repository, e.g.
	 * {@code *=reader}, {@code dotfiles=writer}
	 */
	record TokenSetting(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String name,
			@NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex characters") String sha256,
			@NotEmpty List<@Pattern(
					regexp = "([a-z0-9][a-z0-9._-]{0,63}|\\*)=(?i)(reader|writer|admin)") String> grants) {
	}

}

package io.teamlearnings.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.teamlearnings.system.Sha256;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The API tokens: those in configuration and those created through the admin endpoint
 * (kept in H2). Only SHA-256 digests are stored; a token is shown once, when it is
 * created.
 */
@Service
public class TokenRegistry {

	private final SecuritySettings settings;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private volatile Boolean anyTokens;

	TokenRegistry(SecuritySettings settings, JdbcTemplate jdbc, Clock clock) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A token as listed: its name and grants, never the token.
	 *
	 * @param name the holder
	 * @param grants role per repository
	 * @param origin {@code configuration} or {@code created}
	 */
	record TokenInfo(String name, Map<String, Role> grants, String origin) {
	}

	/**
	 * Whether any token exists: then every caller must present one.
	 * @return whether tokens are required
	 */
	public boolean anyTokens() {
		Boolean known = this.anyTokens;
		if (known == null) {
			Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM api_token", Long.class);
			known = !this.settings.tokens().isEmpty() || (count != null && count > 0);
			this.anyTokens = known;
		}
		return known;
	}

	Optional<Caller> authenticate(String token) {
		String digest = Sha256.hex(token);
		for (SecuritySettings.TokenSetting setting : this.settings.tokens()) {
			if (MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
					setting.sha256().getBytes(StandardCharsets.US_ASCII))) {
				return Optional.of(new Caller(setting.name(), grants(setting.grants()), false));
			}
		}
		return this.jdbc
			.query("SELECT name, grants FROM api_token WHERE sha256 = ?",
					(rs, i) -> new Caller(rs.getString(1), grants(List.of(rs.getString(2).split(","))), false), digest)
			.stream()
			.findFirst();
	}

	List<TokenInfo> list() {
		List<TokenInfo> tokens = new ArrayList<>();
		this.settings.tokens()
			.forEach((setting) -> tokens.add(new TokenInfo(setting.name(), grants(setting.grants()), "configuration")));
		tokens.addAll(this.jdbc.query("SELECT name, grants FROM api_token ORDER BY name",
				(rs, i) -> new TokenInfo(rs.getString(1), grants(List.of(rs.getString(2).split(","))), "created")));
		return tokens;
	}

	/** Creates a token; the answer is the only place the token itself appears. */
	String create(String name, List<String> grants) {
		if (list().stream().anyMatch((token) -> token.name().equals(name))) {
			throw TokenException.nameTaken(name);
		}
		grants(grants);
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = "lrn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.jdbc.update("INSERT INTO api_token (name, sha256, grants, created_at) VALUES (?, ?, ?, ?)", name,
				Sha256.hex(token), String.join(",", grants),
				OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC));
		this.anyTokens = null;
		return token;
	}

	/** Revokes a created token; configured tokens are removed from configuration. */
	void revoke(String name) {
		if (this.jdbc.update("DELETE FROM api_token WHERE name = ?", name) == 0) {
			throw TokenException.unknown(name);
		}
		this.anyTokens = null;
	}

	static Map<String, Role> grants(List<String> entries) {
		Map<String, Role> grants = new LinkedHashMap<>();
		for (String entry : entries) {
			int equals = entry.indexOf('=');
			if (equals <= 0) {
				throw TokenException.badGrant(entry);
			}
			try {
				grants.put(entry.substring(0, equals).strip(), Role.parse(entry.substring(equals + 1)));
			}
			catch (IllegalArgumentException ex) {
				throw TokenException.badGrant(entry);
			}
		}
		return grants;
	}

}

package io.teamlearnings.cli;

import java.net.URI;
import java.util.Map;

/**
 * Where the service is and how to call it, from the environment.
 *
 * @param url {@code LEARNINGS_URL}: the service's base URL, default
 * {@code http://127.0.0.1:8080}, without a trailing slash
 * @param token {@code LEARNINGS_TOKEN}: sent as {@code Authorization: Bearer <token>};
 * null when unset or empty
 * @param repo {@code LEARNINGS_REPO}: the repository's name in the service's URLs; null
 * when unset or empty, for the served repository whose root holds the working directory
 */
record ServiceSettings(URI url, String token, String repo) {

	static final String DEFAULT_URL = "http://127.0.0.1:8080";

	/**
	 * @param env the environment
	 * @return the settings
	 * @throws CliFailure ({@link ExitCode#UNREACHABLE}) if {@code LEARNINGS_URL} is not
	 * an absolute http or https URL
	 */
	static ServiceSettings from(Map<String, String> env) {
		String url = orNull(env.get("LEARNINGS_URL"));
		String token = orNull(env.get("LEARNINGS_TOKEN"));
		if (token != null && !token.chars().allMatch((c) -> c > 0x20 && c < 0x7f)) {
			// a header value cannot hold it; say so without printing the secret
			throw new CliFailure(ExitCode.USAGE,
					"error: LEARNINGS_TOKEN holds a space, a control character or a non-ASCII character; "
							+ "a token is printable ASCII");
		}
		String repo = orNull(env.get("LEARNINGS_REPO"));
		if (repo != null && !REPO_NAME.matcher(repo).matches()) {
			throw new CliFailure(ExitCode.NO_REPOSITORY, "error: LEARNINGS_REPO '" + printable(repo)
					+ "' is not a repository name (lower-case letters, digits, '.', '_' and '-')");
		}
		return new ServiceSettings(url((url != null) ? url : DEFAULT_URL), token, repo);
	}

	/** A repository name as the service's settings allow it. */
	private static final java.util.regex.Pattern REPO_NAME = java.util.regex.Pattern
		.compile("[a-z0-9][a-z0-9._-]{0,63}");

	private static String printable(String text) {
		String cut = (text.length() > 80) ? text.substring(0, 80) + "..." : text;
		return cut.replaceAll("\\p{Cntrl}", "?");
	}

	private static URI url(String text) {
		String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
		try {
			URI url = new URI(trimmed);
			if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
				return url;
			}
		}
		catch (java.net.URISyntaxException ex) {
			// reported below
		}
		throw new CliFailure(ExitCode.UNREACHABLE,
				"error: LEARNINGS_URL is not an http(s) URL: " + text + " (example: " + DEFAULT_URL + ")");
	}

	private static String orNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}

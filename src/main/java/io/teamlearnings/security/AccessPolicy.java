package io.teamlearnings.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * What each request needs, as one table: the role, and the repository it is needed in
 * (from the path), anywhere (sessions, team views, which then show only what the caller
 * may read) or everywhere (administration). The security filter applies the table to
 * every request; the few checks that depend on more than the path (the repositories a
 * team-wide view names, the team repository a share writes to) are the public methods
 * here, so that controllers hold no access rules of their own.
 */
public final class AccessPolicy {

	private static final Pattern REPO_PATH = Pattern.compile("^/api/repos/([^/]+)(/.*)?$");

	/** Posts that only read: validating and matching skills write nothing. */
	private static final Set<String> READING_POSTS = Set.of("/api/skills/validate", "/api/skills/match");

	private AccessPolicy() {
	}

	/**
	 * The access a request needs.
	 *
	 * @param role the role
	 * @param repo the repository it is needed in; null for "in some repository"
	 * @param everywhere whether it is needed in every repository
	 */
	record Need(Role role, @Nullable String repo, boolean everywhere) {
	}

	/**
	 * The access a request needs.
	 * @param method its HTTP method
	 * @param path its path, without the context path
	 * @param cleanup its {@code cleanup} query parameter as sent, if any: an extract that
	 * cleans up deletes files, which only an administrator may do (any value but an empty
	 * one, {@code false}, {@code off}, {@code no} or {@code 0} counts as cleaning up)
	 */
	static Need of(String method, String path, @Nullable String cleanup) {
		if (path.equals("/api/sessions/extract") && cleanup != null
				&& !Set.of("", "false", "off", "no", "0").contains(cleanup.strip().toLowerCase(Locale.ROOT))) {
			return new Need(Role.ADMIN, null, true);
		}
		boolean read = method.equals("GET") || method.equals("HEAD")
				|| (method.equals("POST") && READING_POSTS.contains(path));
		Matcher repo = REPO_PATH.matcher(path);
		if (repo.matches()) {
			String rest = (repo.group(2) != null) ? repo.group(2) : "";
			if (rest.equals("/reindex") || rest.equals("/repair")) {
				return new Need(Role.ADMIN, repo.group(1), false);
			}
			return new Need(read ? Role.READER : Role.WRITER, repo.group(1), false);
		}
		if (path.startsWith("/api/admin/") || path.equals("/api/sessions/cleanup")) {
			return new Need(Role.ADMIN, null, true);
		}
		return new Need(read ? Role.READER : Role.WRITER, null, false);
	}

	static boolean allows(Caller caller, Need need) {
		if (need.everywhere()) {
			return caller.canEverywhere(need.role());
		}
		if (need.repo() != null) {
			return caller.can(need.role(), need.repo());
		}
		return caller.canSomewhere(need.role());
	}

	/**
	 * Refuses a call the current caller may not make, for callers that name what they
	 * need instead of a path (the MCP tools).
	 * @param role the role needed
	 * @param repo the repository it is needed in; null for "in some repository"
	 * @throws AccessDeniedException worded as the REST API's 403
	 */
	public static void require(Role role, @Nullable String repo) {
		Caller caller = Callers.current();
		if (!allows(caller, new Need(role, repo, false))) {
			throw new AccessDeniedException(
					"Token '" + caller.name() + "' needs role " + role.name().toLowerCase(Locale.ROOT)
							+ ((repo != null) ? " in repository '" + repo + "'" : " in some repository") + ".");
		}
	}

	/**
	 * The repositories among {@code repos} that the current caller may read, in order.
	 * @param repos repository names
	 * @return the readable ones
	 */
	public static List<String> readable(List<String> repos) {
		Caller caller = Callers.current();
		return repos.stream().filter((repo) -> caller.can(Role.READER, repo)).toList();
	}

	/**
	 * Refuses a request that names a repository the current caller may not read.
	 * @param repos the repositories the request names
	 * @throws AccessDeniedException naming the first one it may not read
	 */
	public static void requireReadable(List<String> repos) {
		Caller caller = Callers.current();
		for (String repo : repos) {
			if (!caller.can(Role.READER, repo)) {
				throw new AccessDeniedException(
						"Token '" + caller.name() + "' may not read repository '" + repo + "'.");
			}
		}
	}

	/**
	 * Refuses a share when the current caller may not write to the team repository it
	 * copies into (the path only names the source repository).
	 * @param team the team repository, if one is configured
	 * @throws AccessDeniedException if the caller is not a writer there
	 */
	public static void requireTeamWriter(@Nullable String team) {
		Caller caller = Callers.current();
		if (team != null && !caller.can(Role.WRITER, team)) {
			throw new AccessDeniedException(
					"Token '" + caller.name() + "' needs role writer in the team repository '" + team + "'.");
		}
	}

	/**
	 * Refuses a write whose place the body names (a skill created in a skill root) when
	 * the current caller may not write there: in a repository's own root, the writer role
	 * in that repository; in a root shared by every repository, the writer role in every
	 * repository.
	 * @param repo the repository the place belongs to; null for a place every repository
	 * shares
	 * @throws AccessDeniedException if the caller is not a writer there
	 */
	public static void requireWriter(@Nullable String repo) {
		Caller caller = Callers.current();
		if (repo == null && !caller.canEverywhere(Role.WRITER)) {
			throw new AccessDeniedException(
					"Token '" + caller.name() + "' needs role writer in every repository to write a shared skill.");
		}
		if (repo != null && !caller.can(Role.WRITER, repo)) {
			throw new AccessDeniedException(
					"Token '" + caller.name() + "' needs role writer in repository '" + repo + "'.");
		}
	}

	/**
	 * The identity written as the {@code source} of rows the current caller appends, so
	 * that attribution cannot be forged.
	 * @return {@code token:<name>} for a token caller; null for the trusted local caller,
	 * who names its own source
	 */
	@Nullable
	public static String attribution() {
		Caller caller = Callers.current();
		return caller.local() ? null : caller.attribution();
	}

}

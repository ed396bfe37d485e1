package io.teamlearnings.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * What each request needs, as one table: the role, and the repository it is needed in
 * (from the path), anywhere (sessions, team views, which then show only what the caller
 * may read) or everywhere (administration).
 */
final class AccessPolicy {

	private static final Pattern REPO_PATH = Pattern.compile("^/api/repos/([^/]+)(/.*)?$");

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

	static Need of(String method, String path) {
		boolean read = method.equals("GET") || method.equals("HEAD");
		Matcher repo = REPO_PATH.matcher(path);
		if (repo.matches()) {
			String rest = (repo.group(2) != null) ? repo.group(2) : "";
			if (rest.equals("/reindex")) {
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

}

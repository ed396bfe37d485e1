package io.teamlearnings.skills;

import java.util.Set;

import io.teamlearnings.skills.catalog.SkillRoots;
import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Whether a text names a skill as the skills API names it, {@code <root>/<name>}: a
 * configured root's name, one slash, and one plain directory name (not empty, not
 * {@code .} or {@code ..}, no slash, backslash or NUL). Only the form is checked; the
 * skill need not exist, and nothing is read.
 */
public final class SkillIds {

	private final Set<String> roots;

	/**
	 * @param roots the names of the configured skill roots
	 */
	public SkillIds(Set<String> roots) {
		this.roots = Set.copyOf(roots);
	}

	/**
	 * @param id a skill id from a request
	 * @param field its JSON field, for the problem detail ({@code skills[0].skill})
	 * @throws ErrorResponseException 400 "Not a skill id", naming the field, if it is not
	 * {@code <root>/<name>} with a configured root and one directory name
	 */
	public void require(String id, String field) {
		int slash = id.indexOf('/');
		if (slash > 0 && this.roots.contains(id.substring(0, slash)) && SkillRoots.isName(id.substring(slash + 1))) {
			return;
		}
		String reason = "is not <root>/<name> with a configured skill root and one directory name";
		throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.field("Not a skill id",
				"'" + id.replace("\0", "\\0") + "' (" + field + ") " + reason + ".", field, reason), null);
	}

}

package io.teamlearnings.skills.catalog;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No skill directory with a {@code SKILL.md} of that name in that root: 404 "Unknown
 * skill".
 */
public class SkillNotFoundException extends ErrorResponseException {

	SkillNotFoundException(String root, String name) {
		super(HttpStatus.NOT_FOUND,
				Problems.of(HttpStatus.NOT_FOUND, "Unknown skill",
						"The skill root '" + root + "' has no skill '" + name + "' (a directory holding a SKILL.md)."),
				null);
		getBody().setProperty("root", root);
		getBody().setProperty("name", name);
	}

}

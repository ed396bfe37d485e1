package io.teamlearnings.skills.catalog;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No skill root has that name: 404 "Unknown skill root", with the name as {@code root}.
 */
public class UnknownSkillRootException extends ErrorResponseException {

	UnknownSkillRootException(String name) {
		super(HttpStatus.NOT_FOUND,
				Problems.of(HttpStatus.NOT_FOUND, "Unknown skill root",
						"No skill root is named '" + name + "'; GET /api/skills lists the skills of every root."),
				null);
		getBody().setProperty("root", name);
	}

}

package io.teamlearnings.skills.creation;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The skill root could not be written (read-only, full, gone): 503 "Skill not written".
 * What had been created of the new skill is removed again.
 */
public class SkillNotWrittenException extends ErrorResponseException {

	SkillNotWrittenException(String root, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE,
				Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Skill not written",
						"The skill root '" + root + "' could not be written; nothing of the new skill was kept."),
				cause);
	}

}

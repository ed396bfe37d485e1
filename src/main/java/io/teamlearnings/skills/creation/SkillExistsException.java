package io.teamlearnings.skills.creation;

import java.nio.file.Path;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Something already has the new skill's name in its root (a directory, a file, a link):
 * 409 "Skill exists", with {@code init_skill.py}'s message. Nothing is written.
 */
public class SkillExistsException extends ErrorResponseException {

	SkillExistsException(Path dir) {
		super(HttpStatus.CONFLICT,
				Problems.of(HttpStatus.CONFLICT, "Skill exists", "Skill directory already exists: " + dir), null);
		getBody().setProperty("path", dir.toString());
	}

}

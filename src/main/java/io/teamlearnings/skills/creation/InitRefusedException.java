package io.teamlearnings.skills.creation;

import java.util.List;
import java.util.Map;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A skill that {@code init_skill.py} would not create (its {@code [ERROR]} message,
 * without the prefix), or a name that tries to be a path: 400 "Skill not created", naming
 * the field. Nothing is written.
 */
public class InitRefusedException extends ErrorResponseException {

	InitRefusedException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "Skill not created", message), null);
		getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
	}

}

package io.teamlearnings.skills.catalog;

import java.util.List;
import java.util.Map;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A path or name from a request that would reach outside the skill roots (an absolute
 * path under none of them, a {@code ..} segment, a link out of its root), or is no path
 * at all: 400 "Path outside the skill roots", naming the field. Nothing is read or
 * written.
 */
public class RefusedSkillPathException extends ErrorResponseException {

	RefusedSkillPathException(String field, String value, String reason) {
		super(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, "Path outside the skill roots", "'" + value + "' (" + field + ") "
						+ reason + "; only skills inside the configured skill roots are read or written."),
				null);
		getBody().setProperty("errors", List.of(Map.of("field", field, "message", reason)));
	}

}

package io.teamlearnings.admissions;

import io.teamlearnings.system.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for the admissions feature's own errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdmissionsExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidNoteId(InvalidNoteIdException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid note id", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(NoteNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "Unknown memory note", ex.getMessage());
	}

}

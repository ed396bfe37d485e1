package io.teamlearnings.admissions;

import io.teamlearnings.admissions.notes.NoteInputException;
import io.teamlearnings.admissions.notes.NoteLockBusyException;
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

	@ExceptionHandler
	ProblemDetail refusedInput(NoteInputException ex) {
		return Problems.field("Invalid memory-note input", ex.getMessage(), ex.field().isEmpty() ? "input" : ex.field(),
				ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail lockBusy(NoteLockBusyException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Memory notes are locked", ex.getMessage());
		problem.setProperty("lock", ex.lock().toString());
		return problem;
	}

}

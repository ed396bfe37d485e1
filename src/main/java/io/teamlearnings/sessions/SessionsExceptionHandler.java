package io.teamlearnings.sessions;

import io.teamlearnings.system.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for the sessions feature's own errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionsExceptionHandler {

	@ExceptionHandler
	ProblemDetail notFound(SessionNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "Unknown session", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidUpload(InvalidUploadException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid session upload", ex.getMessage());
	}

}

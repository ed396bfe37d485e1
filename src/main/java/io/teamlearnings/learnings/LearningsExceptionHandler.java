package io.teamlearnings.learnings;

import java.util.List;
import java.util.Map;

import io.teamlearnings.system.Problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for the learnings feature's own errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LearningsExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(LearningsExceptionHandler.class);

	@ExceptionHandler
	ProblemDetail invalidLearning(InvalidLearningException ex) {
		return fieldProblem("Invalid learning", "Field '" + ex.field() + "' " + ex.getMessage(), ex.field(),
				ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidRecall(InvalidRecallException ex) {
		return fieldProblem("Invalid recall", ex.getMessage(), ex.field(), ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(LearningNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "Unknown learning", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail alreadySuperseded(AlreadySupersededException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Already superseded", ex.getMessage());
		problem.setProperty("id", ex.id());
		problem.setProperty("head", ex.head());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail digestExists(DigestExistsException ex) {
		return Problems.of(HttpStatus.CONFLICT, "Digest exists", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unavailable(StoreUnavailableException ex) {
		log.error("Store unavailable", ex);
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable", ex.getMessage());
	}

	private static ProblemDetail fieldProblem(String title, String detail, String field, String message) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, title, detail);
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

}

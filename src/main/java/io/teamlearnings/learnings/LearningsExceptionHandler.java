package io.teamlearnings.learnings;

import java.util.List;
import java.util.Map;

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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Field '" + ex.field() + "' " + ex.getMessage());
		problem.setTitle("Invalid learning");
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(LearningNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown learning");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail alreadySuperseded(AlreadySupersededException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Already superseded");
		problem.setProperty("id", ex.id());
		problem.setProperty("head", ex.head());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail digestExists(DigestExistsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Digest exists");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidRecall(InvalidRecallException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid recall");
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unavailable(StoreUnavailableException ex) {
		log.error("Store unavailable", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Store unavailable");
		return problem;
	}

}

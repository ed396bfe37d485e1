package io.teamlearnings.sync;

import io.teamlearnings.system.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for git sync's own errors. A failed sync's problem carries the
 * repository's sync state as {@code sync}; its detail is git's reason with credentials
 * removed, never a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SyncExceptionHandler {

	@ExceptionHandler
	ProblemDetail off(GitSyncOffException ex) {
		return Problems.of(HttpStatus.CONFLICT, "Git sync is off", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail failed(SyncFailedException ex) {
		ProblemDetail problem = switch (ex.kind()) {
			case REMOTE -> Problems.of(HttpStatus.BAD_GATEWAY, "Remote not reached", ex.getMessage());
			case CHECKOUT, MERGE -> Problems.of(HttpStatus.CONFLICT, "Sync stopped", ex.getMessage());
			case GIT -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Git failed", ex.getMessage());
		};
		problem.setProperty("kind", ex.kind().label());
		problem.setProperty("sync", ex.state());
		return problem;
	}

}

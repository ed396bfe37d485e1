package io.teamlearnings.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the servlet container, as a problem detail. Errors that Spring MVC
 * raises are answered by {@link ApiExceptionHandler}; this answers the ones that end in
 * {@code HttpServletResponse.sendError} outside it (the MCP transport's 405 for a GET or
 * DELETE of {@code /mcp}, a servlet's own refusal), which Spring Boot's default error
 * controller answered as {@code {"timestamp", "status", "error", "path"}} JSON. It
 * replaces that controller ({@code ErrorMvcAutoConfiguration} backs off when one is
 * present). The detail names the method and path, never an exception's message: that is
 * logged where it is raised. Not part of the API's description: nothing calls it.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	/**
	 * The problem for the error the container forwarded here; a plain 404 when
	 * {@code /error} is asked for itself.
	 * @param request the error dispatch, whose attributes carry the status and the path
	 * first asked for
	 * @return the problem, as {@code application/problem+json}
	 */
	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (uri != null) ? uri.toString() : request.getRequestURI();
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String detail = switch (status) {
			case NOT_FOUND -> "Nothing is served at " + path + ".";
			case METHOD_NOT_ALLOWED -> request.getMethod() + " is not supported on " + path + ".";
			case FORBIDDEN -> "Access to " + path + " is refused" + origin(request) + ".";
			case UNAUTHORIZED -> "Authentication is required for " + path + ".";
			default -> status.is5xxServerError() ? "The service failed to answer " + path + "; its log has the cause."
					: "The request to " + path + " was refused.";
		};
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(status, status.getReasonPhrase(), detail));
	}

	/**
	 * The request's browser origin, as the detail of a refusal names it; empty if none.
	 */
	private static String origin(HttpServletRequest request) {
		String origin = request.getHeader("Origin");
		return (origin != null) ? " to Origin '" + Problems.printable(origin) + "'" : "";
	}

}

package io.teamlearnings.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.teamlearnings.repos.UnknownRepositoryException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as an RFC 9457 problem detail with a human title and what was wrong: the
 * field, the parameter, the repository. Nothing internal reaches the client; unexpected
 * failures are logged and answered with a plain 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final Pattern TOMCAT_PARAMETER = Pattern.compile("Parameter \\[([^\\]]{1,200})\\]");

	@ExceptionHandler
	ProblemDetail unknownRepository(UnknownRepositoryException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "Unknown repository", ex.getMessage());
		problem.setProperty("repo", ex.name());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail payloadTooLarge(PayloadTooLargeException ex) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail forbidden(AccessDeniedException ex) {
		return Problems.of(HttpStatus.FORBIDDEN, "Not allowed", ex.getMessage());
	}

	/**
	 * A query string Tomcat could not decode (a {@code %ff} that is not UTF-8): Tomcat's
	 * message names the parameter as {@code Parameter [name]}.
	 */
	@ExceptionHandler
	ProblemDetail undecodableParameter(InvalidParameterException ex) {
		Matcher name = TOMCAT_PARAMETER.matcher(String.valueOf(ex.getMessage()));
		String parameter = name.find() ? name.group(1) : null;
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid query string",
				((parameter != null) ? "Parameter '" + parameter + "'" : "A query parameter")
						+ " is not percent-encoded UTF-8; encode its value as UTF-8 bytes, each byte as %XX.");
		if (parameter != null) {
			problem.setProperty("errors", List.of(fieldError(parameter, "not percent-encoded UTF-8")));
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The service failed unexpectedly; the failure is in its log.");
	}

	/**
	 * The features' named exceptions carry their own problem detail; a server-side one
	 * (such as an unreadable store) is logged with its cause.
	 */
	@Override
	protected ResponseEntity<Object> handleErrorResponseException(ErrorResponseException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (status.value() == 503) {
			// the caller is told to try again (a store changing as it was read): no fault
			log.warn("{}: {}", ex.getBody().getTitle(), ex.getBody().getDetail());
		}
		else if (status.is5xxServerError()) {
			log.error(ex.getBody().getTitle(), ex);
		}
		return super.handleErrorResponseException(ex, headers, status, request);
	}

	/**
	 * A request without a {@code Content-Type} is told what to send, where Spring's
	 * detail reads "Content-Type 'null' is not supported".
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getContentType() == null) {
			ex.getBody()
				.setDetail("The request has no Content-Type header; send the body as "
						+ ex.getSupportedMediaTypes().stream().map(Object::toString).distinct().toList() + ".");
		}
		return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(fieldError(jsonName(error.getField()), error.getDefaultMessage()));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(fieldError(error.getObjectName(), error.getDefaultMessage())));
		return invalid(ex, headers, status, request, errors);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(fieldError(jsonName(String.valueOf(name)), error.getDefaultMessage()));
			}
		});
		return invalid(ex, headers, status, request, errors);
	}

	private ResponseEntity<Object> invalid(Exception ex, HttpHeaders headers, HttpStatusCode status, WebRequest request,
			List<Map<String, String>> errors) {
		String detail = errors.stream()
			.map((error) -> "'" + error.get("field") + "' " + error.get("message"))
			.collect(Collectors.joining("; "));
		ProblemDetail problem = Problems.of(status, "Invalid request", "Invalid request: " + detail);
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof PayloadTooLargeException tooLarge) {
			return handleExceptionInternal(ex, payloadTooLarge(tooLarge), headers, HttpStatus.CONTENT_TOO_LARGE,
					request);
		}
		ProblemDetail problem = Problems.of(status, "Unreadable request body",
				unreadable(cause, request.getHeader(HttpHeaders.CONTENT_TYPE)));
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * Why a body could not be read, in the words of the API.
	 * @param cause the most specific cause
	 * @param contentType the request's content type, if it said one
	 */
	private static String unreadable(Throwable cause, @Nullable String contentType) {
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String parent = at(unknown.getPath().subList(0, unknown.getPath().size() - 1));
			return "Unknown field '" + unknown.getPropertyName() + "'"
					+ (parent.isEmpty() ? "" : " in '" + parent + "'") + "; known fields are "
					+ unknown.getKnownPropertyIds();
		}
		if (cause instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
			return "The request body must be " + shape(mismatch.getTargetType()) + ".";
		}
		if (cause instanceof DatabindException mapping && !mapping.getPath().isEmpty()) {
			String message = String.valueOf(mapping.getOriginalMessage());
			// Jackson's own messages name Java types in backticks; the service's
			// deserializers write theirs for clients
			return (message.contains("`") && mapping instanceof MismatchedInputException mismatch)
					? "Field '" + at(mapping.getPath()) + "' has the wrong type: it must be "
							+ shape(mismatch.getTargetType()) + "."
					: "Field '" + at(mapping.getPath()) + "' has the wrong type or shape: " + plain(message);
		}
		if (cause instanceof java.nio.charset.CharacterCodingException) {
			return "The request body is not UTF-8 (an invalid, overlong or surrogate byte sequence).";
		}
		if (cause instanceof StreamReadException syntax) {
			return "Malformed JSON at line " + syntax.getLocation().getLineNr() + ", column "
					+ syntax.getLocation().getColumnNr() + ": " + plain(syntax.getOriginalMessage());
		}
		if (cause instanceof JacksonException json) {
			return "Malformed JSON: " + plain(json.getOriginalMessage());
		}
		if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
			// a text body (an uploaded SKILL.md, say) is not JSON and was not read as
			// JSON
			String type = contentType.split(";", 2)[0].strip();
			return "The request body is missing or cannot be read as "
					+ ((type.length() <= 100) ? type : type.substring(0, 100) + "…") + ".";
		}
		return "The request body is missing or is not valid JSON.";
	}

	/** What a JSON value of this Java type looks like, in the words of the API. */
	private static String shape(@Nullable Class<?> type) {
		if (type == null) {
			return "a JSON value of another type";
		}
		if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
			return "a number";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "a JSON array";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
		}
		return "a JSON object";
	}

	/**
	 * A parser's message without the Java it names: Jackson says where a limit comes from
	 * ({@code from `StreamReadConstraints.getMaxNestingDepth()`}) and how coercion could
	 * be enabled; neither means anything to a client.
	 */
	private static String plain(@Nullable String message) {
		return Problems.jsonMessage(message);
	}

	private static String at(List<JacksonException.Reference> references) {
		return Problems.jsonPath(references);
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid parameter",
				"Parameter '" + ex.getName() + "' cannot be '" + ex.getValue() + "'"
						+ ((ex.getRequiredType() != null) ? "; expected " + describe(ex.getRequiredType()) : ""));
		problem.setProperty("errors", List.of(fieldError(ex.getName(), "invalid value")));
		return problem;
	}

	private static String describe(Class<?> type) {
		return switch (type.getSimpleName()) {
			case "Instant" -> "an ISO-8601 instant such as 2026-03-01T00:00:00Z";
			case "int", "Integer", "long", "Long" -> "a whole number";
			case "boolean", "Boolean" -> "true or false";
			default -> "a " + type.getSimpleName();
		};
	}

	private static Map<String, String> fieldError(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	/** {@code relatedIds[0]} as the JSON field {@code related_ids[0]}. */
	static String jsonName(String javaName) {
		return PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, javaName);
	}

}

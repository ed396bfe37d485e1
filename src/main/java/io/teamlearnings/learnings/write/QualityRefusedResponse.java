package io.teamlearnings.learnings.write;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Documents that an operation writing a caller's row answers 422 when the strict quality
 * gate refuses it: a problem detail whose {@code errors} are the {@code learnings} tool's
 * {@code quality-error:} lines, or those lines alone for {@code text/plain}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(responseCode = "422",
		description = "Refused by the strict quality gate; nothing written. 'errors' holds the tool's quality-error lines "
				+ "(its hint line last), 'warnings' its quality-warning lines, 'fields' the fields at fault",
		content = {
				@Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
						schema = @Schema(implementation = ProblemDetail.class),
						examples = @ExampleObject(name = "refused",
								value = """
										{"type": "about:blank", "title": "Refused by the quality gate", "status": 422,
										 "detail": "The learnings tool's strict quality gate refuses this row (learning, evidence); 'errors' holds its lines. Send quality_mode=best_effort only for an intentional exception.",
										 "errors": ["quality-error: learning is too short; include a durable decision rule.",
										  "quality-error: learning must include explicit condition + action (for example: 'When X, prefer Y ...').",
										  "quality-error: evidence contains placeholder text.",
										  "quality-error: use --quality-mode best_effort only for intentional exceptions."],
										 "warnings": ["quality-warning: learning lacks explicit consequence wording (because/to avoid/prevent/otherwise)."],
										 "fields": ["learning", "evidence"]}""")),
				@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string",
						example = "quality-error: evidence contains placeholder text.\\n"
								+ "quality-error: use --quality-mode best_effort only for intentional exceptions.\\n")) })
@interface QualityRefusedResponse {

}

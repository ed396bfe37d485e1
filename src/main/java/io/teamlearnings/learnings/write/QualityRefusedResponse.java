package io.teamlearnings.learnings.write;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.MediaType;

/**
 * Documents that an operation writing a caller's row answers 422 when the strict quality
 * gate refuses it: a problem detail (the OpenAPI configuration adds it to every error)
 * whose {@code errors} are the {@code learnings} tool's {@code quality-error:} lines, or
 * those lines alone for {@code text/plain}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(responseCode = "422",
		description = "Refused by the strict quality gate; nothing written. 'errors' holds the tool's quality-error lines "
				+ "(its hint line last), 'warnings' its quality-warning lines, 'fields' the fields at fault; with "
				+ "Accept: text/plain, the quality-error lines alone",
		content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
				schema = @Schema(type = "string", example = "quality-error: evidence contains placeholder text.\n"
						+ "quality-error: use --quality-mode best_effort only for intentional exceptions.\n")))
@interface QualityRefusedResponse {

}

package io.teamlearnings.system;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;

/**
 * The title, server and tags of the live OpenAPI description, which the top-level
 * {@code openapi.yaml} publishes. Tags are listed in the order a newcomer reads them;
 * every error response an operation documents is a problem detail.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** Tags in the order a newcomer reads them, with what each groups. */
	private static final List<Tag> TAGS = List.of(
			tag("Learnings", "Append to and browse a repository's canonical .learnings.jsonl"),
			tag("Recall", "What do we already know about X? Ranked recall, related rows, summary, digest"),
			tag("Admissions", "The memory admission gate and the immutable memory-source notes it writes"),
			tag("Sessions", "Codex conversation logs: list, read, upload, extract, clean up"),
			tag("Runs", "Lesson signals in sessions, and the memory automation runs keep between runs"),
			tag("Skills", "Skill roots: inventory, validation as skill-creator's quick_validate.py, creation as its "
					+ "init_skill.py, update-or-create matching of lessons, workflow fragments shared by skills"),
			tag("Repositories", "The repositories served, and whether each index matches its file"),
			tag("Administration", "API tokens (admin role in every repository)"));

	@Bean
	OpenAPI learningsOpenApi() {
		return new OpenAPI().info(new Info().title("Learnings service")
			.version("0.1.0")
			.description("Capture, browse and recall a team's evidence-backed execution learnings. "
					+ "Each repository's .learnings.jsonl is the canonical record; the service's index is derived from it.")
			.license(new License().name("MIT"))).servers(List.of(new Server().url("/").description("This service")));
	}

	private static Tag tag(String name, String description) {
		return new Tag().name(name).description(description);
	}

	/**
	 * Lists the tags in {@link #TAGS}' order (springdoc collects the controllers' tags in
	 * no particular order), and gives every documented 4xx and 5xx response the problem
	 * detail body the service answers errors with (springdoc would otherwise give it the
	 * operation's success type), so controllers name only the status and what it means. A
	 * {@code text/plain} string an error response declares (lines a script reads, as
	 * {@link ProofLines} answers them) is kept beside it; springdoc's own filling of an
	 * error response is the operation's return type, never a string.
	 */
	@Bean
	OpenApiCustomizer tagsInReadingOrderAndErrorsAsProblemDetails() {
		return (openApi) -> {
			openApi.setTags(TAGS);
			openApi.getPaths()
				.values()
				.forEach((path) -> path.readOperations()
					.forEach((operation) -> operation.getResponses().forEach((code, response) -> {
						if (code.startsWith("4") || code.startsWith("5")) {
							Content problem = new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
									new io.swagger.v3.oas.models.media.MediaType()
										.schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
							io.swagger.v3.oas.models.media.MediaType lines = (response.getContent() != null)
									? response.getContent().get(MediaType.TEXT_PLAIN_VALUE) : null;
							if (lines != null && isString(lines.getSchema())) {
								problem.addMediaType(MediaType.TEXT_PLAIN_VALUE, lines);
							}
							response.setContent(problem);
						}
					})));
		};
	}

	private static boolean isString(@Nullable Schema<?> schema) {
		return schema != null && ("string".equals(schema.getType())
				|| (schema.getTypes() != null && schema.getTypes().contains("string")));
	}

}

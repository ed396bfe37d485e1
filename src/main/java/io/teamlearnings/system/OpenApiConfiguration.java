package io.teamlearnings.system;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and server of the live OpenAPI description, which the top-level
 * {@code openapi.yaml} publishes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String BEARER = "bearer";

	@Bean
	OpenAPI learningsOpenApi() {
		return new OpenAPI().info(new Info().title("Learnings service")
			.version("0.1.0")
			.description("Capture, browse and recall a team's evidence-backed execution learnings. "
					+ "Each repository's .learnings.jsonl is the canonical record; the service's index is derived from it.")
			.license(new License().name("MIT"))).servers(List.of(new Server().url("/").description("This service")));
	}

}

package io.teamlearnings.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract, {@code openapi.yaml}, is what the running service serves. After
 * an intended API change, regenerate it from a running service:
 * {@code curl -s localhost:8080/v3/api-docs.yaml > openapi.yaml}.
 */
class OpenApiContractTests extends SharedServiceContext {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void servesThePublishedContract() throws IOException {
		HttpClientSupport.Response live = new HttpClientSupport(this.port).get("/v3/api-docs.yaml");
		assertThat(live.status()).isEqualTo(200);

		JsonNode served = YAML.readTree(live.body());
		JsonNode published = YAML.readTree(Files.readString(Path.of("openapi.yaml")));

		assertThat(served).as("openapi.yaml differs from the live spec; regenerate it (see this test's Javadoc)")
			.isEqualTo(published);
	}

	@Test
	void documentsEveryOperationWithASummaryAndItsErrors() throws IOException {
		JsonNode published = YAML.readTree(Files.readString(Path.of("openapi.yaml")));
		published.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			String name = operation.getKey().toUpperCase() + " " + path.getKey();
			assertThat(operation.getValue().path("summary").asString()).as(name + " summary").isNotBlank();
			if (path.getKey().contains("{repo}")) {
				assertThat(operation.getValue().path("responses").has("404")).as(name + " documents 404").isTrue();
			}
		}));
	}

}

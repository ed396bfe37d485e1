package io.teamlearnings.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract, {@code openapi.yaml}, is what the running service serves. After
 * an intended API change, regenerate it from a running service:
 * {@code curl -s localhost:8080/v3/api-docs.yaml > openapi.yaml}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiContractTests {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void repositories(DynamicPropertyRegistry registry) {
		TestStores.serve(registry, Map.entry("contract", TestStores.newDirectory("contract-repo")));
	}

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

package io.teamlearnings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Entry point of the learnings service: a REST front for repository-local
 * {@code .learnings.jsonl} stores, with an H2 index derived from them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LearningsApplication {

	/**
	 * Starts the service; arguments are Spring Boot's ({@code --server.port=8080}, ...).
	 */
	public static void main(String[] args) {
		SpringApplication.run(LearningsApplication.class, args);
	}

}

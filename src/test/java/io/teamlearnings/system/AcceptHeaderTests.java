package io.teamlearnings.system;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one reading of {@code Accept} that every endpoint offering two representations
 * uses.
 */
class AcceptHeaderTests {

	private static final MediaType JSON = MediaType.APPLICATION_JSON;

	private static final MediaType TEXT = MediaType.TEXT_PLAIN;

	@Test
	void answersTheDefaultWithoutAHeaderOrForAnything() {
		assertThat(AcceptHeader.choose(null, JSON, TEXT)).isEqualTo(JSON);
		assertThat(AcceptHeader.choose(" ", TEXT, JSON)).isEqualTo(TEXT);
		assertThat(AcceptHeader.choose("*/*", JSON, TEXT)).isEqualTo(JSON);
		assertThat(AcceptHeader.choose("text/html", JSON, TEXT)).isEqualTo(JSON);
	}

	@Test
	void takesTheFirstOfferedTypeTheBestQualityNames() {
		assertThat(AcceptHeader.choose("text/plain", JSON, TEXT)).isEqualTo(TEXT);
		assertThat(AcceptHeader.choose("text/*", JSON, TEXT)).isEqualTo(TEXT);
		assertThat(AcceptHeader.choose("text/plain, application/json", JSON, TEXT)).isEqualTo(TEXT);
		assertThat(AcceptHeader.choose("application/json, text/plain;q=0.1", TEXT, JSON)).isEqualTo(JSON);
		assertThat(AcceptHeader.choose("text/plain;q=0.5, application/json", JSON, TEXT)).isEqualTo(JSON);
	}

	@Test
	void skipsTypesTheCallerRefusesWithQualityZero() {
		assertThat(AcceptHeader.choose("text/markdown;q=0", JSON, MediaType.parseMediaType("text/markdown")))
			.isEqualTo(JSON);
		assertThat(AcceptHeader.choose("application/json;q=0, text/plain", JSON, TEXT)).isEqualTo(TEXT);
	}

	@Test
	void answersTheDefaultForAnUnreadableHeader() {
		assertThat(AcceptHeader.choose("not a media type;;", TEXT, JSON)).isEqualTo(TEXT);
	}

}

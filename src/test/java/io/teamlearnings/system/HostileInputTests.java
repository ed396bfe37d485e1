package io.teamlearnings.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken requests over real HTTP: each gets a 4xx problem detail and nothing
 * is written.
 */
class HostileInputTests extends SharedServiceContext {

	private static final Path ROOT = root("hostile-app");

	private static final Path STORE = ROOT.resolve(".learnings.jsonl");

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void rejectsHostileBodiesWithProblemsAndWritesNothing() throws Exception {
		String nested = "{\"learning\": \"x\", \"evidence\": " + "[".repeat(3000) + "]".repeat(3000)
				+ ", \"application\": \"a\", \"status\": \"do_more\"}";
		byte[] invalidUtf8 = "{\"learning\": \"caf\u00e9\", \"evidence\": \"e\", \"application\": \"a\", \"status\": \"do_more\"}"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		List<Response> responses = new ArrayList<>();
		responses.add(this.http.postJson("/api/repos/hostile-app/learnings", nested));
		responses.add(this.http.send(HttpRequest.newBuilder(uri("/api/repos/hostile-app/learnings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8))
			.build()));
		responses.add(this.http.postJson("/api/repos/hostile-app/learnings",
				HttpClientSupport.learningJson("Bell \u0007 and escape \u001b[31m in text.", "do_more")));
		responses.add(this.http.postJson("/api/repos/hostile-app/learnings",
				HttpClientSupport.learningJson("x".repeat(5000), "do_more")));
		responses.add(this.http.postJson("/api/repos/hostile-app/learnings",
				HttpClientSupport.learningJson("Unknown status.", "maybe_later")));
		responses.add(this.http.postJson("/api/repos/hostile-app/learnings", "[1, 2, 3]"));

		for (Response response : responses) {
			assertThat(response.status()).as(response.body()).isBetween(400, 499);
			assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
		}
		assertThat(responses.get(2).json().get("detail").asString()).contains("'learning'", "control characters");
		assertThat(STORE).doesNotExist();
	}

	@Test
	void tellsABodyWithoutAContentTypeWhatToSend() {
		Response refused = this.http.send(HttpRequest.newBuilder(uri("/api/repos/hostile-app/learnings"))
			.POST(HttpRequest.BodyPublishers.ofString(HttpClientSupport.learningJson("No content type.", "do_more")))
			.build());

		assertThat(refused.status()).isEqualTo(415);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).startsWith("The request has no Content-Type header")
			.contains("application/json")
			.doesNotContain("'null'");
		assertThat(STORE).doesNotExist();
	}

	@Test
	void refusesOverlongUtf8AndSpeaksNoParserFeatureNames() {
		byte[] overlong = ("{\"learning\": \"When a path holds ..\u00c0\u00af, prefer refusing it because it is not UTF-8.\", "
				+ "\"evidence\": \"HostileInputTests.java -> passed\", \"application\": \"a\", \"status\": \"do_more\"}")
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		Response refused = this.http.send(HttpRequest.newBuilder(uri("/api/repos/hostile-app/learnings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(overlong))
			.build());
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("not UTF-8");

		Response nan = this.http.postJson("/api/repos/hostile-app/learnings?force=false",
				"{\"learning\": \"x\", \"evidence\": NaN}");
		Response comment = this.http.postJson("/api/repos/hostile-app/learnings", "{/* c */ \"learning\": \"x\"}");
		for (Response response : List.of(nan, comment)) {
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.body()).doesNotContain("JsonReadFeature", "ALLOW_", "Feature '", "Source:", "`");
		}
		assertThat(STORE).doesNotExist();
	}

	@Test
	void rejectsRepositoryNamesAndIdsThatTryToEscape() {
		List<String> paths = List.of("/api/repos/..%2F..%2Fetc/learnings", "/api/repos/%2e%2e/learnings",
				"/api/repos/../learnings", "/api/repos/%2Fetc%2Fpasswd/learnings",
				"/api/repos/hostile-app%00/learnings", "/api/repos/hostile-app;x=1/learnings",
				"/api/repos/hostile-app/learnings/..%2F..%2Fsecret", "/api/repos/hostile-app/learnings/%2e%2e",
				"/api/repos/hostile-app/admissions/..%2F..%2Fetc%2Fpasswd",
				"/api/repos/hostile-app/admissions/MSN-..%2F..");
		List<String> wrong = new ArrayList<>();
		for (String path : paths) {
			Response response = this.http.send(HttpRequest.newBuilder(uri(path)).GET().build());
			boolean problem = response.contentType().startsWith("application/problem+json");
			if (response.status() < 400 || response.status() > 499 || !problem) {
				wrong.add(path + " -> " + response.status() + " " + response.contentType());
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(Files.exists(STORE)).isFalse();
	}

	@Test
	void saysAQueryTooLongForTheRequestLineIsTooLong() {
		Response response = this.http
			.send(HttpRequest.newBuilder(uri("/api/repos/hostile-app/learnings/recall?query=" + "retry+".repeat(1500)))
				.GET()
				.build());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("longer than the server accepts")
			.doesNotContain("encoded slashes");
	}

	@Test
	void namesAQueryParameterThatIsNotPercentEncodedUtf8() {
		List<String> paths = List.of("/api/repos/hostile-app/learnings?status=%ff",
				"/api/repos/hostile-app/learnings?tag=%c3%28", "/api/repos/hostile-app/learnings/recall?query=%ff",
				"/api/repos/hostile-app/learnings/codify-candidates?min_count=%ff");
		for (String path : paths) {
			Response response = this.http.send(HttpRequest.newBuilder(uri(path)).GET().build());
			String parameter = path.substring(path.indexOf('?') + 1, path.indexOf('='));
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).as(path)
				.contains("'" + parameter + "'", "percent-encoded UTF-8");
		}
		Response append = this.http.postJson("/api/repos/hostile-app/learnings?quality_mode=%ff", HttpClientSupport
			.learningJson("When a query is mangled, refuse it because it was not sent.", "do_more"));
		assertThat(append.status()).isEqualTo(400);
		assertThat(append.json().get("detail").asString()).contains("'quality_mode'");
		assertThat(STORE).doesNotExist();
	}

	@Test
	void refusesValuesOfTheWrongJsonTypeInsteadOfConvertingThem() {
		String valid = "\"learning\": \"When tags are numbers, refuse them because nobody meant 5.\", "
				+ "\"evidence\": [\"3 tests passed\"], \"application\": \"Send tags as strings.\"";
		List<String> bodies = List.of("{" + valid + ", \"tags\": 5}", "{" + valid + ", \"tags\": [1, true]}",
				"{\"learning\": 5, \"evidence\": [\"3 tests passed\"], \"application\": \"x y z\"}",
				"{" + valid.replace("[\"3 tests passed\"]", "[\"3 tests passed\", 5]") + "}",
				"{" + valid + ", \"status\": false}");
		for (String body : bodies) {
			Response response = this.http.postJson("/api/repos/hostile-app/learnings", body);
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.json().get("detail").asString()).as(body)
				.containsPattern("Field '(tags|learning|evidence|status)(\\[\\d+\\])?'")
				.doesNotContain("java.", "io.teamlearnings", "`");
		}
		Response twice = this.http.postJson("/api/repos/hostile-app/learnings",
				"{" + valid + ", \"learning\": \"dup\"}");
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.json().get("detail").asString()).contains("Duplicate", "learning");
		Response array = this.http.postJson("/api/repos/hostile-app/learnings", "[]");
		assertThat(array.status()).isEqualTo(400);
		assertThat(array.json().get("detail").asString()).contains("JSON object")
			.doesNotContain("java.", "io.teamlearnings", "`");
		assertThat(STORE).doesNotExist();
	}

	@Test
	void refusesTextThatIsNotValidUnicode() {
		Response response = this.http.postJson("/api/repos/hostile-app/learnings?force=true",
				"{\"learning\": \"When lone \\ud800 surrogates come, use care because bytes.\", "
						+ "\"evidence\": [\"3 tests passed\"], \"application\": \"Send whole characters.\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("detail").asString()).contains("'learning'", "surrogate");
		assertThat(STORE).doesNotExist();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}

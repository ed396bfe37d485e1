package io.teamlearnings.learnings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code learnings} tool's write (size, then seek and write the line, then
 * {@code \n}, without a lock or {@code O_APPEND}; seed-tools.md section 1,
 * {@code apps/learnings/scripts/append_learning.zig}) racing a service append: the
 * service's acknowledged row is overwritten, health reports it from the journal, and
 * repair appends it back byte for byte.
 */
class LostAcknowledgedRowsTests extends SharedServiceContext {

	private static final String REPO = "lost-acks";

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void aRowTheToolOverwroteIsReportedAndRestoredByteForByte() throws IOException {
		Path store = root(REPO).resolve(".learnings.jsonl");
		String first = append("When exporting billing runs, prefer idempotent keys because 3 tests passed with them.");

		// the tool takes the file size ...
		long toolOffset = Files.size(store);
		// ... the service appends and acknowledges a row in between ...
		String acknowledged = append("When retrying webhooks, prefer jittered backoff because 3 tests passed with it.");
		byte[] acknowledgedLine = Arrays.copyOfRange(Files.readAllBytes(store), (int) toolOffset,
				(int) Files.size(store) - 1);
		assertThat(new String(acknowledgedLine, StandardCharsets.UTF_8)).contains("\"id\":\"" + acknowledged + "\"");
		// ... and the tool writes its own row at the offset it took: line, then newline
		String toolId = "lrn-20261123T120000Z-0badc0de";
		String toolLine = "{\"id\":\"" + toolId + "\",\"captured_at\":\"2026-11-23T12:00:00Z\",\"status\":\"do_more\","
				+ "\"learning\":\"When a command-line tool appends to a shared jsonl file, prefer O_APPEND writes "
				+ "because a seek to a stale size overwrites the rows other writers appended meanwhile.\","
				+ "\"evidence\":[\"3 tests passed\"],\"application\":\"apply: open the store with O_APPEND and take an exclusive lock on the lock file "
				+ "next to it before every append, so that a service appending at the same moment keeps its row\","
				+ "\"source\":\"learnings-cli\",\"fingerprint\":\"" + "0badc0de".repeat(8) + "\"}";
		assertThat(toolLine.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(acknowledgedLine.length);
		try (FileChannel tool = FileChannel.open(store, StandardOpenOption.WRITE)) {
			tool.position(toolOffset);
			tool.write(ByteBuffer.wrap(toolLine.getBytes(StandardCharsets.UTF_8)));
			tool.write(ByteBuffer.wrap(new byte[] { '\n' }));
		}
		assertThat(Files.readString(store)).doesNotContain(acknowledged);

		JsonNode lost = this.http.get("/api/repos/" + REPO + "/health").json();
		assertThat(lost.get("healthy").asBoolean()).isFalse();
		assertThat(lost.get("lost_acknowledged_rows")).hasSize(1);
		assertThat(lost.get("lost_acknowledged_rows").get(0).get("id").asString()).isEqualTo(acknowledged);
		assertThat(lost.get("lost_acknowledged_rows").get(0).get("acknowledged_at").asString()).isNotBlank();
		assertThat(this.http.get(learning(acknowledged)).status()).isEqualTo(404);

		Response repaired = this.http.postJson("/api/repos/" + REPO + "/repair", "", "application/json");
		assertThat(repaired.status()).isEqualTo(200);
		assertThat(repaired.json().get("restored")).hasSize(1);
		assertThat(repaired.json().get("restored").get(0).get("id").asString()).isEqualTo(acknowledged);

		byte[] file = Files.readAllBytes(store);
		byte[] tail = Arrays.copyOfRange(file, file.length - acknowledgedLine.length - 1, file.length);
		byte[] expectedTail = Arrays.copyOf(acknowledgedLine, acknowledgedLine.length + 1);
		expectedTail[acknowledgedLine.length] = '\n';
		assertThat(tail).isEqualTo(expectedTail);
		assertThat(Files.readString(store)).contains(toolLine + "\n");
		JsonNode clean = this.http.get("/api/repos/" + REPO + "/health").json();
		assertThat(clean.get("healthy").asBoolean()).isTrue();
		assertThat(clean.get("lost_acknowledged_rows")).isEmpty();
		assertThat(clean.get("rows_in_index").asLong()).isEqualTo(3);
		assertThat(this.http.get(learning(acknowledged)).status()).isEqualTo(200);
		assertThat(this.http.get(learning(toolId)).status()).isEqualTo(200);
		assertThat(this.http.get(learning(first)).status()).isEqualTo(200);

		Response again = this.http.postJson("/api/repos/" + REPO + "/repair", "", "text/plain");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo("restored: none path=" + store + "\n");
		assertThat(Files.readAllBytes(store)).isEqualTo(file);
	}

	private String append(String learning) {
		Response response = this.http.postJson("/api/repos/" + REPO + "/learnings",
				HttpClientSupport.learningJson(learning, "do_more"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static String learning(String id) {
		return "/api/repos/" + REPO + "/learnings/" + id;
	}

}

package io.teamlearnings.sessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Properties of the Codex session reader over generated and mutated files: it never
 * throws on any content, and every message of a valid record survives any garbage lines
 * around it.
 */
class RolloutReaderPropertyTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final RolloutReader reader = new RolloutReader();

	@TempDir
	Path dir;

	@Test
	void breaksLinesExactlyAsSplittingAtLfCrLfOrCrDoes() {
		java.util.regex.Pattern lineBreak = java.util.regex.Pattern.compile("\r\n|\r|\n");
		String alphabet = "ab\r\n{}\u00e9";
		qt().withExamples(2000)
			.forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 40))
			.check((picks) -> {
				StringBuilder text = new StringBuilder();
				picks.forEach((pick) -> text.append(alphabet.charAt(pick)));
				byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
				List<String> lines = RolloutReader.lines(bytes)
					.stream()
					.map((range) -> new String(bytes, range[0], range[1] - range[0],
							java.nio.charset.StandardCharsets.UTF_8))
					.toList();
				return lines.equals(List.of(lineBreak.split(text.toString(), -1)));
			});
	}

	@Test
	void neverThrowsOnArbitraryContent() {
		qt().withExamples(300).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 400)).check((values) -> {
			byte[] bytes = new byte[values.size()];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = values.get(i).byteValue();
			}
			return read(bytes) != null;
		});
	}

	@Test
	void keepsEveryMessageAmongGarbageLines() {
		qt().withExamples(200)
			.forAll(lists().of(strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(1, 60)).ofSizeBetween(1, 15),
					strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 80))
			.check((messages, garbage) -> {
				StringBuilder file = new StringBuilder(record("session_meta",
						MAPPER.createObjectNode().put("id", "s").put("timestamp", "2026-11-23T08:00:00Z")))
					.append('\n');
				for (String message : messages) {
					file.append(garbage.replace('\n', ' ')).append('\n');
					file.append(record("event_msg",
							MAPPER.createObjectNode().put("type", "user_message").put("message", message)))
						.append('\n');
				}
				Rollout rollout = read(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				List<String> texts = rollout.eventMessages().stream().map(Rollout.Message::text).toList();
				return texts.equals(messages);
			});
	}

	private Rollout read(byte[] bytes) {
		try {
			Path file = Files.createTempFile(this.dir, "rollout", ".jsonl");
			Files.write(file, bytes);
			return this.reader.read(file, SessionFiles.SESSIONS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String record(String type, ObjectNode payload) {
		ObjectNode record = MAPPER.createObjectNode().put("timestamp", "2026-11-23T08:00:00Z").put("type", type);
		record.set("payload", payload);
		return MAPPER.writeValueAsString(record);
	}

}

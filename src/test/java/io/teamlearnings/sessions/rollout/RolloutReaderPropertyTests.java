package io.teamlearnings.sessions.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;
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

	private final RolloutReader reader = new RolloutReader(() -> DataSize.ofMegabytes(64));

	@TempDir
	Path dir;

	@Test
	void breaksLinesExactlyAsSplittingAtLfCrLfOrCrDoesWhateverTheChunks() {
		java.util.regex.Pattern lineBreak = java.util.regex.Pattern.compile("\r\n|\r|\n");
		String alphabet = "ab\r\n{}\u00e9";
		qt().withExamples(2000)
			.forAll(lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(0, 40),
					integers().between(1, 9))
			.check((picks, chunk) -> {
				StringBuilder text = new StringBuilder();
				picks.forEach((pick) -> text.append(alphabet.charAt(pick)));
				byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
				return lines(bytes, 1024, chunk).equals(List.of(lineBreak.split(text.toString(), -1)));
			});
	}

	@Test
	void dropsTheBytesOfLinesOverTheLimitAndKeepsTheirLength() {
		qt().withExamples(1000)
			.forAll(lists().of(integers().between(0, 12)).ofSizeBetween(1, 12), integers().between(1, 9),
					integers().between(0, 8))
			.check((lengths, chunk, limit) -> {
				StringBuilder text = new StringBuilder();
				lengths.forEach((length) -> text.append("x".repeat(length)).append('\n'));
				byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
				List<String> expected = new java.util.ArrayList<>();
				lengths.forEach((length) -> expected.add((length <= limit) ? "x".repeat(length) : "<" + length + ">"));
				expected.add("");
				return lines(bytes, limit, chunk).equals(expected);
			});
	}

	/** The lines a {@link LineReader} gives, a dropped one as {@code <size>}. */
	private static List<String> lines(byte[] bytes, long limit, int chunk) {
		try {
			LineReader reader = new LineReader(new java.io.ByteArrayInputStream(bytes), limit, chunk);
			List<String> lines = new java.util.ArrayList<>();
			for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
				lines.add(line.kept()
						? new String(line.bytes(), 0, (int) line.size(), java.nio.charset.StandardCharsets.UTF_8)
						: "<" + line.size() + ">");
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
			return this.reader.read(file, "sessions");
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

package io.teamlearnings.learnings.jsonl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Properties of the JSONL reader over generated input: arbitrary bytes never make it
 * throw, every valid row is kept exactly as written, and mixing valid rows with broken
 * lines drops none of the valid ones.
 */
class LineParserPropertyTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final LineParser parser = new LineParser();

	@TempDir
	Path dir;

	private static Gen<byte[]> bytes() {
		return lists().of(integers().between(-128, 127)).ofSizeBetween(0, 300).map((values) -> {
			byte[] bytes = new byte[values.size()];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = values.get(i).byteValue();
			}
			return bytes;
		});
	}

	private static Gen<String> text() {
		return strings().betweenCodePoints(0, 0xD7FF).ofLengthBetween(0, 120);
	}

	@Test
	void saysARowNestedPastTheParsersLimitIsBeyondWhatItReadsWithoutNamingTheParser() {
		String deep = "{\"id\":\"lrn-deep\",\"u\":" + "[".repeat(900) + "]".repeat(900) + "}";

		LineParser.ParsedLine parsed = this.parser.parse(deep.getBytes(StandardCharsets.UTF_8));

		assertThat(parsed).isInstanceOfSatisfying(LineParser.Malformed.class, (malformed) -> {
			assertThat(malformed.reason()).startsWith("JSON beyond what the service reads")
				.contains("nesting depth")
				.doesNotContain("StreamReadConstraints", "`");
		});
	}

	@Test
	void neverThrowsOnArbitraryBytes() {
		qt().withExamples(500).forAll(bytes()).check((bytes) -> this.parser.parse(bytes) != null);
	}

	@Test
	void keepsEveryRowItAcceptsExactlyAsWritten() {
		qt().withExamples(500).forAll(text(), text()).check((learning, extra) -> {
			String line = row(learning, extra);
			LineParser.ParsedLine parsed = this.parser.parse(line.getBytes(StandardCharsets.UTF_8));
			return parsed instanceof LineParser.Row row && row.row().raw().equals(line)
					&& row.row().learning().equals(learning);
		});
	}

	@Test
	void dropsNoValidLineAmongBrokenOnes() {
		qt().withExamples(100)
			.forAll(lists().of(text()).ofSizeBetween(1, 20), bytes())
			.checkAssert((learnings, noise) -> {
				List<String> rows = new ArrayList<>();
				ByteArrayOutputStream file = new ByteArrayOutputStream();
				for (String learning : learnings) {
					String row = row(learning, "");
					rows.add(row);
					file.writeBytes((row + "\n").getBytes(StandardCharsets.UTF_8));
					for (byte b : noise) {
						file.write((b == '\n') ? ' ' : b);
					}
					file.write('\n');
				}
				List<String> read = new ArrayList<>();
				try {
					Path jsonl = Files.createTempFile(this.dir, "rows", ".jsonl");
					Files.write(jsonl, file.toByteArray());
					JsonlScanner.scan(jsonl, 0, 1, (line) -> {
						if (this.parser.parse(line.bytes()) instanceof LineParser.Row row) {
							read.add(row.row().raw());
						}
					});
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
				assertThat(read).containsSubsequence(rows);
			});
	}

	private static String row(String learning, String extra) {
		return "{\"id\":\"lrn-1\",\"learning\":" + MAPPER.writeValueAsString(learning) + ",\"x\":"
				+ MAPPER.writeValueAsString(extra) + "}";
	}

}

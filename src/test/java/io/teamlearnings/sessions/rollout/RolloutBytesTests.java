package io.teamlearnings.sessions.rollout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.teamlearnings.system.PythonText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field case E (`../shared/cases/field-reports-2026-11.md`): the bytes a rollout file may
 * hold. An invalid UTF-8 byte costs only its own line, wherever it is; text is stripped
 * with Python's white space, as the seed's {@code extract_recent_conversations.py} does.
 */
class RolloutBytesTests {

	/**
	 * Every code point for which Python's {@code str.isspace()} is true (what
	 * {@code str.strip()} removes), computed with Python 3.11.7:
	 * {@code python3 -c "print(' '.join('%04X'%c for c in range(0x110000) if chr(c).isspace()))"}.
	 */
	private static final Set<Integer> PYTHON_WHITESPACE = Set.of(0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x001C, 0x001D,
			0x001E, 0x001F, 0x0020, 0x0085, 0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
			0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000);

	private final RolloutReader reader = new RolloutReader(() -> DataSize.ofMegabytes(64));

	@TempDir
	Path dir;

	@Test
	void stripsExactlyPythonsWhiteSpaceSet() {
		java.util.List<String> differences = new java.util.ArrayList<>();
		for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
			String one = Character.toString(c);
			boolean python = PYTHON_WHITESPACE.contains(c);
			String expected = python ? "x" : one + "x" + one;
			if (PythonText.isSpace(c) != python || !PythonText.strip(one + "x" + one).equals(expected)
					|| !PythonText.stripTrailing("x" + one).equals(python ? "x" : "x" + one)
					|| PythonText.isBlank(one + one) != python
					|| !PythonText.strip("x" + one + "x").equals("x" + one + "x")) {
				differences.add(String.format("U+%04X", c));
			}
		}
		assertThat(differences).isEmpty();
		assertThat(PythonText.isBlank("\u00a0\u202f\u2028\u0085\u3000")).isTrue();
		assertThat(PythonText.isBlank("\u200b")).as("zero-width space is not white space in Python").isFalse();
	}

	@Test
	void skipsOnlyTheLineWithAnInvalidByte() throws IOException {
		Path file = copy("e1-invalid-utf8.jsonl");

		Rollout rollout = this.reader.read(file, "upload");

		assertThat(rollout.id()).isEqualTo("0199a600-e1e1-7e1e-8e1e-e1e1e1e1e1e1");
		assertThat(rollout.conversation()).extracting(Rollout.Message::line, Rollout.Message::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "Keep going after the damaged line"),
					org.assertj.core.groups.Tuple.tuple(4L, "Done."));
		assertThat(rollout.problems())
			.containsExactly(new Rollout.Problem(2, "not UTF-8: invalid byte 0xff at byte 106"));
		assertThat(rollout.torn()).isFalse();
		assertThat(this.reader.metaStart(file)).isEqualTo(Instant.parse("2026-11-23T11:50:00Z"));
	}

	@Test
	void anInvalidByteFarIntoTheFileCostsOnlyItsLineToo() throws IOException {
		String meta = "{\"timestamp\":\"2026-11-23T11:50:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"s-far\","
				+ "\"timestamp\":\"2026-11-23T11:50:00Z\",\"cwd\":\"/w\"}}\r\n";
		String big = user("x".repeat(20_000)) + "\r";
		byte[] bad = (user("truncated ") + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] damaged = new byte[bad.length + 1];
		int quote = new String(bad, StandardCharsets.UTF_8).indexOf("truncated ") + "truncated ".length();
		System.arraycopy(bad, 0, damaged, 0, quote);
		damaged[quote] = (byte) 0xc3; // the first byte of a two-byte sequence, cut off
		System.arraycopy(bad, quote, damaged, quote + 1, bad.length - quote);
		Path file = this.dir.resolve("rollout-far.jsonl");
		Files.write(file, concat(meta.getBytes(StandardCharsets.UTF_8), big.getBytes(StandardCharsets.UTF_8), damaged,
				(user("\u00a0after\u2028") + "\n").getBytes(StandardCharsets.UTF_8)));

		Rollout rollout = this.reader.read(file, "upload");

		assertThat(rollout.conversation()).extracting(Rollout.Message::line).containsExactly(2L, 4L);
		assertThat(rollout.problems()).extracting(Rollout.Problem::line).containsExactly(3L);
		assertThat(rollout.problems().get(0).reason()).startsWith("not UTF-8: invalid byte 0xc3");
		assertThat(PythonText.strip(rollout.conversation().get(1).text())).isEqualTo("after");
	}

	@Test
	void aFirstLineThatIsNotUtf8IsNoSessionMetaButTheRestIsRead() throws IOException {
		Path file = this.dir.resolve("rollout-first.jsonl");
		Files.write(file, concat(new byte[] { '{', (byte) 0xff, '}', '\n' },
				(user("still here") + "\n").getBytes(StandardCharsets.UTF_8)));

		assertThat(this.reader.metaStart(file)).isNull();
		Rollout rollout = this.reader.read(file, "upload");
		assertThat(rollout.problems()).extracting(Rollout.Problem::line).containsExactly(1L);
		assertThat(rollout.conversation()).extracting(Rollout.Message::text).containsExactly("still here");
	}

	@Test
	void anUnfinishedMultiByteCharacterOnTheLastLineIsATornFile() throws IOException {
		Path file = copy("e1-invalid-utf8.jsonl");
		Files.write(file, new byte[] { '{', '"', (byte) 0xe2, (byte) 0x80 }, java.nio.file.StandardOpenOption.APPEND);

		Rollout rollout = this.reader.read(file, "upload");

		assertThat(rollout.torn()).isTrue();
		assertThat(rollout.problems()).extracting(Rollout.Problem::line).containsExactly(2L);
	}

	@Test
	void aUserMessageOfOneNoBreakSpaceIsNoMessage() throws IOException {
		Rollout rollout = this.reader.read(copy("e2-nbsp-only.jsonl"), "upload");

		assertThat(rollout.conversation()).isEmpty();
		assertThat(rollout.problems()).isEmpty();
	}

	/**
	 * Starts written in any form Python's {@code datetime.fromisoformat} (3.11) reads are
	 * starts: the seed selects those sessions.
	 */
	@Test
	void readsStartsInEveryFormPythonsFromisoformatAccepts() throws IOException {
		Map<String, Instant> forms = Map.of("2026-11-30 05:34:54+00:00", Instant.parse("2026-11-30T05:34:54Z"),
				"2026-11-30T05:34:54+0000", Instant.parse("2026-11-30T05:34:54Z"), "2026-11-30T05:34:54,123+00:00",
				Instant.parse("2026-11-30T05:34:54.123Z"), "2026-11-30T07:34:54+02:00",
				Instant.parse("2026-11-30T05:34:54Z"), "20261130T053454Z", Instant.parse("2026-11-30T05:34:54Z"),
				"2026-11-30T05:34", Instant.parse("2026-11-30T05:34:00Z"), "2026-11-30",
				Instant.parse("2026-11-30T00:00:00Z"), "2026-11-30T05:34:54.1234567Z",
				Instant.parse("2026-11-30T05:34:54.123456700Z"));
		for (Map.Entry<String, Instant> form : forms.entrySet()) {
			Path file = this.dir.resolve("rollout-" + Math.abs(form.getKey().hashCode()) + ".jsonl");
			Files.writeString(file,
					"{\"type\":\"session_meta\",\"payload\":{\"id\":\"s\",\"timestamp\":\"" + form.getKey() + "\"}}\n");
			assertThat(this.reader.metaStart(file)).as(form.getKey()).isEqualTo(form.getValue());
		}
		Path bad = this.dir.resolve("rollout-bad.jsonl");
		Files.writeString(bad, "{\"type\":\"session_meta\",\"payload\":{\"timestamp\":\"2026-13-30T05:34:54Z\"}}\n");
		assertThat(this.reader.metaStart(bad)).isNull();
	}

	@Test
	void aDamagedByteInTheFirstLineCostsThatLineButNotTheSessionsStart() throws IOException {
		byte[] meta = "{\"timestamp\":\"2026-11-23T11:50:00Z\",\"type\":\"session_meta\",\"payload\":{\"id\":\"s1\",\"cwd\":\"/w\u00e9\"}}\n"
			.getBytes(StandardCharsets.UTF_8);
		int at = new String(meta, StandardCharsets.ISO_8859_1).indexOf("\u00c3");
		meta[at] = (byte) 0xff;
		Path file = this.dir.resolve("rollout-first-damaged.jsonl");
		Files.write(file, concat(meta, (user("still read") + "\n").getBytes(StandardCharsets.UTF_8)));

		assertThat(this.reader.metaStart(file)).isEqualTo(Instant.parse("2026-11-23T11:50:00Z"));
		Rollout rollout = this.reader.read(file, "sessions");
		assertThat(rollout.problems()).extracting(Rollout.Problem::line).containsExactly(1L);
		assertThat(rollout.conversation()).extracting(Rollout.Message::text).containsExactly("still read");
	}

	/** JSON Python's {@code json.loads} reads, which the seed keeps. */
	@Test
	void readsTheJsonPythonReads() throws IOException {
		String nested = "[".repeat(600) + "]".repeat(600);
		Path file = this.dir.resolve("rollout-python-json.jsonl");
		Files.writeString(file, String.join("\n", List.of(
				"{\"timestamp\":\"2026-11-23T11:50:01Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"one\",\"score\":NaN}}",
				"{\"timestamp\":\"2026-11-23T11:50:02Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"two\",\"n\":"
						+ "9".repeat(1500) + "}}",
				"{\"timestamp\":\"2026-11-23T11:50:03Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"three\",\"deep\":"
						+ nested + "}}",
				"{\"timestamp\":\"2026-11-23T11:50:04Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\",\"message\":\"x\",\"bad\":01}}",
				"")));

		Rollout rollout = this.reader.read(file, "sessions");

		assertThat(rollout.conversation()).extracting(Rollout.Message::text).containsExactly("one", "two", "three");
		assertThat(rollout.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.reason()).startsWith("not JSON: ").doesNotContain("`"));
	}

	private static String user(String text) {
		return "{\"timestamp\":\"2026-11-23T11:50:01Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"user_message\","
				+ "\"message\":\"" + text + "\"}}";
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private Path copy(String name) throws IOException {
		Path target = this.dir.resolve(name);
		try (InputStream in = RolloutBytesTests.class.getResourceAsStream("/cases/" + name)) {
			Files.copy(in, target);
		}
		return target;
	}

}

package io.teamlearnings.learnings.recall;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.repos.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Field report case A and its whole kind, as a property: a row from another writer whose
 * fields hold arbitrary JSON (any type, any size, any code point, in every field the
 * index reads) never stops its repository from being indexed and served. The row is
 * either indexed or recorded as malformed with a reason naming no SQL, the rows around it
 * are always indexed, and the chains of every indexed row can be followed.
 */
@JdbcTest
// the index poll would call the Repositories mock while a test stubs it (a Mockito race)
@TestPropertySource(properties = "learnings.store.poll-interval=1h")
@Import(RecallSlice.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class OddRowValuesPropertyTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> FIELDS = List.of("id", "captured_at", "status", "learning", "application",
			"evidence", "source", "fingerprint", "tags", "related_ids", "supersedes_id", "context");

	@TempDir
	Path root;

	@Autowired
	LearningIndex index;

	@Autowired
	RecallCorpus corpus;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void arbitraryValuesInEveryFieldNeverStopARepositoryFromBeingServed() {
		Repo repo = new Repo("odd-values", this.root);
		qt().withExamples(300).forAll(longs().all()).checkAssert((seed) -> {
			ObjectNode odd = oddRow(new Random(seed));
			try {
				Files.writeString(repo.storeFile(), normalRow("lrn-before") + "\n"
						+ escapeLoneSurrogates(MAPPER.writeValueAsString(odd)) + "\n" + normalRow("lrn-after") + "\n",
						StandardCharsets.UTF_8);
				this.index.rebuild(repo);
			}
			catch (IOException ex) {
				throw new AssertionError(ex);
			}
			List<String> ids = this.jdbc.queryForList("SELECT id FROM learning_row WHERE repo = ? ORDER BY line_no",
					String.class, repo.name());
			List<String> reasons = this.jdbc.queryForList("SELECT reason FROM malformed_line WHERE repo = ?",
					String.class, repo.name());
			assertThat(ids).as(odd.toString()).contains("lrn-before", "lrn-after");
			assertThat(ids.size() + reasons.size()).as(odd.toString()).isEqualTo(3);
			assertThat(reasons).allSatisfy(
					(reason) -> assertThat(reason).doesNotContainIgnoringCase("sql").doesNotContain("Exception:"));
			int served = this.corpus.read(repo, (rows) -> {
				rows.docs().forEach((doc) -> rows.standing(doc, null));
				return rows.docs().size();
			});
			assertThat(served).isEqualTo(ids.size());
		});
	}

	private static String normalRow(String id) {
		return "{\"id\":\"" + id + "\",\"status\":\"do_more\",\"learning\":\"When indexing odd rows, "
				+ "prefer keeping the others because 3 tests passed.\"}";
	}

	/** A row whose fields are arbitrary JSON, its id a string more often than not. */
	private static ObjectNode oddRow(Random random) {
		ObjectNode row = NODES.objectNode();
		for (String field : FIELDS) {
			if (random.nextInt(4) == 0) {
				continue;
			}
			JsonNode value = (field.equals("id") && random.nextInt(3) > 0) ? NODES.stringNode(text(random))
					: value(random, 3);
			row.set(field, value);
		}
		if (random.nextBoolean()) {
			row.set(FIELDS.get(random.nextInt(FIELDS.size())), NODES.stringNode("a".repeat(random.nextInt(70_000))));
		}
		return row;
	}

	private static JsonNode value(Random random, int depth) {
		switch (random.nextInt((depth > 0) ? 10 : 8)) {
			case 0:
				return NODES.nullNode();
			case 1:
				return NODES.booleanNode(random.nextBoolean());
			case 2:
				return NODES.numberNode(random.nextLong());
			case 3:
				return NODES.numberNode(new BigDecimal(new BigInteger(200, random), random.nextInt(400) - 200));
			case 4:
				return NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
			case 5:
				return NODES.stringNode(timeLike(random));
			case 6:
			case 7:
				return NODES.stringNode(text(random));
			case 8:
				ArrayNode array = NODES.arrayNode();
				for (int i = random.nextInt(6); i > 0; i--) {
					array.add(value(random, depth - 1));
				}
				return array;
			default:
				ObjectNode object = NODES.objectNode();
				for (int i = random.nextInt(5); i > 0; i--) {
					object.set(random.nextBoolean() ? List.of("repo", "branch", "paths").get(random.nextInt(3))
							: text(random), value(random, depth - 1));
				}
				return object;
		}
	}

	/** Text of any code points, lone surrogates, NUL and line separators included. */
	private static String text(Random random) {
		int length = (random.nextInt(10) == 0) ? random.nextInt(5_000) : random.nextInt(80);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(5)) {
				case 0 -> text.append((char) random.nextInt(0x20));
				case 1 -> text.append((char) (0xD800 + random.nextInt(0x800)));
				case 2 -> text.appendCodePoint(random.nextInt(0x10FFFF - 0xE000) + 0xE000);
				default -> text.append((char) (0x20 + random.nextInt(0x5F)));
			}
		}
		return text.toString();
	}

	/**
	 * JSON text with each lone surrogate (which UTF-8 cannot encode) written as a
	 * {@code \\uXXXX} escape, as another writer may do; every surrogate is inside a
	 * string.
	 */
	private static String escapeLoneSurrogates(String json) {
		StringBuilder out = new StringBuilder(json.length());
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < json.length()
					&& Character.isLowSurrogate(json.charAt(i + 1));
			if (pair) {
				out.append(c).append(json.charAt(++i));
			}
			else if (Character.isSurrogate(c)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** Capture times from the ordinary to the absurd. */
	private static String timeLike(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> "2026-11-20T10:00:00Z";
			case 1 -> "+999999999-12-31T23:59:59Z";
			case 2 -> "-999999999-01-01T00:00:00+18:00";
			case 3 -> "0000-01-01T00:00:00-18:00";
			default -> "9999-12-31T23:59:59.999999999-18:00";
		};
	}

}

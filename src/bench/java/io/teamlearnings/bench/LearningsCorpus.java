package io.teamlearnings.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import io.teamlearnings.learnings.quality.QualityGate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated {@code .learnings.jsonl} stores of realistic shape for the benchmarks,
 * repeatable from a seed. Each row is one of the 410 real rows of the dotfiles fixture
 * with about a third of its words swapped for words drawn from the fixture's own
 * vocabulary (by frequency, so common words stay common) and a topic identifier drawn
 * from a Zipf-like distribution, so rows differ but read like the real ones; statuses,
 * paths, tags and evidence keep the fixture's mix, about 2% of rows supersede an earlier
 * one, and ids and fingerprints are computed as the original tool computes them.
 * {@link #nextAppend()} gives rows the service's strict quality gate accepts, for the
 * append benchmark; the stores written for recall and rebuilds keep every template, as
 * files written before the gate (or in its best-effort mode) do.
 */
public final class LearningsCorpus {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Pattern SPACE = Pattern.compile("\\s+");

	private static final DateTimeFormatter CAPTURED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String FIXTURE = "/fixtures/dotfiles-learnings.jsonl";

	/**
	 * The gate of the service's strict mode for a repository whose root is not temporary.
	 */
	private static final QualityGate GATE = QualityGate.forRepository(Path.of("/"), true);

	private static final int ATTEMPTS = 1000;

	private final List<ObjectNode> templates;

	private final List<ObjectNode> acceptedTemplates;

	private final List<String> vocabulary;

	private final Random random;

	private final List<String> generatedIds = new ArrayList<>();

	private Instant time = Instant.parse("2024-01-01T00:00:00Z");

	private int row;

	private LearningsCorpus(long seed) {
		this.templates = fixtureRows();
		this.acceptedTemplates = this.templates.stream().filter(LearningsCorpus::accepted).toList();
		this.vocabulary = new ArrayList<>();
		for (ObjectNode template : this.templates) {
			for (String field : List.of("learning", "application")) {
				for (String word : SPACE.split(template.get(field).asString())) {
					if (word.length() > 2) {
						this.vocabulary.add(word);
					}
				}
			}
		}
		this.random = new Random(seed);
	}

	/** A generator of rows from {@code seed}. */
	public static LearningsCorpus seeded(long seed) {
		return new LearningsCorpus(seed);
	}

	/**
	 * Writes {@code rows} rows to {@code file} (replacing it); returns its size in bytes.
	 */
	public static long write(Path file, long seed, int rows) {
		LearningsCorpus corpus = seeded(seed);
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < rows; i++) {
				writer.write(corpus.nextLine());
				writer.write('\n');
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The next row, as one JSON line without its newline. */
	public String nextLine() {
		return MAPPER.writeValueAsString(nextRow());
	}

	/** The next row. */
	public ObjectNode nextRow() {
		return nextRow(this.templates);
	}

	/**
	 * The next row for an append: drawn from the fixture rows the quality gate accepts
	 * and varied as {@link #nextRow()} varies, drawn again until the gate accepts the
	 * varied row too, so that its learning keeps a condition and an action and its
	 * evidence a concrete anchor (a command outcome, a file, a sha).
	 * @throws IllegalStateException if a thousand draws in a row are refused
	 */
	public ObjectNode nextAppend() {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			ObjectNode row = nextRow(this.acceptedTemplates);
			if (accepted(row)) {
				return row;
			}
		}
		throw new IllegalStateException("the quality gate refused " + ATTEMPTS + " generated rows in a row");
	}

	private static boolean accepted(JsonNode row) {
		List<String> evidence = new ArrayList<>();
		row.path("evidence").forEach((item) -> evidence.add(item.asString()));
		return !GATE
			.judge(row.path("status").asString(), row.path("learning").asString(), evidence,
					row.path("application").asString(""))
			.refused();
	}

	private ObjectNode nextRow(List<ObjectNode> from) {
		ObjectNode template = from.get(this.random.nextInt(from.size()));
		this.time = this.time.plusSeconds(1 + this.random.nextInt(600));
		String status = template.get("status").asString();
		String learning = vary(template.get("learning").asString()) + " (" + topic() + ")";
		String fingerprint = fingerprint(status, learning);
		String capturedAt = CAPTURED_AT.format(this.time);
		String id = "lrn-" + capturedAt.replace("-", "").replace(":", "") + "-" + fingerprint.substring(0, 8);
		ObjectNode row = MAPPER.createObjectNode();
		row.put("id", id);
		row.put("captured_at", capturedAt);
		row.put("status", status);
		row.put("learning", learning);
		var evidence = row.putArray("evidence");
		template.get("evidence").forEach((item) -> evidence.add(vary(item.asString())));
		row.put("application", vary(template.get("application").asString()));
		row.set("context", template.get("context").deepCopy());
		row.put("source", template.path("source").asString("skill:learnings"));
		row.put("fingerprint", fingerprint);
		if (template.has("tags")) {
			row.set("tags", template.get("tags").deepCopy());
		}
		if (!this.generatedIds.isEmpty() && this.random.nextInt(50) == 0) {
			row.put("supersedes_id", this.generatedIds.get(this.random.nextInt(this.generatedIds.size())));
		}
		this.generatedIds.add(id);
		this.row++;
		return row;
	}

	/**
	 * A query an agent might send about row-like text: two to four words of a random
	 * template's learning, varied like the rows are.
	 */
	public String nextQuery() {
		String[] words = SPACE
			.splitAsStream(this.templates.get(this.random.nextInt(this.templates.size()))
				.get("learning")
				.asString()
				.replaceAll("[;:,.()\"']", " "))
			.filter((word) -> word.length() > 3)
			.toArray(String[]::new);
		int length = 2 + this.random.nextInt(3);
		int start = this.random.nextInt(Math.max(1, words.length - length));
		StringBuilder query = new StringBuilder();
		for (int i = start; i < Math.min(words.length, start + length); i++) {
			query.append(query.isEmpty() ? "" : " ")
				.append((this.random.nextInt(4) == 0) ? pick(this.vocabulary) : words[i]);
		}
		return query.toString().replaceAll("[;:,.()\"']", "").strip();
	}

	private String vary(String text) {
		String[] words = SPACE.split(text);
		StringBuilder varied = new StringBuilder(text.length() + 16);
		for (String word : words) {
			varied.append(varied.isEmpty() ? "" : " ")
				.append((word.length() > 3 && this.random.nextInt(3) == 0) ? pick(this.vocabulary) : word);
		}
		return varied.toString();
	}

	private String topic() {
		// Zipf-like: a few topics are common, most are rare
		int rank = (int) Math.floor(Math.pow(5000, this.random.nextDouble()));
		return "topic-" + rank + "-" + (this.row % 97);
	}

	private String pick(List<String> words) {
		return words.get(this.random.nextInt(words.size()));
	}

	static String fingerprint(String status, String learning) {
		String material = status + "|" + SPACE.matcher(learning.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(material.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<ObjectNode> fixtureRows() {
		List<ObjectNode> rows = new ArrayList<>();
		try (InputStream in = LearningsCorpus.class.getResourceAsStream(FIXTURE)) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				try {
					JsonNode node = MAPPER.readTree(line);
					if (node instanceof ObjectNode object && object.has("learning") && object.has("application")
							&& object.has("evidence") && object.has("context")) {
						rows.add(object);
					}
				}
				catch (RuntimeException ex) {
					// the fixture's torn row is no template
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

}

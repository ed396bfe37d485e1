package io.teamlearnings.learnings.recall;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import io.teamlearnings.support.LabelledRecallSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded store for comparing rankings, and queries over it. Its words are those of the
 * labelled set's rows, drawn by a Zipf-like law (a few words in most rows, most words in
 * few), and it has what makes ranking tricky: every status (and one no boost knows), rows
 * copied from earlier rows (equal text scores), rows captured in the same second (equal
 * recency), with a fraction of a second, without a time or with a bad one, rows captured
 * after "now", supersession chains and branches, withdrawals, dangling and self links,
 * and ids carried by two rows.
 */
final class GeneratedLearnings {

	static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Pattern WORD = Pattern.compile("[\\s,;:()\"'`]+");

	private static final List<String> STATUSES = List.of("do_more", "do_more", "do_more", "codify_now", "review_later",
			"review_later", "do_less", "avoid_for_now", "investigate_more", "codified", "someday");

	private final List<String> vocabulary;

	private final List<String> tags = new ArrayList<>();

	private final List<String> paths = new ArrayList<>();

	private final List<Instant> captured = new ArrayList<>();

	GeneratedLearnings() {
		Set<String> words = new LinkedHashSet<>();
		for (JsonNode row : LabelledRecallSet.load().rows()) {
			for (String word : WORD.split(row.path("learning").asString() + " " + row.path("application").asString())) {
				if (word.length() > 1) {
					words.add(word);
				}
			}
			row.path("tags").forEach((tag) -> {
				if (!this.tags.contains(tag.asString())) {
					this.tags.add(tag.asString());
				}
			});
			row.path("context").path("paths").forEach((path) -> {
				if (!this.paths.contains(path.asString())) {
					this.paths.add(path.asString());
				}
			});
		}
		this.vocabulary = List.copyOf(words);
	}

	/** Writes {@code rows} rows to {@code file}, from {@code seed}. */
	void write(Path file, long seed, int rows) {
		Random random = new Random(seed);
		List<ObjectNode> written = new ArrayList<>();
		Instant time = START;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < rows; i++) {
				time = time.plusSeconds((random.nextInt(4) == 0) ? 0 : random.nextInt(6000));
				ObjectNode row = (!written.isEmpty() && random.nextInt(30) == 0)
						? written.get(random.nextInt(written.size())).deepCopy() : newRow(random);
				int earlier = written.isEmpty() ? -1 : random.nextInt(written.size());
				row.put("id", (earlier >= 0 && random.nextInt(500) == 0) ? written.get(earlier).get("id").asString()
						: "lrn-gen-" + i);
				row.remove("supersedes_id");
				int link = random.nextInt(1000);
				if (earlier >= 0 && link < 30) {
					row.put("supersedes_id", written.get(earlier).get("id").asString());
				}
				else if (earlier >= 0 && link < 40) {
					row.put("status", "withdrawn");
					row.put("supersedes_id", written.get(earlier).get("id").asString());
				}
				else if (link < 42) {
					row.put("supersedes_id", "lrn-missing-" + i);
				}
				else if (link < 43) {
					row.put("supersedes_id", row.get("id").asString());
				}
				int when = random.nextInt(200);
				if (when == 0) {
					row.remove("captured_at");
				}
				else if (when == 1) {
					row.put("captured_at", "last tuesday");
				}
				else if (when < 5) {
					row.put("captured_at", time.plusMillis(1 + random.nextInt(999)).toString());
				}
				else {
					row.put("captured_at", time.toString());
				}
				this.captured.add(time);
				written.add(row);
				out.write(MAPPER.writeValueAsString(row));
				out.write('\n');
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ObjectNode newRow(Random random) {
		ObjectNode row = MAPPER.createObjectNode();
		row.put("status", STATUSES.get(random.nextInt(STATUSES.size())));
		row.put("learning", "When " + words(random, 6 + random.nextInt(14)));
		ArrayNode evidence = row.putArray("evidence");
		for (int i = random.nextInt(3); i >= 0; i--) {
			evidence.add(words(random, 3 + random.nextInt(6)));
		}
		row.put("application", words(random, 3 + random.nextInt(8)));
		ObjectNode context = row.putObject("context").put("repo", "team/generated").put("branch", "main");
		ArrayNode paths = context.putArray("paths");
		for (int i = random.nextInt(4); i > 0; i--) {
			paths.add(this.paths.get(random.nextInt(this.paths.size())));
		}
		row.put("source", "generated");
		ArrayNode tags = row.putArray("tags");
		for (int i = random.nextInt(4); i > 0; i--) {
			tags.add(this.tags.get(random.nextInt(this.tags.size())));
		}
		return row;
	}

	/**
	 * A query as callers ask: one to five words (common ones more often, now and then an
	 * identifier, a tag, a path or a word no row has), a limit, and at times a status,
	 * tag or since filter, a time to answer as of, the caller's paths, and superseded
	 * rows kept.
	 */
	RecallQuery query(Random random) {
		List<String> words = new ArrayList<>();
		for (int i = 1 + random.nextInt(5); i > 0; i--) {
			int kind = random.nextInt(20);
			words.add(switch (kind) {
				case 0 -> this.tags.get(random.nextInt(this.tags.size()));
				case 1 -> this.paths.get(random.nextInt(this.paths.size()));
				case 2 -> "zqxjv" + random.nextInt(10);
				default -> word(random);
			});
		}
		int[] limits = { 1, 2, 3, 5, 10, 20, 50 };
		Set<String> statuses = new HashSet<>();
		if (random.nextInt(10) == 0) {
			statuses.add(STATUSES.get(random.nextInt(STATUSES.size())));
			statuses.add(STATUSES.get(random.nextInt(STATUSES.size())));
		}
		Set<String> tags = (random.nextInt(10) == 0) ? Set.of(this.tags.get(random.nextInt(this.tags.size())))
				: Set.of();
		Instant since = (random.nextInt(10) == 0) ? time(random) : null;
		Instant asOf = (random.nextInt(5) == 0) ? time(random) : null;
		List<String> paths = new ArrayList<>();
		if (random.nextInt(6) == 0) {
			String path = this.paths.get(random.nextInt(this.paths.size()));
			paths.add((random.nextBoolean() && path.contains("/")) ? path.substring(0, path.lastIndexOf('/')) : path);
		}
		return new RecallQuery(String.join(" ", words), limits[random.nextInt(limits.length)], random.nextInt(4) != 0,
				statuses, tags, since, asOf, paths);
	}

	/** A word of the rows, common ones more often. */
	String word(Random random) {
		int rank = (int) Math.floor(Math.pow(this.vocabulary.size(), random.nextDouble())) - 1;
		return this.vocabulary.get(rank).toLowerCase(Locale.ROOT);
	}

	/** A time within the store: a row's capture time, or a second after one. */
	private Instant time(Random random) {
		Instant row = this.captured.get(random.nextInt(this.captured.size()));
		return random.nextBoolean() ? row : row.plusSeconds(1 + random.nextInt(3000));
	}

	private String words(Random random, int count) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append((i == 0) ? "" : " ").append(word(random));
		}
		return text.toString();
	}

}

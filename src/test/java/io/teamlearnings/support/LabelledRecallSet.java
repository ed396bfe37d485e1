package io.teamlearnings.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recall issue's labelled relevance set (src/test/resources/recall): the dotfiles
 * fixture plus near-miss distractors, and queries with the rows that answer them, with
 * the nDCG@k and recall@k any ranking is judged by. Shared by the quality test and the
 * benchmarks so both score rankings the same way.
 */
public final class LabelledRecallSet {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final String jsonl;

	private final List<JsonNode> rows;

	private final List<Query> queries;

	/**
	 * One labelled query.
	 *
	 * @param query what is asked
	 * @param kind the kind of query (identifier, paraphrase, ...)
	 * @param relevant ids of the rows that answer it
	 * @param paths the caller's changed files, if the query gives them
	 */
	public record Query(String query, String kind, Set<String> relevant, List<String> paths) {
	}

	/**
	 * Mean nDCG@k and recall@k over the queries.
	 *
	 * @param ndcg mean normalised discounted cumulative gain of the top k
	 * @param recall mean share of the relevant rows (at most k) found in the top k
	 */
	public record Quality(double ndcg, double recall) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "nDCG@5=%.3f recall@5=%.3f", this.ndcg, this.recall);
		}

	}

	private LabelledRecallSet(String jsonl, List<JsonNode> rows, List<Query> queries) {
		this.jsonl = jsonl;
		this.rows = rows;
		this.queries = queries;
	}

	/** Loads the set from the test resources. */
	public static LabelledRecallSet load() {
		return load("/recall/labelled-queries.json");
	}

	/**
	 * Loads the paraphrase set (questions written by someone who never saw the rows) over
	 * the same rows.
	 */
	public static LabelledRecallSet paraphrases() {
		return load("/recall/paraphrase-queries.json");
	}

	private static LabelledRecallSet load(String queriesResource) {
		String jsonl = resource(TestStores.DOTFILES_FIXTURE) + resource("/recall/distractor-learnings.jsonl");
		List<JsonNode> rows = new ArrayList<>();
		String[] lines = jsonl.split("\n");
		for (int i = 0; i < lines.length; i++) {
			try {
				rows.add(MAPPER.readTree(lines[i]));
			}
			catch (RuntimeException ex) {
				// the fixture's torn row (lines 214 and 215) is no row; any other is
				// damage
				if (i + 1 != 214 && i + 1 != 215) {
					throw new IllegalStateException("line " + (i + 1) + " of the labelled set is not a row", ex);
				}
			}
		}
		List<Query> queries = new ArrayList<>();
		for (JsonNode query : MAPPER.readTree(resource(queriesResource)).get("queries")) {
			Set<String> relevant = new HashSet<>();
			query.get("relevant").forEach((id) -> relevant.add(id.asString()));
			List<String> paths = new ArrayList<>();
			if (query.has("paths")) {
				query.get("paths").forEach((path) -> paths.add(path.asString()));
			}
			queries.add(new Query(query.get("query").asString(), query.get("kind").asString(), relevant, paths));
		}
		return new LabelledRecallSet(jsonl, List.copyOf(rows), List.copyOf(queries));
	}

	/** The store's text: fixture then distractors, as one {@code .learnings.jsonl}. */
	public String jsonl() {
		return this.jsonl;
	}

	/** The parseable rows, in file order. */
	public List<JsonNode> rows() {
		return this.rows;
	}

	public List<Query> queries() {
		return this.queries;
	}

	/**
	 * Mean reciprocal rank of the first relevant row in {@code ranker}'s answers (0 for a
	 * query whose answers hold none).
	 */
	public double meanReciprocalRank(Function<Query, List<String>> ranker) {
		double sum = 0;
		for (Query query : this.queries) {
			List<String> ranked = ranker.apply(query);
			for (int i = 0; i < ranked.size(); i++) {
				if (query.relevant().contains(ranked.get(i))) {
					sum += 1.0 / (i + 1);
					break;
				}
			}
		}
		return sum / this.queries.size();
	}

	/**
	 * Scores {@code ranker} (ids best first) over every query of {@code kind} (null:
	 * all).
	 */
	public Quality evaluate(Function<Query, List<String>> ranker, int k, String kind) {
		double ndcg = 0;
		double recall = 0;
		int count = 0;
		for (Query query : this.queries) {
			if (kind != null && !kind.equals(query.kind())) {
				continue;
			}
			List<String> top = ranker.apply(query).stream().limit(k).toList();
			double dcg = 0;
			int found = 0;
			for (int i = 0; i < top.size(); i++) {
				if (query.relevant().contains(top.get(i))) {
					dcg += 1 / log2(i + 2);
					found++;
				}
			}
			double ideal = 0;
			for (int i = 0; i < Math.min(k, query.relevant().size()); i++) {
				ideal += 1 / log2(i + 2);
			}
			ndcg += dcg / ideal;
			recall += (double) found / Math.min(k, query.relevant().size());
			count++;
		}
		return new Quality(ndcg / count, recall / count);
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

	private static String resource(String name) {
		try (InputStream in = LabelledRecallSet.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package io.teamlearnings.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.teamlearnings.support.LabelledRecallSet;

/**
 * Writes docs/BENCHMARKS.md: the machine, the command, the goals, and each figure as
 * median (min–max over the runs) beside its reference and goal. The part of the file
 * between the {@code <!-- kept -->} markers is written by people (why a goal is missed,
 * before/after figures) and carried over from the existing file unchanged.
 */
final class Report {

	private static final String KEPT_START = "<!-- kept: written by hand, carried over by the suite -->";

	private static final String KEPT_END = "<!-- /kept -->";

	/**
	 * Where the recall overview goes among the sections; written last, over all sizes.
	 */
	private static final String RECALL_OVERVIEW = "(recall overview)";

	/**
	 * The goals of issue 15, each a ratio to a reference measured in the same run, in the
	 * order the Goals table gives them.
	 */
	enum Goal {

		REBUILD_SMALL("Rebuild of 100,000 rows, service / Lucene `IndexWriter` (rows/s)", "≥ 0.75"),

		REBUILD_LARGE("Rebuild of 1,000,000 rows, service / Lucene `IndexWriter` (rows/s)", "≥ 0.75"),

		REBUILD_HEAP("Rebuild live heap after GC, 1,000,000 rows / 100,000 rows", "≤ 1.5"),

		REBUILD_BOUNDED("Rebuild of 100,000 and 1,000,000 rows at -Xmx512m", "succeeds"),

		RECALL_LUCENE("Recall p95 at 100,000 rows, server-side / Lucene in-process", "≤ 3"),

		RECALL_GREP("Recall at 100,000 rows, grep p50 / HTTP p50 (speed-up)", "≥ 20×"),

		APPENDS("Appends at 16 clients / trivial endpoint", "≥ 0.5"),

		EXTRACTION("Session extraction, service / Jackson `readTree` of every line (MB/s)", "≥ 0.5"),

		RESTART("Ready after a restart with 1,000,000 rows indexed + 10,000 new lines / empty startup", "≤ 2");

		private final String figure;

		private final String goal;

		Goal(String figure, String goal) {
			this.figure = figure;
			this.goal = goal;
		}

	}

	private final Options options;

	/** The sections by their number, each in the order they were measured. */
	private final Map<Integer, List<String>> sections = new TreeMap<>();

	/** The goals of issue 15 measured so far, as table rows. */
	private final Map<Goal, String> goals = new EnumMap<>(Goal.class);

	/** Earlier goals (ranking quality, extraction against jq, bounded heap), as rows. */
	private final List<String> summary = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	private final Map<Integer, String> recallOverview = new TreeMap<>();

	private final Map<Integer, String> memory = new TreeMap<>();

	Report(Options options) {
		this.options = options;
	}

	/** A scenario, or one size of it, failed: the report says so where it would be. */
	void failed(String what, String why) {
		this.failures.add(String.format(Locale.ROOT, "- %s: %s", what, firstLine(why)));
	}

	void appends(String label, Map<Integer, List<Double>> appendRates, Map<Integer, List<Double>> trivialRates,
			Map<Integer, List<Double>> ratios, Map<Integer, List<Double>> p99, long acknowledged, long lines,
			Map<Integer, Long> otherStatuses) {
		StringBuilder text = new StringBuilder();
		if (!label.isEmpty()) {
			text.append(String.format(Locale.ROOT, "### Before: the same measurement on %s%n%n", label));
			text.append(appendTable(appendRates, trivialRates, ratios, p99));
			text.append(otherAnswers(otherStatuses));
			section(1, text.toString());
			return;
		}
		text.append("## 1. Durable append throughput\n\n");
		text.append(String.format(Locale.ROOT,
				"Closed-loop clients POST new rows (seeded, realistic text) to one repository for %d s after %d s of "
						+ "warm-up; each `201` means the row was written and `fdatasync`ed. The rows pass the strict "
						+ "quality gate as a careful client's do (a condition and an action in the learning, an "
						+ "anchored evidence item, a concrete application: `LearningsCorpus.nextAppend`); the "
						+ "repository is under a temporary directory, so the service runs with "
						+ "`learnings.store.allow-temp-path=true`. The reference is the same server, same clients, on "
						+ "`GET /actuator/health/liveness`.%n%n",
				this.options.measured().toSeconds(), this.options.warmUp().toSeconds()));
		text.append(appendTable(appendRates, trivialRates, ratios, p99));
		List<Double> ratio16 = ratios.get(16);
		if (ratio16 != null) {
			double ratio = Samples.of(ratio16).median();
			goal(Goal.APPENDS, Goal.APPENDS.figure,
					String.format(Locale.ROOT, "%.2f (%.0f vs %.0f req/s)", ratio,
							Samples.of(appendRates.get(16)).median(), Samples.of(trivialRates.get(16)).median()),
					ratio >= 0.5);
		}
		text.append(String.format(Locale.ROOT,
				"%nDurability check: %,d appends were acknowledged with 201 over all runs; the files gained %,d lines "
						+ "(%s).%n",
				acknowledged, lines, (acknowledged == lines) ? "every acknowledged row is on disk" : "MISMATCH"));
		text.append(otherAnswers(otherStatuses));
		section(1, text.toString());
	}

	/** The first line of a message (a failed start's message goes on with the log). */
	private static String firstLine(String message) {
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

	private static String otherAnswers(Map<Integer, Long> statuses) {
		if (statuses.isEmpty()) {
			return "\nEvery append was answered 201.\n";
		}
		List<String> counts = new ArrayList<>();
		statuses.forEach((status, count) -> counts.add(String.format(Locale.ROOT, "%,d × %s", count, switch (status) {
			case -1 -> "no answer";
			case 200 -> "200 (duplicate skipped)";
			case 422 -> "422 (refused by the quality gate)";
			default -> Integer.toString(status);
		})));
		return String.format(Locale.ROOT, "%nAnswers other than 201, warm-up included: %s.%n",
				String.join(", ", counts));
	}

	private static String appendTable(Map<Integer, List<Double>> appendRates, Map<Integer, List<Double>> trivialRates,
			Map<Integer, List<Double>> ratios, Map<Integer, List<Double>> p99) {
		StringBuilder text = new StringBuilder();
		text.append("| clients | appends/s | trivial endpoint req/s | ratio | append p99 ms | goal |\n");
		text.append("|---|---|---|---|---|---|\n");
		for (int clients : appendRates.keySet()) {
			Samples ratio = Samples.of(ratios.get(clients));
			String goal = (clients == 16) ? verdict(ratio.median() >= 0.5, "≥ 0.5") : "–";
			text.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |%n", clients,
					Samples.of(appendRates.get(clients)).describe("%.0f"),
					Samples.of(trivialRates.get(clients)).describe("%.0f"), ratio.describe("%.2f"),
					Samples.of(p99.get(clients)).describe("%.1f"), goal));
		}
		return text.toString();
	}

	void recall(int rows, long bytes, int queries, int scanQueries, Map<String, List<Double>> figures) {
		if (!this.sections.getOrDefault(2, List.of()).contains(RECALL_OVERVIEW)) {
			section(2, RECALL_OVERVIEW);
		}
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "### Recall at %,d rows (%,.0f MB)%n%n", rows, bytes / 1e6));
		String starts = figures.containsKey("ready_indexed") ? String.format(Locale.ROOT,
				"%d service starts: the first indexes the store (ready after %s s), the others start on that index "
						+ "(ready after %s s)",
				this.options.runs(), Samples.of(figures.get("ready_indexing")).describe("%.1f"),
				Samples.of(figures.get("ready_indexed")).describe("%.1f"))
				: String.format(Locale.ROOT, "one service start, which indexes the store (ready after %s s)",
						Samples.of(figures.get("ready_indexing")).describe("%.1f"));
		text.append(String.format(Locale.ROOT,
				"%d seeded queries (2–4 words of real learnings), each sent once to warm up and once measured, one at "
						+ "a time, `limit=10`; %s. Server-side time is the `Server-Timing` header of the answer; HTTP "
						+ "is the client's wall time. Lucene: BM25 with `EnglishAnalyzer` over the same rows and fields "
						+ "(same field weights), an index on disk merged to one segment, in this process, top 10. "
						+ "Scan: `grep -c -i -F` of the query's words over the file (%d queries).%n%n",
				queries, starts, scanQueries));
		text.append("| | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|\n");
		text.append(row("service, server-side", figures, "server"));
		text.append(row("service, over HTTP", figures, "http"));
		text.append(row("Lucene BM25 in-process", figures, "lucene"));
		text.append(String.format(Locale.ROOT, "| grep scan of the file | %s | %s | |%n",
				Samples.of(figures.get("scan_p50")).describe("%.1f"),
				Samples.of(figures.get("scan_p95")).describe("%.1f")));
		double serverP50 = Samples.of(figures.get("server_p50")).median();
		double serverP95 = Samples.of(figures.get("server_p95")).median();
		double luceneP50 = Samples.of(figures.get("lucene_p50")).median();
		double luceneP95 = Samples.of(figures.get("lucene_p95")).median();
		double scanP50 = Samples.of(figures.get("scan_p50")).median();
		double httpP50 = Samples.of(figures.get("http_p50")).median();
		text.append(String.format(Locale.ROOT,
				"%nRatios (medians): server-side p95 / Lucene p95 = **%.2f** (goal ≤ 3 at 100,000 rows); grep p50 / HTTP "
						+ "p50 = **%.0f×** faster (goal ≥ 20× at 100,000 rows). Top-10 overlap with Lucene "
						+ "(drop_superseded=false): %s.%n",
				serverP95 / luceneP95, scanP50 / httpP50, Samples.of(figures.get("overlap")).describe("%.2f")));
		section(2, text.toString());
		this.recallOverview.put(rows,
				String.format(Locale.ROOT,
						"| %,d | %.2f | %.2f | %.2f | %.2f | **%.2f** | %.1f | %.2f | **%.0f×** | %.2f |", rows,
						serverP50, serverP95, luceneP50, luceneP95, serverP95 / luceneP95, scanP50, httpP50,
						scanP50 / httpP50, Samples.of(figures.get("overlap")).median()));
		if (goalSize(rows, this.options.recallSizes())) {
			goal(Goal.RECALL_LUCENE,
					String.format(Locale.ROOT, "Recall p95 at %,d rows, server-side / Lucene in-process", rows),
					String.format(Locale.ROOT, "%.2f (%.2f vs %.2f ms)", serverP95 / luceneP95, serverP95, luceneP95),
					serverP95 / luceneP95 <= 3);
			goal(Goal.RECALL_GREP,
					String.format(Locale.ROOT, "Recall at %,d rows, grep p50 / HTTP p50 (speed-up)", rows),
					String.format(Locale.ROOT, "%.0f× (%.1f vs %.2f ms)", scanP50 / httpP50, scanP50, httpP50),
					scanP50 / httpP50 >= 20);
		}
		this.memory.put(rows,
				String.format(Locale.ROOT, "| %,d | %s | %s |", rows,
						Samples.of(figures.get("rss_loaded")).describe("%.0f"),
						Samples.of(figures.get("rss_after_recall")).describe("%.0f")));
	}

	/** A recall size failed: its row in the overview says why. */
	/**
	 * Semantic recall at {@code rows} rows: embedding throughput, memory, and hybrid
	 * recall's latency beside lexical recall's and Lucene's, measured in one service.
	 */
	void semantic(int rows, int queries, Map<String, List<Double>> figures) {
		double lexicalP95 = Samples.of(figures.get("lexical_p95")).median();
		double hybridP95 = Samples.of(figures.get("hybrid_p95")).median();
		double luceneP95 = Samples.of(figures.get("lucene_p95")).median();
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "### Semantic recall at %,d rows%n%n", rows));
		text.append(String.format(Locale.ROOT,
				"One service with `learnings.recall.semantic.enabled=true` (all-MiniLM-L6-v2, quantized, in-process), "
						+ "the store embedded by its background worker from its start; then %d seeded queries, each "
						+ "sent once in each mode to warm up and once measured, lexical and hybrid alternating which "
						+ "goes first, `limit=10`, server-side time (`Server-Timing`). Lucene: BM25 in this process over "
						+ "the same rows, top 10.%n%n",
				queries));
		text.append(String.format(Locale.ROOT, "- embedding: **%s rows/s** (all %,d rows)%n",
				Samples.of(figures.get("embed_rows_per_s")).describe("%.0f"), rows));
		text.append(String.format(Locale.ROOT,
				"- vectors: %,d bytes in the heap (440 bytes a row: 384 of int8 vector, 48 of sign bits, 8 of line "
						+ "number); resident memory %s MiB when ready, %s MiB once every row was embedded (the model "
						+ "and ONNX Runtime live outside the heap)%n",
				rows * 440L, Samples.of(figures.get("rss_ready")).describe("%.0f"),
				Samples.of(figures.get("rss_embedded")).describe("%.0f")));
		text.append(String.format(Locale.ROOT,
				"- a second start on the same data read every stored vector back in %s s; with "
						+ "`shortlist` above the row count (every row compared exactly), the default shortlist's "
						+ "semantic top 10 held **%s** of the exact top 10%n%n",
				Samples.of(figures.get("reload_s")).describe("%.1f"),
				Samples.of(figures.get("shortlist_overlap")).describe("%.3f")));
		text.append("| | p50 ms | p95 ms |\n|---|---|---|\n");
		for (String[] mode : new String[][] { { "lexical", "service, mode=lexical" },
				{ "hybrid", "service, mode=hybrid" }, { "semantic", "service, mode=semantic (sign-bit shortlist)" },
				{ "exact", "service, mode=semantic, every row compared exactly" },
				{ "lucene", "Lucene BM25 in-process" } }) {
			text.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", mode[1],
					Samples.of(figures.get(mode[0] + "_p50")).describe("%.2f"),
					Samples.of(figures.get(mode[0] + "_p95")).describe("%.2f")));
		}
		text.append(String.format(Locale.ROOT,
				"%nRatios: hybrid p95 / lexical p95 = **%.2f** (goal ≤ 2 at 100,000 rows); hybrid p95 / Lucene p95 = "
						+ "%.2f.%n",
				hybridP95 / lexicalP95, hybridP95 / luceneP95));
		section(2, text.toString());
	}

	void recallFailed(int rows, String why) {
		if (!this.sections.getOrDefault(2, List.of()).contains(RECALL_OVERVIEW)) {
			section(2, RECALL_OVERVIEW);
		}
		this.recallOverview.put(rows, String.format(Locale.ROOT, "| %,d | **failed**: %s | | | | | | | | |", rows,
				firstLine(why).replace("|", "\\|")));
	}

	/**
	 * Whether the goals are judged at this size: 100,000 rows, or the largest size of a
	 * run that has none (a quick run).
	 */
	private static boolean goalSize(int rows, List<Integer> sizes) {
		return sizes.contains(100_000) ? rows == 100_000
				: rows == sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	private String recallOverview() {
		StringBuilder text = new StringBuilder("## 2. Recall latency\n\n");
		text.append(String.format(Locale.ROOT,
				"Medians over the runs (%d), details by size below. Lucene is BM25 in-process over the same rows and fields; "
						+ "grep scans the file for the query's words.%n%n",
				this.options.runs()));
		text.append("| rows | server p50 ms | server p95 ms | Lucene p50 ms | Lucene p95 ms | server p95 / Lucene p95 "
				+ "| grep p50 ms | HTTP p50 ms | grep / HTTP | top-10 overlap |\n");
		text.append("|---|---|---|---|---|---|---|---|---|---|\n");
		this.recallOverview.values().forEach((line) -> text.append(line).append('\n'));
		return text.toString();
	}

	void quality(int queries, LabelledRecallSet.Quality service, LabelledRecallSet.Quality lucene) {
		String text = String.format(Locale.ROOT,
				"### Ranking quality on the labelled set%n%n%d labelled queries over the 410 real rows + 20 "
						+ "near-miss distractors (src/test/resources/recall), top 5, over HTTP; Lucene BM25 with "
						+ "`EnglishAnalyzer` over the same rows.%n%n| | nDCG@5 | recall@5 |%n|---|---|---|%n"
						+ "| service | %.3f | %.3f |%n| Lucene BM25 | %.3f | %.3f |%n",
				queries, service.ndcg(), service.recall(), lucene.ndcg(), lucene.recall());
		section(2, text);
		boolean asGood = service.ndcg() >= lucene.ndcg() && service.recall() >= lucene.recall();
		this.summary.add(String.format(Locale.ROOT,
				"| Ranking nDCG@5 / recall@5, service vs Lucene BM25 | %.3f / %.3f vs %.3f / %.3f | at least as good | %s |",
				service.ndcg(), service.recall(), lucene.ndcg(), lucene.recall(), verdict(asGood, "")));
	}

	void startup(int rows, int newLines, List<Double> empty, List<Double> loaded) {
		StringBuilder text = new StringBuilder("## 4. Startup to ready\n\n");
		text.append(String.format(Locale.ROOT,
				"From process start to the readiness probe answering 200 (the index caught up with the file), "
						+ "run for run: a service on an empty repository, and one restarted on a store of %,d rows it "
						+ "had indexed before, after %,d lines were appended to the file while it was down (each run "
						+ "appends %,d more).%n%n",
				rows, newLines, newLines));
		text.append("| store | seconds |\n|---|---|\n");
		Samples emptySamples = Samples.of(empty);
		Samples loadedSamples = Samples.of(loaded);
		text.append(String.format(Locale.ROOT, "| empty (the JVM and Spring alone) | %s |%n",
				emptySamples.describe("%.1f")));
		text.append(String.format(Locale.ROOT, "| %,d rows indexed + %,d lines appended while down | %s |%n", rows,
				newLines, loadedSamples.describe("%.1f")));
		double ratio = loadedSamples.median() / emptySamples.median();
		text.append(String.format(Locale.ROOT,
				"%nRestart / empty startup (medians) = **%.2f** (goal ≤ 2); the data adds %.1f s.%n", ratio,
				loadedSamples.median() - emptySamples.median()));
		section(4, text.toString());
		goal(Goal.RESTART,
				String.format(Locale.ROOT,
						"Ready after a restart with %,d rows indexed + %,d new lines / empty startup", rows, newLines),
				String.format(Locale.ROOT, "%.2f (%.1f vs %.1f s)", ratio, loadedSamples.median(),
						emptySamples.median()),
				ratio <= 2);
	}

	/** The current build's rebuilds by size, for the heap and bounded-heap goals. */
	private final TreeMap<Integer, List<BenchmarkSuite.RebuildRun>> rebuilds = new TreeMap<>();

	void rebuild(int rows, long bytes, Map<String, List<BenchmarkSuite.RebuildRun>> runs, List<Double> lucene) {
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
				"## 3. Index rebuild from %,d rows (%,.0f MB)%n%n`POST /api/repos/bench/reindex` on a running service "
						+ "(`-Xmx%s`): drop the index, index the whole file, then verify it against the file as "
						+ "health does; a run counts when it answers 200 with every row in the index. Reference, run "
						+ "for run: Lucene's `IndexWriter` in this process reading the same file line by line, "
						+ "parsing each line with Jackson (`readTree`) and adding it as a document of the five fields "
						+ "recall ranks by (`EnglishAnalyzer`, BM25, Lucene's default buffer and merge policy), then "
						+ "committing to disk. Heap figures from the service's GC log: the most in use before a "
						+ "collection (garbage included), and the live heap: the most in use after a full collection, "
						+ "which the suite requests (`jcmd GC.run`) every %d s while the rebuild runs (their pauses "
						+ "count in its time) and once after it answered; G1's own full collections count too.%n%n"
						+ "| build | result | seconds | rows/s | heap peak used (MiB) | live heap after GC (MiB) | "
						+ "full GCs requested |%n|---|---|---|---|---|---|---|%n",
				rows, bytes / 1e6, this.options.serviceHeap(), this.options.heapSample().toSeconds()));
		double luceneRate = rows / Samples.of(lucene).median();
		for (Map.Entry<String, List<BenchmarkSuite.RebuildRun>> build : runs.entrySet()) {
			List<BenchmarkSuite.RebuildRun> done = build.getValue();
			List<Double> seconds = done.stream()
				.filter(BenchmarkSuite.RebuildRun::succeeded)
				.map(BenchmarkSuite.RebuildRun::seconds)
				.toList();
			List<String> failed = done.stream()
				.filter((run) -> !run.succeeded())
				.map((run) -> String.format(Locale.ROOT, "**failed** after %.1f s: %s", run.seconds(), run.failure()))
				.toList();
			String result = failed.isEmpty() ? "rebuilt" : String.join("; ", failed).replace("|", "\\|")
					+ (seconds.isEmpty() ? "" : String.format(Locale.ROOT, "; %d rebuilt", seconds.size()));
			text.append(String.format(Locale.ROOT, "| %s, -Xmx%s | %s | %s | %s | %s | %s | %s |%n",
					build.getKey().isEmpty() ? "this build" : build.getKey(), this.options.serviceHeap(), result,
					seconds.isEmpty() ? "–" : Samples.of(seconds).describe("%.1f"),
					seconds.isEmpty() ? "–" : String.format(Locale.ROOT, "%,.0f", rows / Samples.of(seconds).median()),
					Samples.of(done.stream().map((run) -> (double) run.heapUsedMib()).toList()).describe("%.0f"),
					Samples.of(done.stream().map((run) -> (double) run.heapLiveMib()).toList()).describe("%.0f"),
					Samples.of(done.stream().map((run) -> (double) run.requestedCollections()).toList())
						.describe("%.0f")));
		}
		text.append(String.format(Locale.ROOT, "| Lucene `IndexWriter`, in-process | indexed | %s | %,.0f | | | |%n",
				Samples.of(lucene).describe("%.1f"), luceneRate));
		List<BenchmarkSuite.RebuildRun> mine = runs.get("");
		List<Double> seconds = mine.stream()
			.filter(BenchmarkSuite.RebuildRun::succeeded)
			.map(BenchmarkSuite.RebuildRun::seconds)
			.toList();
		List<Integer> sizes = this.options.rebuildSizes();
		Goal goal = (rows == sizes.get(0) && sizes.size() > 1) ? Goal.REBUILD_SMALL : Goal.REBUILD_LARGE;
		String figure = String.format(Locale.ROOT, "Rebuild of %,d rows, service / Lucene `IndexWriter` (rows/s)",
				rows);
		if (seconds.isEmpty()) {
			text.append(String.format(Locale.ROOT, "%nThe service did not rebuild the file at -Xmx%s.%n",
					this.options.serviceHeap()));
			goal(goal, figure, "failed", false);
		}
		else {
			double ratio = (rows / Samples.of(seconds).median()) / luceneRate;
			text.append(String.format(Locale.ROOT,
					"%nService rows/s / Lucene rows/s (medians) = **%.2f** (goal ≥ 0.75).%n", ratio));
			goal(goal, figure, String.format(Locale.ROOT, "%.2f (%,.0f vs %,.0f rows/s)", ratio,
					rows / Samples.of(seconds).median(), luceneRate), ratio >= 0.75);
		}
		section(3, text.toString());
		this.rebuilds.put(rows, mine);
		if (rows == sizes.get(sizes.size() - 1)) {
			rebuildHeapGoals();
		}
	}

	/**
	 * The heap and bounded-heap goals, over the smallest and the largest rebuild size.
	 */
	private void rebuildHeapGoals() {
		List<String> results = new ArrayList<>();
		boolean all = true;
		for (Map.Entry<Integer, List<BenchmarkSuite.RebuildRun>> size : this.rebuilds.entrySet()) {
			String failure = size.getValue()
				.stream()
				.filter((run) -> !run.succeeded())
				.map(BenchmarkSuite.RebuildRun::failure)
				.findFirst()
				.orElse(null);
			all &= failure == null;
			results.add(String.format(Locale.ROOT, "%,d rows: %s", size.getKey(),
					(failure == null) ? "rebuilt" : "failed (" + failure + ")"));
		}
		goal(Goal.REBUILD_BOUNDED, String.format(Locale.ROOT, "Rebuild of %s rows at -Xmx%s", String.join(" and ",
				this.rebuilds.keySet().stream().map((rows) -> String.format(Locale.ROOT, "%,d", rows)).toList()),
				this.options.serviceHeap()), String.join("; ", results).replace("|", "\\|"), all);
		if (this.rebuilds.size() < 2) {
			return;
		}
		int small = this.rebuilds.firstKey();
		int large = this.rebuilds.lastKey();
		String figure = String.format(Locale.ROOT, "Rebuild live heap after GC, %,d rows / %,d rows", large, small);
		Double smallLive = liveHeap(this.rebuilds.get(small));
		Double largeLive = liveHeap(this.rebuilds.get(large));
		if (smallLive == null || largeLive == null) {
			goal(Goal.REBUILD_HEAP, figure, "no figure: a rebuild failed", false);
			return;
		}
		double ratio = largeLive / smallLive;
		goal(Goal.REBUILD_HEAP, figure,
				String.format(Locale.ROOT, "%.2f (%.0f vs %.0f MiB)", ratio, largeLive, smallLive), ratio <= 1.5);
	}

	/**
	 * The median live heap after GC of the rebuilds that succeeded (null if none did).
	 */
	private static Double liveHeap(List<BenchmarkSuite.RebuildRun> runs) {
		List<Double> live = runs.stream()
			.filter(BenchmarkSuite.RebuildRun::succeeded)
			.map((run) -> (double) run.heapLiveMib())
			.toList();
		return live.isEmpty() ? null : Samples.of(live).median();
	}

	void sessions(RolloutCorpus.Generated generated, List<Double> service, List<Double> jackson, List<Double> jq,
			long serviceBlocks, long jqBlocks, long lines) {
		double megabytes = generated.bytes() / 1e6;
		Samples serviceSeconds = Samples.of(service);
		Samples jacksonSeconds = Samples.of(jackson);
		Samples jqSeconds = Samples.of(jq);
		double ratio = jacksonSeconds.median() / serviceSeconds.median();
		String text = String.format(Locale.ROOT,
				"## 5. Session extraction%n%n%d generated Codex rollout files, %,.0f MB (seeded; function-call "
						+ "output, reasoning and events around the messages, as real sessions are). Service "
						+ "(`-Xmx%s`): `GET /api/sessions/extract?lookback_minutes=1440`, whole answer read. "
						+ "References, run for run: Jackson in this process reading every line of the same files "
						+ "(%,d lines) and parsing it with `JsonMapper.readTree`, which any extraction that parses "
						+ "the lines must at least do; and `jq %s` with the same selection of user/assistant messages "
						+ "over the same files. Files are in the page cache for all three; one unmeasured extract and "
						+ "parse first.%n%n| | seconds | MB/s | message blocks |%n|---|---|---|---|%n"
						+ "| service | %s | %.0f | %,d |%n| Jackson `readTree`, in-process | %s | %.0f | |%n"
						+ "| jq | %s | %.0f | %,d |%n%nService MB/s / Jackson MB/s (medians) = **%.2f** (goal ≥ 0.5).%n",
				generated.files().size(), megabytes, this.options.serviceHeap(), lines,
				String.join(" ", RolloutCorpus.JQ_ARGS), serviceSeconds.describe("%.2f"),
				megabytes / serviceSeconds.median(), serviceBlocks, jacksonSeconds.describe("%.2f"),
				megabytes / jacksonSeconds.median(), jqSeconds.describe("%.2f"), megabytes / jqSeconds.median(),
				jqBlocks, ratio);
		section(5, text);
		goal(Goal.EXTRACTION, Goal.EXTRACTION.figure, String.format(Locale.ROOT, "%.2f (%.0f vs %.0f MB/s)", ratio,
				megabytes / serviceSeconds.median(), megabytes / jacksonSeconds.median()), ratio >= 0.5);
		this.summary.add(String.format(Locale.ROOT,
				"| Session extraction, service vs jq | %.0f vs %.0f MB/s | faster than jq | %s |",
				megabytes / serviceSeconds.median(), megabytes / jqSeconds.median(),
				verdict(serviceSeconds.median() < jqSeconds.median(), "")));
	}

	private void goal(Goal goal, String figure, String measured, boolean met) {
		this.goals.put(goal,
				String.format(Locale.ROOT, "| %s | %s | %s | %s |", figure, measured, goal.goal, verdict(met, "")));
	}

	void largeWindow(BenchmarkSuite.LargeWindow figures) {
		RolloutCorpus.Generated corpus = figures.corpus();
		double megabytes = corpus.bytes() / 1e6;
		StringBuilder text = new StringBuilder("## 7. Session extraction in a bounded heap\n\n");
		text.append(String.format(Locale.ROOT,
				"### %,.0f MB in %d sessions at -Xmx%s%n%n%d generated Codex rollout files (the generator and seed of "
						+ "section 5), %,.0f MB, %.1f to %.1f MB each (%.1f MB on average). The service is started with "
						+ "`-Xmx%s`; `GET /api/sessions/extract?lookback_minutes=1440` as text/plain, whole answer read, "
						+ "after one unmeasured extract. Reference: the same `jq %s` command as section 5 over the same "
						+ "files, run for run, its peak resident size from `/usr/bin/time -v`. Files are in the page "
						+ "cache for both. Heap figures from the GC log as below.%n%n",
				megabytes, corpus.files().size(), figures.heap(), corpus.files().size(), megabytes,
				figures.smallestFile() / 1e6, figures.largestFile() / 1e6, megabytes / corpus.files().size(),
				figures.heap(), String.join(" ", RolloutCorpus.JQ_ARGS)));
		text.append("| | seconds | MB/s | message blocks | peak memory |\n|---|---|---|---|---|\n");
		BenchmarkSuite.ExtractRun last = figures.last();
		String heap = String.format(Locale.ROOT,
				"heap %d MiB in use at most, %d MiB after a collection at most, %d MiB live at the end; RSS %.0f MiB",
				figures.peaks().usedMib(), figures.peaks().liveMib(), figures.peaks().lastFullMib(),
				figures.serviceRssMib());
		if (figures.service().isEmpty()) {
			text.append(String.format(Locale.ROOT, "| service, -Xmx%s | **failed**: %s | | | %s |%n", figures.heap(),
					last.error(), heap));
		}
		else {
			Samples seconds = Samples.of(figures.service());
			text.append(String.format(Locale.ROOT, "| service, -Xmx%s | %s | %.0f | %,d | %s |%n", figures.heap(),
					seconds.describe("%.2f"), megabytes / seconds.median(), last.ok() ? last.extract().blocks() : 0,
					heap));
		}
		if (!figures.jq().isEmpty()) {
			Samples seconds = Samples.of(figures.jq());
			text.append(
					String.format(Locale.ROOT, "| jq | %s | %.0f | %,d | RSS %.0f MiB |%n", seconds.describe("%.2f"),
							megabytes / seconds.median(), figures.lastJq().blocks(), figures.lastJq().maxRssMib()));
		}
		if (!last.ok()) {
			text.append(String.format(Locale.ROOT, "%nA run failed: %s%n", last.error()));
		}
		section(7, text.toString());
		boolean faster = !figures.service().isEmpty() && !figures.jq().isEmpty()
				&& Samples.of(figures.service()).median() < Samples.of(figures.jq()).median();
		this.summary.add(String.format(Locale.ROOT,
				"| Session extraction at -Xmx%s, %,.0f MB in %d sessions, service vs jq | %s | faster than jq | %s |",
				figures.heap(), megabytes, corpus.files().size(),
				figures.service().isEmpty() ? "failed"
						: String.format(Locale.ROOT, "%.0f vs %.0f MB/s",
								megabytes / Samples.of(figures.service()).median(),
								megabytes / Samples.of(figures.jq()).median()),
				verdict(faster, "")));
	}

	void longSession(BenchmarkSuite.LongSession figures) {
		double megabytes = (figures.big().bytes() + figures.small().bytes()) / 1e6;
		double bigMegabytes = figures.big().bytes() / 1e6;
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT,
				"### One %,.0f MB rollout file at -Xmx%s%n%nOne generated session of %,.0f MB in the current CLI's "
						+ "shape: the user's request, %d shell `function_call`s each followed by its "
						+ "`function_call_output` of about %.1f MB, the assistant's answer, then a follow-up user "
						+ "message; beside it a small session of %.2f MB. The service is started with `-Xmx%s`; its "
						+ "extract (as above) must answer 200 with both sessions, the long one's three messages (user, "
						+ "assistant, user) and every one of the small one's. Heap peaks from the service's GC log "
						+ "(`-Xlog:gc`) while the extracts ran: the most in use before any collection (G1 lets "
						+ "garbage fill the heap it may use before it collects, so this nears `-Xmx` whenever much is "
						+ "allocated), the most in use after a young, mixed or full collection, and what was live after "
						+ "a full collection requested at the end (`jcmd GC.run`, whose \"before\" also counts); RSS "
						+ "is the process's peak resident size (`VmHWM`), startup included. Reference: the same `jq %s` "
						+ "command over the two files, its peak resident size from `/usr/bin/time -v`.%n%n",
				bigMegabytes, figures.heap(), bigMegabytes, figures.toolOutputs(), bigMegabytes / figures.toolOutputs(),
				figures.small().bytes() / 1e6, figures.heap(), String.join(" ", RolloutCorpus.JQ_ARGS)));
		text.append("| | result | seconds | MB/s | peak memory |\n|---|---|---|---|---|\n");
		String heap = String.format(Locale.ROOT,
				"heap %d MiB in use at most (of `-Xmx%s`), %d MiB after a collection at most, %d MiB live at the end; %s",
				figures.peaks().usedMib(), figures.heap(), figures.peaks().liveMib(), figures.peaks().lastFullMib(),
				Double.isNaN(figures.serviceRssMib()) ? "the process had exited"
						: String.format(Locale.ROOT, "RSS %.0f MiB", figures.serviceRssMib()));
		BenchmarkSuite.ExtractRun last = figures.last();
		if (figures.succeeded()) {
			Samples seconds = Samples.of(figures.service());
			text.append(String.format(Locale.ROOT,
					"| service, -Xmx%s | 200, both sessions, %,d message blocks | %s | " + "%.0f | %s |%n",
					figures.heap(), last.extract().blocks(), seconds.describe("%.1f"), megabytes / seconds.median(),
					heap));
		}
		else {
			text.append(String.format(Locale.ROOT, "| service, -Xmx%s | **failed** after %.1f s: %s%s | | | %s |%n",
					figures.heap(), last.seconds(), String.join("; ", figures.failures()).replace("|", "\\|"),
					figures.outOfMemory() ? " (`OutOfMemoryError` in the service log)" : "",
					heap + " until the failure (an allocation that failed is not in the log)"));
		}
		Samples jqSeconds = Samples.of(figures.jq());
		text.append(String.format(Locale.ROOT, "| jq | %,d message blocks | %s | %.0f | RSS %.0f MiB |%n",
				figures.lastJq().blocks(), jqSeconds.describe("%.1f"), megabytes / jqSeconds.median(),
				figures.lastJq().maxRssMib()));
		if (last != null && !last.headers().isEmpty()) {
			text.append(String.format(Locale.ROOT, "%nThe extract's diagnostic headers: %s.%n",
					String.join(", ",
							last.headers()
								.entrySet()
								.stream()
								.map((header) -> "`" + header.getKey() + ": " + header.getValue() + "`")
								.toList())));
		}
		section(7, text.toString());
		this.summary.add(String.format(Locale.ROOT,
				"| Extract of one %,.0f MB rollout at -Xmx%s | %s | answers 200 with both sessions | %s |",
				bigMegabytes, figures.heap(),
				figures.succeeded()
						? String.format(Locale.ROOT, "200 in %.1f s, heap peak %d MiB",
								Samples.of(figures.service()).median(), figures.peaks().usedMib())
						: "failed" + (figures.outOfMemory() ? " (OutOfMemoryError)" : ""),
				verdict(figures.succeeded(), "")));
	}

	private void section(int number, String text) {
		this.sections.computeIfAbsent(number, (key) -> new ArrayList<>()).add(text);
	}

	void write() throws IOException {
		if (!this.memory.isEmpty()) {
			StringBuilder memory = new StringBuilder(String.format(Locale.ROOT,
					"## 6. Memory%n%nResident set size (`VmRSS`, MiB) of the service (`-Xmx%s`) in the recall runs: "
							+ "once it was ready on the store, and after the recall queries (inverted index in memory)."
							+ "%n%n| rows | ready | after recall |%n|---|---|---|%n",
					this.options.serviceHeap()));
			this.memory.values().forEach((line) -> memory.append(line).append('\n'));
			section(6, memory.toString());
		}
		StringBuilder text = new StringBuilder();
		text.append("# Benchmarks\n\n");
		text.append("Written by the benchmark suite (`src/bench/java/io/teamlearnings/bench`); do not edit outside the "
				+ "kept section, run it again.\n\n");
		text.append(String.format(Locale.ROOT,
				"- Command: `%s` (the numbers below are from one run of it, %s)%n- Machine: %s%n- Runs per figure: %d "
						+ "(rebuilds: %d); each figure is the median, (min–max) over the runs%n- Heap: every service "
						+ "process runs with `-Xmx%s`, except section 7's, which set their own (`-Xmx%s` for the "
						+ "window, `-Xmx%s` for the long session); the in-process references run in the suite's JVM "
						+ "(`-Xmx4g`)%n%n",
				this.options.command(), LocalDate.now(), Machine.describe(), this.options.runs(),
				this.options.rebuildRuns(), this.options.serviceHeap(), this.options.largeSessions().heap(),
				this.options.largeSessions().longHeap()));
		text.append("## Goals\n\n");
		text.append("The goals of issue 15 first, each a ratio to its reference measured in the same run, then the "
				+ "earlier ones. Where a goal is missed, *Goals missed* in the hand-kept section below says why and "
				+ "what would close it.\n\n");
		text.append("| figure | measured | goal | |\n|---|---|---|---|\n");
		for (Goal goal : Goal.values()) {
			text.append(this.goals.getOrDefault(goal,
					String.format(Locale.ROOT, "| %s | not measured in this run | %s | |", goal.figure, goal.goal)))
				.append('\n');
		}
		this.summary.forEach((line) -> text.append(line).append('\n'));
		if (!this.failures.isEmpty()) {
			text.append("\n**Failed in this run** (see the suite's output):\n\n");
			this.failures.forEach((line) -> text.append(line).append('\n'));
		}
		text.append('\n');
		text.append(kept());
		text.append('\n');
		this.sections.forEach((number, texts) -> texts.forEach(
				(section) -> text.append(RECALL_OVERVIEW.equals(section) ? recallOverview() : section).append('\n')));
		while (text.length() > 1 && text.charAt(text.length() - 1) == '\n' && text.charAt(text.length() - 2) == '\n') {
			text.setLength(text.length() - 1);
		}
		Files.createDirectories(this.options.out().toAbsolutePath().getParent());
		Files.writeString(this.options.out(), text.toString());
	}

	private String kept() throws IOException {
		if (Files.exists(this.options.out())) {
			String existing = Files.readString(this.options.out());
			int start = existing.indexOf(KEPT_START);
			int end = existing.indexOf(KEPT_END);
			if (start >= 0 && end > start) {
				return existing.substring(start, end + KEPT_END.length()) + "\n";
			}
		}
		return KEPT_START + "\n" + KEPT_END + "\n";
	}

	private static String row(String label, Map<String, List<Double>> figures, String prefix) {
		return String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", label,
				Samples.of(figures.get(prefix + "_p50")).describe("%.2f"),
				Samples.of(figures.get(prefix + "_p95")).describe("%.2f"),
				Samples.of(figures.get(prefix + "_p99")).describe("%.2f"));
	}

	private static String verdict(boolean met, String goal) {
		return (goal.isEmpty() ? "" : goal + " ") + (met ? "met" : "**missed**");
	}

	/** What this machine is, as far as the JVM and /proc tell. */
	static final class Machine {

		private Machine() {
		}

		static String describe() {
			String cpu = "unknown CPU";
			long memoryKb = 0;
			try {
				for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
					if (line.startsWith("model name")) {
						cpu = line.substring(line.indexOf(':') + 1).strip();
						break;
					}
				}
				for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
					if (line.startsWith("MemTotal:")) {
						memoryKb = Long.parseLong(line.replaceAll("\\D", ""));
					}
				}
			}
			catch (IOException ex) {
				// not Linux: say less
			}
			return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB RAM, %s %s, Java %s (%s)",
					Runtime.getRuntime().availableProcessors(), cpu, memoryKb / 1024.0 / 1024.0,
					System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
					System.getProperty("java.vm.name"));
		}

	}

}

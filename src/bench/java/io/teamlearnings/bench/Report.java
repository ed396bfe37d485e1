package io.teamlearnings.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.teamlearnings.support.LabelledRecallSet;

/**
 * Writes docs/BENCHMARKS.md: the machine, the command, and each figure as median (min–max
 * over the runs) beside its reference and goal. The part of the file between the
 * {@code <!-- kept -->} markers is written by people (discussion, before/after figures)
 * and carried over from the existing file unchanged.
 */
final class Report {

	private static final String KEPT_START = "<!-- kept: written by hand, carried over by the suite -->";

	private static final String KEPT_END = "<!-- /kept -->";

	private final Options options;

	private final List<String> sections = new ArrayList<>();

	private final List<String> summary = new ArrayList<>();

	Report(Options options) {
		this.options = options;
	}

	void appends(String label, Map<Integer, List<Double>> appendRates, Map<Integer, List<Double>> trivialRates,
			Map<Integer, List<Double>> ratios, Map<Integer, List<Double>> p99, long acknowledged, long lines) {
		StringBuilder text = new StringBuilder();
		if (!label.isEmpty()) {
			text.append(String.format(Locale.ROOT, "### Before: the same measurement on %s%n%n", label));
			text.append(appendTable(appendRates, trivialRates, ratios, p99));
			this.sections.add(text.toString());
			return;
		}
		text.append("## 1. Durable append throughput\n\n");
		text.append(String.format(Locale.ROOT,
				"Closed-loop clients POST new rows (seeded, realistic text) to one repository for %d s after %d s of "
						+ "warm-up; each `201` means the row was written and `fdatasync`ed. The reference is the same "
						+ "server, same clients, on `GET /actuator/health/liveness`.%n%n",
				this.options.measured().toSeconds(), this.options.warmUp().toSeconds()));
		text.append(appendTable(appendRates, trivialRates, ratios, p99));
		for (int clients : appendRates.keySet()) {
			Samples ratio = Samples.of(ratios.get(clients));
			if (clients == 16) {
				this.summary
					.add(String.format(Locale.ROOT, "| Appends at 16 clients / trivial endpoint | %.2f | ≥ 0.5 | %s |",
							ratio.median(), verdict(ratio.median() >= 0.5, "")));
			}
		}
		text.append(String.format(Locale.ROOT,
				"%nDurability check: %,d appends were acknowledged with 201 over all runs; the files gained %,d lines "
						+ "(%s).%n",
				acknowledged, lines, (acknowledged == lines) ? "every acknowledged row is on disk" : "MISMATCH"));
		this.sections.add(text.toString());
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
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT, "## 2. Recall latency at %,d rows (%,.0f MB)%n%n", rows, bytes / 1e6));
		text.append(String.format(Locale.ROOT,
				"%d seeded queries (2–4 words of real learnings), each sent once to warm up and once measured, one at "
						+ "a time, `limit=10`. Server-side time is the `Server-Timing` header of the answer; HTTP is "
						+ "the client's wall time. Lucene: BM25 with `EnglishAnalyzer` over the same rows and fields "
						+ "(same field weights), in this process, top 10. Scan: `grep -c -i -F` of the query's words "
						+ "over the file (%d queries).%n%n",
				queries, scanQueries));
		text.append("| | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|\n");
		text.append(row("service, server-side", figures, "server"));
		text.append(row("service, over HTTP", figures, "http"));
		text.append(row("Lucene BM25 in-process", figures, "lucene"));
		text.append(String.format(Locale.ROOT, "| grep scan of the file | %s | %s | |%n",
				Samples.of(figures.get("scan_p50")).describe("%.1f"),
				Samples.of(figures.get("scan_p95")).describe("%.1f")));
		double serverP95 = Samples.of(figures.get("server_p95")).median();
		double luceneP95 = Samples.of(figures.get("lucene_p95")).median();
		double scanP50 = Samples.of(figures.get("scan_p50")).median();
		double httpP50 = Samples.of(figures.get("http_p50")).median();
		text.append(String.format(Locale.ROOT,
				"%nRatios (medians): server-side p95 / Lucene p95 = **%.2f** (goal ≤ 3 at 100,000 rows); grep p50 / HTTP "
						+ "p50 = **%.0f×** faster (goal ≥ 20×). Top-10 overlap with Lucene (drop_superseded=false): %s.%n",
				serverP95 / luceneP95, scanP50 / httpP50, Samples.of(figures.get("overlap")).describe("%.2f")));
		if (rows == 100_000) {
			this.summary
				.add(String.format(Locale.ROOT, "| Recall p95 at 100k, server-side / Lucene | %.2f | ≤ 3 | %s |",
						serverP95 / luceneP95, verdict(serverP95 / luceneP95 <= 3, "")));
			this.summary.add(String.format(Locale.ROOT,
					"| Recall at 100k, speed-up over grep (p50, HTTP) | %.0f× | ≥ 20× | %s |", scanP50 / httpP50,
					verdict(scanP50 / httpP50 >= 20, "")));
			this.memory = String.format(Locale.ROOT,
					"## 6. Memory%n%nResident set size (`VmRSS`) of the service at 100,000 rows: after startup had "
							+ "indexed them, %s MiB; after the recall run (inverted index in memory), %s MiB.%n",
					Samples.of(figures.get("rss_loaded")).describe("%.0f"),
					Samples.of(figures.get("rss_after_recall")).describe("%.0f"));
		}
		this.sections.add(text.toString());
	}

	private String memory;

	void quality(int queries, LabelledRecallSet.Quality service, LabelledRecallSet.Quality lucene) {
		String text = String.format(Locale.ROOT,
				"### Ranking quality on the labelled set%n%n%d labelled queries over the 410 real rows + 20 "
						+ "near-miss distractors (src/test/resources/recall), top 5, over HTTP; Lucene BM25 with "
						+ "`EnglishAnalyzer` over the same rows.%n%n| | nDCG@5 | recall@5 |%n|---|---|---|%n"
						+ "| service | %.3f | %.3f |%n| Lucene BM25 | %.3f | %.3f |%n",
				queries, service.ndcg(), service.recall(), lucene.ndcg(), lucene.recall());
		this.sections.add(text);
		boolean asGood = service.ndcg() >= lucene.ndcg() && service.recall() >= lucene.recall();
		this.summary.add(String.format(Locale.ROOT,
				"| Ranking nDCG@5 / recall@5, service vs Lucene BM25 | %.3f / %.3f vs %.3f / %.3f | at least as good | %s |",
				service.ndcg(), service.recall(), lucene.ndcg(), lucene.recall(), verdict(asGood, "")));
	}

	void startup(List<Double> empty, List<Double> loaded) {
		StringBuilder text = new StringBuilder("## 4. Startup to ready\n\n");
		text.append("From process start to the readiness probe answering 200 (the index caught up with the file).\n\n");
		text.append("| store | seconds |\n|---|---|\n");
		text.append(String.format(Locale.ROOT, "| empty (the JVM and Spring alone) | %s |%n",
				Samples.of(empty).describe("%.1f")));
		if (!loaded.isEmpty()) {
			Samples loadedSamples = Samples.of(loaded);
			text.append(String.format(Locale.ROOT, "| 100,000 rows indexed + 1,000 lines appended while down | %s |%n",
					loadedSamples.describe("%.1f")));
			text.append(String.format(Locale.ROOT, "%nThe data adds %.1f s (median) to the empty start.%n",
					loadedSamples.median() - Samples.of(empty).median()));
			this.summary
				.add(String.format(Locale.ROOT, "| Startup, 100k indexed + 1,000 new lines | %.1f s | < 15 s | %s |",
						loadedSamples.median(), verdict(loadedSamples.median() < 15, "")));
		}
		this.sections.add(text.toString());
	}

	void rebuild(String label, int rows, long bytes, List<Double> seconds, List<Double> heapUsed,
			List<Double> heapLive) {
		Samples time = Samples.of(seconds);
		double rate = rows / time.median();
		String row = String.format(Locale.ROOT, "| %s | %s | %,.0f | %s | %s |%n",
				label.isEmpty() ? "this build" : label, time.describe("%.1f"), rate,
				Samples.of(heapUsed).describe("%.0f"), Samples.of(heapLive).describe("%.0f"));
		if (!label.isEmpty()) {
			this.sections.set(this.sections.size() - 1, this.sections.get(this.sections.size() - 1) + row);
			return;
		}
		String text = String.format(Locale.ROOT,
				"## 3. Index rebuild from %,d rows (%,.0f MB)%n%n`POST /api/repos/bench/reindex` on a running service: "
						+ "drop the index, index the whole file, then verify it against the file as health does.%n%n"
						+ "| build | seconds | rows/s | heap peak used (MiB) | heap peak live after GC (MiB) |%n"
						+ "|---|---|---|---|---|%n",
				rows, bytes / 1e6);
		this.sections.add(text + row);
		if (rows == 1_000_000) {
			this.summary.add(String.format(Locale.ROOT, "| Rebuild of 1M rows | %,.0f rows/s | ≥ 50,000 rows/s | %s |",
					rate, verdict(rate >= 50_000, "")));
		}
		this.heapByRows.put(rows, Samples.of(heapLive).median());
	}

	private final Map<Integer, Double> heapByRows = new java.util.TreeMap<>();

	void sessions(RolloutCorpus.Generated generated, List<Double> service, List<Double> jq, long serviceBlocks,
			long jqBlocks) {
		double megabytes = generated.bytes() / 1e6;
		Samples serviceSeconds = Samples.of(service);
		Samples jqSeconds = Samples.of(jq);
		String text = String.format(Locale.ROOT,
				"## 5. Session extraction%n%n%d generated Codex rollout files, %,.0f MB (seeded; function-call "
						+ "output, reasoning and events around the messages, as real sessions are). Service: `GET "
						+ "/api/sessions/extract?lookback_minutes=1440`, whole answer read. Reference: `jq %s` with the "
						+ "same selection of user/assistant messages over the same files. Files are in the page "
						+ "cache for both.%n%n| | seconds | MB/s | message blocks |%n|---|---|---|---|%n"
						+ "| service | %s | %.0f | %,d |%n| jq | %s | %.0f | %,d |%n",
				generated.files().size(), megabytes, String.join(" ", RolloutCorpus.JQ_ARGS),
				serviceSeconds.describe("%.2f"), megabytes / serviceSeconds.median(), serviceBlocks,
				jqSeconds.describe("%.2f"), megabytes / jqSeconds.median(), jqBlocks);
		this.sections.add(text);
		this.summary.add(String.format(Locale.ROOT,
				"| Session extraction, service vs jq | %.0f vs %.0f MB/s | faster than jq | %s |",
				megabytes / serviceSeconds.median(), megabytes / jqSeconds.median(),
				verdict(serviceSeconds.median() < jqSeconds.median(), "")));
	}

	/** Sections after the memory one: section 7. */
	private final List<String> closing = new ArrayList<>();

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
		this.closing.add(text.toString());
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
		this.closing.add(text.toString());
		this.summary.add(String.format(Locale.ROOT,
				"| Extract of one %,.0f MB rollout at -Xmx%s | %s | answers 200 with both sessions | %s |",
				bigMegabytes, figures.heap(),
				figures.succeeded()
						? String.format(Locale.ROOT, "200 in %.1f s, heap peak %d MiB",
								Samples.of(figures.service()).median(), figures.peaks().usedMib())
						: "failed" + (figures.outOfMemory() ? " (OutOfMemoryError)" : ""),
				verdict(figures.succeeded(), "")));
	}

	void write() throws IOException {
		StringBuilder text = new StringBuilder();
		text.append("# Benchmarks\n\n");
		text.append("Written by the benchmark suite (`src/bench/java/io/teamlearnings/bench`); do not edit outside the "
				+ "kept section, run it again.\n\n");
		text.append(String.format(Locale.ROOT,
				"- Command: `%s` (the numbers below are from one run of it, %s)%n- Machine: %s%n- Runs per figure: %d "
						+ "(rebuilds: %d); each figure is the median, (min–max) over the runs%n%n",
				this.options.command(), LocalDate.now(), Machine.describe(), this.options.runs(),
				this.options.rebuildRuns()));
		text.append("## Goals\n\n| figure | measured | goal | |\n|---|---|---|---|\n");
		this.summary.forEach((line) -> text.append(line).append('\n'));
		if (!this.heapByRows.isEmpty()) {
			text.append(
					String.format(Locale.ROOT, "| Rebuild heap (live after GC) by rows | %s | flat (streaming) | |%n",
							String.join(", ",
									this.heapByRows.entrySet()
										.stream()
										.map((entry) -> String.format(Locale.ROOT, "%,d rows: %.0f MiB", entry.getKey(),
												entry.getValue()))
										.toList())));
		}
		text.append('\n');
		text.append(kept());
		text.append('\n');
		for (String section : this.sections) {
			text.append(section).append('\n');
		}
		if (this.memory != null) {
			text.append(this.memory).append('\n');
		}
		for (String section : this.closing) {
			text.append(section).append('\n');
		}
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

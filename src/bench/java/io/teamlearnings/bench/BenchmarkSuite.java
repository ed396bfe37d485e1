package io.teamlearnings.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import io.teamlearnings.support.LabelledRecallSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The benchmark suite: generates its data from fixed seeds, starts the service jar as a
 * separate process for each scenario, drives it over HTTP from this process, measures
 * each figure next to its reference in the same run, several runs each, and writes the
 * report. {@code bench/run} builds the jar and runs this; README.md and
 * docs/BENCHMARKS.md say how.
 */
public final class BenchmarkSuite {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final long SEED = 20261124L;

	private static final String REPO = "bench";

	private final Options options;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Report report;

	private BenchmarkSuite(Options options) {
		this.options = options;
		this.report = new Report(options);
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		new BenchmarkSuite(options).run();
	}

	private void run() throws Exception {
		Files.createDirectories(this.options.work());
		log("work directory %s, %d runs per figure", this.options.work(), this.options.runs());
		if (this.options.includes("appends")) {
			appends();
		}
		if (this.options.includes("recall")) {
			recall();
		}
		if (this.options.includes("quality")) {
			quality();
		}
		if (this.options.includes("rebuild")) {
			rebuild();
		}
		if (this.options.includes("startup")) {
			startup();
		}
		if (this.options.includes("sessions")) {
			sessions();
		}
		if (this.options.includes("sessions-large")) {
			largeWindow();
			longSession();
		}
		this.report.write();
		log("wrote %s", this.options.out());
	}

	// 1. Durable append throughput

	private void appends() throws Exception {
		appends(this.options.jar(), "");
		if (this.options.beforeJar() != null) {
			appends(this.options.beforeJar(), this.options.beforeLabel());
		}
	}

	private void appends(Path jar, String label) throws Exception {
		Map<Integer, List<Double>> appendRates = new LinkedHashMap<>();
		Map<Integer, List<Double>> trivialRates = new LinkedHashMap<>();
		Map<Integer, List<Double>> ratios = new LinkedHashMap<>();
		Map<Integer, List<Double>> appendP99 = new LinkedHashMap<>();
		long acknowledged = 0;
		long lines = 0;
		for (int run = 1; run <= this.options.runs(); run++) {
			String name = "append-" + (label.isEmpty() ? "" : label + "-") + run;
			Path root = emptyRepository(name);
			try (ServiceProcess service = ServiceProcess.start(jar, this.options.work(), name,
					settings(root, this.options.work().resolve(name + "-data")))) {
				long before = lineCount(root);
				for (int clients : List.of(1, 16)) {
					Load.Result trivial = Load.run(this.http, clients, this.options.warmUp(), this.options.measured(),
							200, (client) -> get(service, "/actuator/health/liveness"));
					List<LearningsCorpus> generators = new ArrayList<>();
					for (int c = 0; c < clients; c++) {
						generators.add(LearningsCorpus.seeded(SEED + 1000L * run + 100L * clients + c));
					}
					Load.Result appends = Load.run(this.http, clients, this.options.warmUp(), this.options.measured(),
							201, (client) -> appendRequest(service, generators.get(client)));
					log("appends %s run %d, %d clients: %.0f/s (trivial endpoint %.0f/s), %d other answers", label, run,
							clients, appends.perSecond(), trivial.perSecond(), appends.other());
					appendRates.computeIfAbsent(clients, (k) -> new ArrayList<>()).add(appends.perSecond());
					trivialRates.computeIfAbsent(clients, (k) -> new ArrayList<>()).add(trivial.perSecond());
					ratios.computeIfAbsent(clients, (k) -> new ArrayList<>())
						.add(appends.perSecond() / trivial.perSecond());
					acknowledged += appends.acknowledged();
					appendP99.computeIfAbsent(clients, (k) -> new ArrayList<>())
						.add(appends.latenciesMs().percentile(0.99));
				}
				lines += lineCount(root) - before;
			}
		}
		this.report.appends(label, appendRates, trivialRates, ratios, appendP99, acknowledged, lines);
	}

	private HttpRequest appendRequest(ServiceProcess service, LearningsCorpus generator) {
		ObjectNode row = generator.nextRow();
		ObjectNode body = MAPPER.createObjectNode();
		body.put("status", row.get("status").asString());
		body.put("learning", row.get("learning").asString());
		body.set("evidence", row.get("evidence"));
		body.put("application", row.get("application").asString());
		ObjectNode context = body.putObject("context");
		context.set("paths", row.path("context").path("paths"));
		if (row.has("tags")) {
			body.set("tags", row.get("tags"));
		}
		return HttpRequest.newBuilder(URI.create(service.base() + "/api/repos/" + REPO + "/learnings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)))
			.build();
	}

	// 2. Recall latency, against in-process Lucene and a scan of the file

	private void recall() throws Exception {
		for (int rows : this.options.recallSizes()) {
			Path root = this.options.work().resolve("recall-" + rows);
			Files.createDirectories(root);
			long bytes = LearningsCorpus.write(root.resolve(".learnings.jsonl"), SEED, rows);
			log("generated %,d rows (%,d bytes) for recall", rows, bytes);
			List<String> queries = queries(this.options.queries());
			Map<String, List<Double>> figures = new LinkedHashMap<>();
			try (LuceneBaseline lucene = new LuceneBaseline(readRows(root.resolve(".learnings.jsonl")))) {
				for (int run = 1; run <= this.options.runs(); run++) {
					Path data = this.options.work().resolve("recall-data-" + rows + "-" + run);
					try (ServiceProcess service = ServiceProcess.start(this.options.jar(), this.options.work(),
							"recall-" + rows + "-" + run, settings(root, data))) {
						add(figures, "rss_loaded", service.residentMib());
						List<Double> http = new ArrayList<>();
						List<Double> server = new ArrayList<>();
						for (String query : queries) {
							recallOnce(service, query, 10, true);
						}
						for (String query : queries) {
							long start = System.nanoTime();
							HttpResponse<byte[]> response = recallOnce(service, query, 10, true);
							http.add((System.nanoTime() - start) / 1e6);
							server.add(serverTiming(response));
						}
						Samples httpSamples = Samples.of(http);
						Samples serverSamples = Samples.of(server);
						for (double p : new double[] { 0.50, 0.95, 0.99 }) {
							add(figures, "http_p" + (int) (p * 100), httpSamples.percentile(p));
							add(figures, "server_p" + (int) (p * 100), serverSamples.percentile(p));
						}
						queries.forEach((query) -> lucene.search(query, 10));
						List<Double> luceneTimes = new ArrayList<>();
						for (String query : queries) {
							long start = System.nanoTime();
							lucene.search(query, 10);
							luceneTimes.add((System.nanoTime() - start) / 1e6);
						}
						Samples luceneSamples = Samples.of(luceneTimes);
						for (double p : new double[] { 0.50, 0.95, 0.99 }) {
							add(figures, "lucene_p" + (int) (p * 100), luceneSamples.percentile(p));
						}
						List<Double> scanTimes = new ArrayList<>();
						for (String query : queries.subList(0, Math.min(this.options.scanQueries(), queries.size()))) {
							scanTimes.add(grep(root.resolve(".learnings.jsonl"), query));
						}
						Samples scanSamples = Samples.of(scanTimes);
						add(figures, "scan_p50", scanSamples.percentile(0.50));
						add(figures, "scan_p95", scanSamples.percentile(0.95));
						double overlap = 0;
						for (String query : queries) {
							Set<String> mine = new HashSet<>(ids(recallOnce(service, query, 10, false)));
							List<String> theirs = lucene.search(query, 10);
							long shared = theirs.stream().filter(mine::contains).count();
							overlap += theirs.isEmpty() ? 1 : (double) shared / Math.min(10, theirs.size());
						}
						add(figures, "overlap", overlap / queries.size());
						add(figures, "rss_after_recall", service.residentMib());
						log("recall %,d rows run %d: server p95 %.2f ms, http p95 %.2f ms, lucene p95 %.2f ms, scan p50 %.0f ms",
								rows, run, serverSamples.percentile(0.95), httpSamples.percentile(0.95),
								luceneSamples.percentile(0.95), scanSamples.percentile(0.50));
					}
					if (rows == 100_000 && run == this.options.runs()) {
						this.indexed100k = new IndexedStore(root, data);
					}
					else {
						deleteTree(data);
					}
				}
			}
			this.report.recall(rows, bytes, queries.size(), Math.min(this.options.scanQueries(), queries.size()),
					figures);
		}
	}

	private IndexedStore indexed100k;

	record IndexedStore(Path root, Path data) {
	}

	private HttpResponse<byte[]> recallOnce(ServiceProcess service, String query, int limit, boolean dropSuperseded)
			throws Exception {
		HttpResponse<byte[]> response = this.http.send(
				get(service,
						"/api/repos/" + REPO + "/learnings/recall?limit=" + limit + "&drop_superseded=" + dropSuperseded
								+ "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("recall answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return response;
	}

	private static double serverTiming(HttpResponse<?> response) {
		String header = response.headers().firstValue("Server-Timing").orElseThrow();
		return Double.parseDouble(header.substring(header.indexOf("dur=") + 4));
	}

	private static List<String> ids(HttpResponse<byte[]> response) {
		List<String> ids = new ArrayList<>();
		MAPPER.readTree(response.body()).path("hits").forEach((hit) -> ids.add(hit.path("id").asString()));
		return ids;
	}

	/**
	 * What {@code grep} costs for a query: {@code grep -i -F} for any of its words over
	 * the file, in milliseconds.
	 */
	private static double grep(Path file, String query) throws Exception {
		List<String> command = new ArrayList<>(List.of("grep", "-c", "-i", "-F"));
		for (String word : query.split("\\s+")) {
			command.add("-e");
			command.add(word);
		}
		command.add(file.toString());
		long start = System.nanoTime();
		// output read through a pipe: GNU grep stops at the first match when it writes to
		// /dev/null
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		process.getInputStream().readAllBytes();
		process.waitFor();
		return (System.nanoTime() - start) / 1e6;
	}

	private static List<String> queries(int count) {
		LearningsCorpus generator = LearningsCorpus.seeded(SEED + 7);
		List<String> queries = new ArrayList<>();
		while (queries.size() < count) {
			String query = generator.nextQuery();
			if (!query.isBlank()) {
				queries.add(query);
			}
		}
		return queries;
	}

	private static List<JsonNode> readRows(Path file) throws IOException {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.map(MAPPER::readTree).toList();
		}
	}

	// Ranking quality on the labelled set, against plain Lucene BM25

	private void quality() throws Exception {
		LabelledRecallSet set = LabelledRecallSet.load();
		Path root = this.options.work().resolve("quality");
		Files.createDirectories(root);
		Files.writeString(root.resolve(".learnings.jsonl"), set.jsonl());
		try (ServiceProcess service = start("quality", root); LuceneBaseline lucene = new LuceneBaseline(set.rows())) {
			Function<LabelledRecallSet.Query, List<String>> viaService = (query) -> {
				StringBuilder path = new StringBuilder(
						"/api/repos/" + REPO + "/learnings/recall?limit=5&as_of=2026-06-01T00:00:00Z&query="
								+ URLEncoder.encode(query.query(), StandardCharsets.UTF_8));
				query.paths()
					.forEach((changed) -> path.append("&paths=")
						.append(URLEncoder.encode(changed, StandardCharsets.UTF_8)));
				try {
					return ids(this.http.send(get(service, path.toString()), HttpResponse.BodyHandlers.ofByteArray()));
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			};
			LabelledRecallSet.Quality mine = set.evaluate(viaService, 5, null);
			LabelledRecallSet.Quality plain = set.evaluate((query) -> lucene.search(query.query(), 5), 5, null);
			log("quality: service %s, lucene %s", mine, plain);
			this.report.quality(set.queries().size(), mine, plain);
		}
	}

	// 4. Startup with 100,000 rows indexed and 1,000 lines appended while it was down

	private void startup() throws Exception {
		List<Double> empty = new ArrayList<>();
		List<Double> loaded = new ArrayList<>();
		IndexedStore store = this.indexed100k;
		LearningsCorpus more = LearningsCorpus.seeded(SEED + 99);
		for (int run = 1; run <= this.options.runs(); run++) {
			Path root = emptyRepository("startup-empty-" + run);
			try (ServiceProcess service = start("startup-empty-" + run, root)) {
				empty.add(service.secondsToReady());
			}
			if (store != null) {
				StringBuilder lines = new StringBuilder();
				for (int i = 0; i < 1000; i++) {
					lines.append(more.nextLine()).append('\n');
				}
				Files.writeString(store.root().resolve(".learnings.jsonl"), lines, StandardOpenOption.APPEND);
				try (ServiceProcess service = ServiceProcess.start(this.options.jar(), this.options.work(),
						"startup-100k-" + run, settings(store.root(), store.data()))) {
					loaded.add(service.secondsToReady());
					JsonNode health = getJson(service, "/api/repos/" + REPO + "/health");
					log("startup run %d: empty %.1f s, 100k + 1000 new %.1f s (%s)", run, empty.get(empty.size() - 1),
							service.secondsToReady(), health.path("rows"));
				}
			}
		}
		this.report.startup(empty, loaded);
	}

	// 3. Index rebuild from a large file

	private void rebuild() throws Exception {
		for (int rows : this.options.rebuildSizes()) {
			Path source = this.options.work().resolve("rebuild-source-" + rows + ".jsonl");
			long bytes = LearningsCorpus.write(source, SEED + 3, rows);
			log("generated %,d rows (%,d bytes) for the rebuild", rows, bytes);
			Map<String, List<Double>> seconds = new LinkedHashMap<>();
			Map<String, List<Double>> heapUsed = new LinkedHashMap<>();
			Map<String, List<Double>> heapLive = new LinkedHashMap<>();
			Map<String, Path> jars = new LinkedHashMap<>();
			jars.put("", this.options.jar());
			if (this.options.beforeJar() != null && rows <= 100_000) {
				jars.put(this.options.beforeLabel(), this.options.beforeJar());
			}
			for (int run = 1; run <= this.options.rebuildRuns(); run++) {
				for (Map.Entry<String, Path> jar : jars.entrySet()) {
					rebuildOnce(rows, source, run, jar.getKey(), jar.getValue(), seconds, heapUsed, heapLive);
				}
			}
			Files.deleteIfExists(source);
			for (String label : jars.keySet()) {
				this.report.rebuild(label, rows, bytes, seconds.get(label), heapUsed.get(label), heapLive.get(label));
			}
		}
	}

	private void rebuildOnce(int rows, Path source, int run, String label, Path jar, Map<String, List<Double>> seconds,
			Map<String, List<Double>> heapUsed, Map<String, List<Double>> heapLive) throws Exception {
		String name = "rebuild-" + rows + "-" + (label.isEmpty() ? "" : label + "-") + run;
		Path root = emptyRepository(name);
		try (ServiceProcess service = ServiceProcess.start(jar, this.options.work(), name,
				settings(root, this.options.work().resolve(name + "-data")))) {
			Files.move(source, root.resolve(".learnings.jsonl"), StandardCopyOption.REPLACE_EXISTING);
			long start = System.nanoTime();
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/repos/" + REPO + "/reindex"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.timeout(Duration.ofHours(1))
					.build(), HttpResponse.BodyHandlers.ofString());
			double elapsed = (System.nanoTime() - start) / 1e9;
			if (response.statusCode() != 200) {
				throw new IllegalStateException("reindex answered " + response.statusCode());
			}
			ServiceProcess.HeapPeaks peaks = service.heapPeaks();
			seconds.computeIfAbsent(label, (key) -> new ArrayList<>()).add(elapsed);
			heapUsed.computeIfAbsent(label, (key) -> new ArrayList<>()).add((double) peaks.usedMib());
			heapLive.computeIfAbsent(label, (key) -> new ArrayList<>()).add((double) peaks.liveMib());
			log("rebuild %s %,d rows run %d: %.1f s (%.0f rows/s), heap peak %d MiB used, %d MiB live", label, rows,
					run, elapsed, rows / elapsed, peaks.usedMib(), peaks.liveMib());
			Files.move(root.resolve(".learnings.jsonl"), source);
		}
		deleteTree(root);
		deleteTree(this.options.work().resolve(name + "-data"));
	}

	// 5. Session extraction against jq

	private void sessions() throws Exception {
		Path codexHome = this.options.work().resolve("codex-home");
		RolloutCorpus.Generated generated = RolloutCorpus.write(codexHome, SEED, this.options.sessions(),
				this.options.sessionBytes(), Instant.now());
		log("generated %d sessions, %,d bytes", generated.files().size(), generated.bytes());
		List<Double> service = new ArrayList<>();
		List<Double> jq = new ArrayList<>();
		long serviceBlocks = 0;
		long jqBlocks = 0;
		Path root = emptyRepository("sessions");
		List<String> settings = new ArrayList<>(settings(root, this.options.work().resolve("sessions-data")));
		settings.add("--learnings.sessions.sessions-dir=" + codexHome.resolve("sessions"));
		settings.add("--learnings.sessions.archive-dir=" + codexHome.resolve("archived_sessions"));
		try (ServiceProcess server = ServiceProcess.start(this.options.jar(), this.options.work(), "sessions",
				settings)) {
			HttpRequest extract = get(server, "/api/sessions/extract?lookback_minutes=1440");
			this.http.send(extract, HttpResponse.BodyHandlers.discarding());
			for (int run = 1; run <= this.options.runs(); run++) {
				long start = System.nanoTime();
				HttpResponse<InputStream> response = this.http.send(extract, HttpResponse.BodyHandlers.ofInputStream());
				serviceBlocks = countBlocks(response.body());
				service.add((System.nanoTime() - start) / 1e9);
				List<String> command = new ArrayList<>(List.of("jq"));
				command.addAll(RolloutCorpus.JQ_ARGS);
				command.add(RolloutCorpus.JQ_FILTER);
				generated.files().forEach((file) -> command.add(file.toString()));
				start = System.nanoTime();
				Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
				jqBlocks = countBlocks(process.getInputStream());
				process.waitFor();
				jq.add((System.nanoTime() - start) / 1e9);
				log("sessions run %d: service %.2f s, jq %.2f s", run, service.get(service.size() - 1),
						jq.get(jq.size() - 1));
			}
		}
		this.report.sessions(generated, service, jq, serviceBlocks, jqBlocks);
	}

	// 7. Session extraction in a bounded heap: a large window, and one very large file

	/**
	 * Section 5's extraction of many sessions (about 2 MB each) with the service's heap
	 * capped ({@code -Xmx512m} unless told), beside the same {@code jq} command, run for
	 * run.
	 */
	private void largeWindow() throws Exception {
		Options.LargeSessions sizes = this.options.largeSessions();
		Path codexHome = this.options.work().resolve("codex-home-window");
		RolloutCorpus.Generated generated = RolloutCorpus.write(codexHome, SEED, sizes.sessions(), sizes.bytes(),
				Instant.now());
		log("generated %d sessions, %,d bytes, for the bounded-heap window", generated.files().size(),
				generated.bytes());
		List<Double> service = new ArrayList<>();
		List<Double> jq = new ArrayList<>();
		ExtractRun last = null;
		JqRun lastJq = null;
		ServiceProcess.HeapPeaks peaks;
		double serviceRss;
		try (ServiceProcess server = ServiceProcess.start(this.options.jar(), this.options.work(), "sessions-window",
				List.of("-Xmx" + sizes.heap()), sessionSettings("sessions-window", codexHome))) {
			// every extract counts towards the heap peak, the warm-up too
			int mark = server.gcLogMark();
			extractText(server);
			for (int run = 1; run <= this.options.runs(); run++) {
				last = extractText(server);
				if (!last.ok()) {
					log("sessions window run %d: service failed after %.2f s: %s", run, last.seconds(), last.error());
					break;
				}
				service.add(last.seconds());
				lastJq = jq(generated.files(), "window");
				jq.add(lastJq.seconds());
				log("sessions window run %d (-Xmx%s): service %.2f s, jq %.2f s", run, sizes.heap(), last.seconds(),
						lastJq.seconds());
			}
			peaks = heapPeaksAtEnd(server, mark);
			serviceRss = server.isAlive() ? server.peakResidentMib() : Double.NaN;
		}
		long smallest = Long.MAX_VALUE;
		long largest = 0;
		for (Path file : generated.files()) {
			smallest = Math.min(smallest, Files.size(file));
			largest = Math.max(largest, Files.size(file));
		}
		deleteTree(codexHome);
		this.report.largeWindow(new LargeWindow(generated, smallest, largest, sizes.heap(), service, jq, last, lastJq,
				peaks, serviceRss));
	}

	/**
	 * One session file far larger than the service's heap ({@code -Xmx256m} unless told),
	 * a single turn of large tool outputs, beside a small session: the extract must
	 * answer 200 with both sessions and the long one's three messages. Measured: its wall
	 * time and the heap's peak, beside {@code jq}'s time and peak resident size over the
	 * same two files.
	 */
	private void longSession() throws Exception {
		Options.LargeSessions sizes = this.options.largeSessions();
		Path codexHome = this.options.work().resolve("codex-home-long");
		Instant now = Instant.now();
		long start = System.nanoTime();
		RolloutCorpus.Generated big = RolloutCorpus.writeLongTurn(codexHome, SEED + 14, sizes.toolOutputs(),
				sizes.longBytes(), now);
		RolloutCorpus.Generated small = RolloutCorpus.write(codexHome, SEED + 15, 1, 200_000, now);
		log("generated a %,d-byte session of %d tool outputs and a %,d-byte one in %.1f s", big.bytes(),
				sizes.toolOutputs(), small.bytes(), (System.nanoTime() - start) / 1e9);
		List<Path> files = List.of(big.files().get(0), small.files().get(0));
		List<Double> service = new ArrayList<>();
		List<Double> jq = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		ExtractRun last = null;
		JqRun lastJq = null;
		ServiceProcess.HeapPeaks peaks;
		double serviceRss;
		boolean outOfMemory;
		try (ServiceProcess server = ServiceProcess.start(this.options.jar(), this.options.work(), "sessions-long",
				List.of("-Xmx" + sizes.longHeap()), sessionSettings("sessions-long", codexHome))) {
			int mark = server.gcLogMark();
			for (int run = 1; run <= this.options.runs(); run++) {
				last = extractText(server);
				String failure = longSessionFailure(last, big, small);
				if (failure != null) {
					failures.add(failure);
					log("long session run %d: FAILED after %.1f s: %s", run, last.seconds(), failure);
					break;
				}
				service.add(last.seconds());
				lastJq = jq(files, "long");
				jq.add(lastJq.seconds());
				log("long session run %d (-Xmx%s): service %.1f s %s, jq %.1f s (max RSS %.0f MiB)", run,
						sizes.longHeap(), last.seconds(), last.headers(), lastJq.seconds(), lastJq.maxRssMib());
			}
			if (lastJq == null) {
				// the service failed at once: jq is still the reference to report
				lastJq = jq(files, "long");
				jq.add(lastJq.seconds());
			}
			peaks = heapPeaksAtEnd(server, mark);
			serviceRss = server.isAlive() ? server.peakResidentMib() : Double.NaN;
			outOfMemory = server.logContains("OutOfMemoryError");
		}
		log("long session: heap peak %d MiB used, %d MiB after a collection, %d MiB live at the end (-Xmx%s)%s",
				peaks.usedMib(), peaks.liveMib(), peaks.lastFullMib(), sizes.longHeap(),
				outOfMemory ? ", OutOfMemoryError in the service log" : "");
		deleteTree(codexHome);
		this.report.longSession(new LongSession(big, small, sizes.toolOutputs(), sizes.longHeap(), service, jq, last,
				lastJq, peaks, serviceRss, outOfMemory, failures));
	}

	/**
	 * Why the long session's extract is not what it must be (null if it is): 200, both
	 * sessions, the long one's user request, assistant answer and follow-up in that
	 * order, the small one's every message.
	 */
	private static String longSessionFailure(ExtractRun run, RolloutCorpus.Generated big,
			RolloutCorpus.Generated small) {
		if (!run.ok()) {
			return run.error();
		}
		TextExtract.Session longOne = run.extract().session(big.files().get(0).toString());
		TextExtract.Session smallOne = run.extract().session(small.files().get(0).toString());
		if (run.extract().found() != 2 || longOne == null || smallOne == null) {
			return "expected both sessions, the answer has " + run.extract().found() + ": "
					+ run.extract().sessions().stream().map(TextExtract.Session::file).toList();
		}
		if (!longOne.tags().equals(List.of("USER", "ASSISTANT", "USER"))) {
			return "the long session's messages are " + longOne.tags() + ", not [USER, ASSISTANT, USER]";
		}
		if (smallOne.tags().size() != small.userMessages() + small.assistantMessages()) {
			return "the small session has " + smallOne.tags().size() + " messages, not "
					+ (small.userMessages() + small.assistantMessages());
		}
		return null;
	}

	/**
	 * The heap peaks while the extracts ran, from the GC log (written by
	 * {@code -Xlog:gc}), not by sampling {@code jstat -gc} or {@code jcmd GC.heap_info}
	 * every 100 ms: the heap in use only grows between collections, so its largest value
	 * is the "before" of one of them, which the log records for every collection. A
	 * sample would miss a peak that a 256 MB heap reaches and collects between two
	 * samples, and each sample would start a JVM on two cores the service needs. A full
	 * collection requested at the end ({@code jcmd GC.run}) logs the heap in use after
	 * the last automatic one, so no growth goes unseen.
	 */
	private static ServiceProcess.HeapPeaks heapPeaksAtEnd(ServiceProcess server, int mark) {
		if (server.isAlive()) {
			server.collectGarbage();
		}
		return server.heapPeaksSince(mark);
	}

	/**
	 * One timed {@code text/plain} extract, read to its end.
	 *
	 * @param status the HTTP status, 0 when there was no answer
	 * @param seconds from sending the request to the answer's last byte
	 * @param extract what the answer held (null without an answer)
	 * @param headers the {@code Sessions-Unreadable} and {@code Sessions-Skipped-Lines}
	 * headers, if the build sends them
	 * @param error why it is not a 200 answer (null if it is)
	 */
	record ExtractRun(int status, double seconds, TextExtract extract, Map<String, String> headers, String error) {

		boolean ok() {
			return this.error == null;
		}

	}

	private ExtractRun extractText(ServiceProcess service) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(service.base() + "/api/sessions/extract?lookback_minutes=1440"))
			.header("Accept", "text/plain")
			.timeout(Duration.ofMinutes(30))
			.GET()
			.build();
		long start = System.nanoTime();
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			Map<String, String> headers = new LinkedHashMap<>();
			for (String name : List.of("Sessions-Unreadable", "Sessions-Skipped-Lines")) {
				response.headers().firstValue(name).ifPresent((value) -> headers.put(name, value));
			}
			if (response.statusCode() != 200) {
				String body;
				try (InputStream in = response.body()) {
					body = new String(in.readNBytes(300), StandardCharsets.UTF_8);
				}
				log("extract answered %d: %s", response.statusCode(), body);
				return new ExtractRun(response.statusCode(), (System.nanoTime() - start) / 1e9, null, headers,
						"HTTP " + response.statusCode());
			}
			TextExtract extract = TextExtract.read(response.body());
			return new ExtractRun(200, (System.nanoTime() - start) / 1e9, extract, headers, null);
		}
		catch (IOException ex) {
			return new ExtractRun(0, (System.nanoTime() - start) / 1e9, null, Map.of(), "no answer: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One timed run of the {@code jq} reference.
	 *
	 * @param seconds wall time to its last byte of output
	 * @param blocks the {@code [USER]} and {@code [ASSISTANT]} blocks it wrote
	 * @param maxRssMib its peak resident size from {@code /usr/bin/time -v} (NaN without
	 * it)
	 */
	record JqRun(double seconds, long blocks, double maxRssMib) {
	}

	/**
	 * {@link RolloutCorpus#jqCommand} over the files, under {@code /usr/bin/time -v} when
	 * there is one (which costs a fork and a {@code wait4}, nothing measurable).
	 */
	private JqRun jq(List<Path> files, String label) throws Exception {
		Path time = Path.of("/usr/bin/time");
		boolean timed = Files.isExecutable(time);
		List<String> command = new ArrayList<>(timed ? List.of(time.toString(), "-v") : List.of());
		command.addAll(RolloutCorpus.jqCommand(files));
		Path errors = this.options.work().resolve("jq-" + label + ".txt");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
		long blocks = countBlocks(process.getInputStream());
		int exit = process.waitFor();
		double seconds = (System.nanoTime() - start) / 1e9;
		if (exit != 0) {
			throw new IllegalStateException("jq exited with " + exit + "; see " + errors);
		}
		double maxRss = Double.NaN;
		for (String line : Files.readAllLines(errors)) {
			if (line.strip().startsWith("Maximum resident set size (kbytes):")) {
				maxRss = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
			}
		}
		return new JqRun(seconds, blocks, maxRss);
	}

	/**
	 * The bounded-heap window's figures.
	 *
	 * @param corpus the sessions
	 * @param smallestFile the smallest session file's size in bytes
	 * @param largestFile the largest one's
	 * @param heap the service's {@code -Xmx}
	 * @param service the service's seconds, run by run
	 * @param jq jq's seconds, run by run
	 * @param last the service's last extract
	 * @param lastJq jq's last run (null if the service failed first)
	 * @param peaks the heap peaks over every extract
	 * @param serviceRssMib the service's peak resident size ({@code VmHWM})
	 */
	record LargeWindow(RolloutCorpus.Generated corpus, long smallestFile, long largestFile, String heap,
			List<Double> service, List<Double> jq, ExtractRun last, JqRun lastJq, ServiceProcess.HeapPeaks peaks,
			double serviceRssMib) {
	}

	/**
	 * The long session's figures.
	 *
	 * @param big the long session
	 * @param small the small one beside it
	 * @param toolOutputs the long session's tool outputs
	 * @param heap the service's {@code -Xmx}
	 * @param service the service's seconds, run by run, while it succeeded
	 * @param jq jq's seconds, run by run
	 * @param last the service's last extract
	 * @param lastJq jq's last run
	 * @param peaks the heap peaks over every extract
	 * @param serviceRssMib the service's peak resident size ({@code VmHWM}; NaN if it
	 * died)
	 * @param outOfMemory whether the service logged an {@code OutOfMemoryError}
	 * @param failures why runs failed
	 */
	record LongSession(RolloutCorpus.Generated big, RolloutCorpus.Generated small, int toolOutputs, String heap,
			List<Double> service, List<Double> jq, ExtractRun last, JqRun lastJq, ServiceProcess.HeapPeaks peaks,
			double serviceRssMib, boolean outOfMemory, List<String> failures) {

		boolean succeeded() {
			return this.failures.isEmpty() && !this.service.isEmpty();
		}

	}

	/** {@code [USER]} and {@code [ASSISTANT]} lines in an extract. */
	private static long countBlocks(InputStream in) throws IOException {
		long blocks = 0;
		try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.equals("[USER]") || line.equals("[ASSISTANT]")) {
					blocks++;
				}
			}
		}
		return blocks;
	}

	// Helpers

	/** {@link #settings} for an empty repository, reading sessions from codexHome. */
	private List<String> sessionSettings(String label, Path codexHome) throws IOException {
		List<String> settings = new ArrayList<>(
				settings(emptyRepository(label), this.options.work().resolve(label + "-data")));
		settings.add("--learnings.sessions.sessions-dir=" + codexHome.resolve("sessions"));
		settings.add("--learnings.sessions.archive-dir=" + codexHome.resolve("archived_sessions"));
		return settings;
	}

	private ServiceProcess start(String label, Path root) {
		return ServiceProcess.start(this.options.jar(), this.options.work(), label,
				settings(root, this.options.work().resolve(label + "-data")));
	}

	private static List<String> settings(Path root, Path data) {
		return List.of("--learnings.data-dir=" + data, "--learnings.repos[0].name=" + REPO,
				"--learnings.repos[0].root=" + root, "--learnings.memory.root=" + data.resolve("memories"));
	}

	private Path emptyRepository(String label) throws IOException {
		Path root = this.options.work().resolve(label + "-repo");
		Files.createDirectories(root);
		return root;
	}

	private static HttpRequest get(ServiceProcess service, String path) {
		return HttpRequest.newBuilder(URI.create(service.base() + path)).GET().build();
	}

	private JsonNode getJson(ServiceProcess service, String path) throws Exception {
		return MAPPER.readTree(this.http.send(get(service, path), HttpResponse.BodyHandlers.ofByteArray()).body());
	}

	private static long lineCount(Path root) throws IOException {
		Path file = root.resolve(".learnings.jsonl");
		if (!Files.exists(file)) {
			return 0;
		}
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
	}

	private static void add(Map<String, List<Double>> figures, String name, double value) {
		figures.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[bench %tT] " + format + "%n", prepend(java.time.LocalTime.now(), args));
	}

	private static Object[] prepend(Object first, Object[] rest) {
		Object[] all = new Object[rest.length + 1];
		all[0] = first;
		System.arraycopy(rest, 0, all, 1, rest.length);
		return all;
	}

}

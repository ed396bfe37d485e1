package io.teamlearnings.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

	/** Lines of a failed service's log that go to the suite's output. */
	private static final int LOG_TAIL = 40;

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
		log("work directory %s, %d runs per figure, services at -Xmx%s", this.options.work(), this.options.runs(),
				this.options.serviceHeap());
		scenario("appends", this::appends);
		// startup restarts on recall's largest store, and then deletes it before the
		// rebuilds
		// need the disk
		scenario("recall", this::recall);
		scenario("semantic", this::semantic);
		scenario("startup", this::startup);
		scenario("quality", this::quality);
		scenario("rebuild", this::rebuild);
		scenario("sessions", this::sessions);
		scenario("sessions-large", () -> {
			largeWindow();
			longSession();
		});
		this.report.write();
		log("wrote %s", this.options.out());
		if (!this.failures.isEmpty()) {
			log("FAILED: %s", String.join("; ", this.failures));
			System.exit(1);
		}
	}

	private final List<String> failures = new ArrayList<>();

	private interface Scenario {

		void run() throws Exception;

	}

	/**
	 * Runs the scenario if {@code --only} includes it. A scenario that fails is reported
	 * as failed (and makes the suite exit with 1 once the report is written); the others
	 * still run, so that one failure does not cost a whole run's figures.
	 */
	private void scenario(String name, Scenario scenario) {
		if (!this.options.includes(name)) {
			return;
		}
		try {
			scenario.run();
		}
		catch (Exception ex) {
			failed(name, ex);
		}
	}

	private void failed(String what, Exception ex) {
		log("%s FAILED: %s", what, ex);
		ex.printStackTrace(System.out);
		this.failures.add(what + ": " + ex.getMessage());
		this.report.failed(what, String.valueOf(ex.getMessage()));
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
		Map<Integer, Long> otherStatuses = new TreeMap<>();
		long acknowledged = 0;
		long lines = 0;
		for (int run = 1; run <= this.options.runs(); run++) {
			String name = "append-" + (label.isEmpty() ? "" : label + "-") + run;
			Path root = emptyRepository(name);
			try (ServiceProcess service = startService(jar, name,
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
					log("appends %s run %d, %d clients: %.0f/s (trivial endpoint %.0f/s), other answers %s", label, run,
							clients, appends.perSecond(), trivial.perSecond(), appends.otherStatuses());
					appends.otherStatuses().forEach((status, count) -> otherStatuses.merge(status, count, Long::sum));
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
		this.report.appends(label, appendRates, trivialRates, ratios, appendP99, acknowledged, lines, otherStatuses);
	}

	private HttpRequest appendRequest(ServiceProcess service, LearningsCorpus generator) {
		ObjectNode row = generator.nextAppend();
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
			try {
				recall(rows);
			}
			catch (Exception ex) {
				failed(String.format(Locale.ROOT, "recall at %,d rows", rows), ex);
				this.report.recallFailed(rows, String.valueOf(ex.getMessage()));
			}
		}
	}

	/**
	 * Recall over a store of {@code rows} rows. The service indexes the store when it
	 * first starts; the later runs restart it on that index. The store of
	 * {@code --startup-rows} rows and its index are kept for the startup scenario.
	 */
	private void recall(int rows) throws Exception {
		Path root = this.options.work().resolve("recall-" + rows);
		Files.createDirectories(root);
		long bytes = LearningsCorpus.write(root.resolve(".learnings.jsonl"), SEED, rows);
		log("generated %,d rows (%,d bytes) for recall", rows, bytes);
		List<String> queries = queries(this.options.queries());
		Map<String, List<Double>> figures = new LinkedHashMap<>();
		Path data = this.options.work().resolve("recall-data-" + rows);
		Path luceneIndex = this.options.work().resolve("recall-lucene-" + rows);
		long luceneStart = System.nanoTime();
		try (LuceneBaseline lucene = LuceneBaseline.ofFile(root.resolve(".learnings.jsonl"), luceneIndex)) {
			log("Lucene indexed %,d rows in %.1f s", rows, (System.nanoTime() - luceneStart) / 1e9);
			for (int run = 1; run <= this.options.runs(); run++) {
				try (ServiceProcess service = startService(this.options.jar(), "recall-" + rows + "-" + run,
						settings(root, data))) {
					recallRun(rows, run, service, queries, lucene, root, figures);
				}
			}
		}
		finally {
			deleteTree(luceneIndex);
		}
		if (rows == this.options.startupRows()) {
			this.indexedStore = new IndexedStore(root, data);
		}
		else {
			deleteTree(data);
			deleteTree(root);
		}
		this.report.recall(rows, bytes, queries.size(), Math.min(this.options.scanQueries(), queries.size()), figures);
	}

	/**
	 * One recall run on a started service: the service, Lucene and grep over the same
	 * queries. When it fails, the end of the service's log goes to the suite's output.
	 */
	private void recallRun(int rows, int run, ServiceProcess service, List<String> queries, LuceneBaseline lucene,
			Path root, Map<String, List<Double>> figures) throws Exception {
		try {
			add(figures, (run == 1) ? "ready_indexing" : "ready_indexed", service.secondsToReady());
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
			log("recall %,d rows run %d: ready in %.1f s, server p95 %.2f ms, http p95 %.2f ms, lucene p95 %.2f ms, "
					+ "scan p50 %.0f ms", rows, run, service.secondsToReady(), serverSamples.percentile(0.95),
					httpSamples.percentile(0.95), luceneSamples.percentile(0.95), scanSamples.percentile(0.50));
		}
		catch (Exception ex) {
			log("recall %,d rows run %d failed; the service's log ends:%n%s", rows, run, service.logTail(LOG_TAIL));
			throw ex;
		}
	}

	// 2b. Semantic recall's cost: embedding, hybrid latency beside lexical and Lucene

	/**
	 * Semantic recall at the recall sizes up to 100,000 rows (it holds every row's vector
	 * in memory; 1,000,000 rows are over the recall corpus's budget anyway).
	 */
	private void semantic() throws Exception {
		for (int rows : this.options.recallSizes()) {
			if (rows > 100_000) {
				continue;
			}
			try {
				semantic(rows);
			}
			catch (Exception ex) {
				failed(String.format(Locale.ROOT, "semantic recall at %,d rows", rows), ex);
				this.report.failed(String.format(Locale.ROOT, "semantic recall at %,d rows", rows),
						String.valueOf(ex.getMessage()));
			}
		}
	}

	/**
	 * One service with semantic recall on over a store of {@code rows} rows: how long its
	 * worker takes to embed them all (rows a second), the resident memory before and
	 * after, then the same queries in lexical and hybrid mode (alternating which goes
	 * first) and in Lucene, server-side p50/p95, and the semantic top 10 of each. Then a
	 * second start on the same data with a shortlist of every row (an exact scan): how
	 * long it takes to read the stored vectors back, its semantic p95, and how many of
	 * the exact top 10 the sign-bit shortlist found.
	 */
	private void semantic(int rows) throws Exception {
		Path root = this.options.work().resolve("semantic-" + rows);
		Files.createDirectories(root);
		LearningsCorpus.write(root.resolve(".learnings.jsonl"), SEED, rows);
		List<String> queries = queries(this.options.queries());
		Path data = this.options.work().resolve("semantic-data-" + rows);
		Path luceneIndex = this.options.work().resolve("semantic-lucene-" + rows);
		List<String> settings = new ArrayList<>(settings(root, data));
		settings.remove("--learnings.recall.semantic.enabled=false");
		settings.add("--learnings.recall.semantic.enabled=true");
		settings.add("--learnings.recall.semantic.poll-interval=200ms");
		Map<String, List<Double>> figures = new LinkedHashMap<>();
		try {
			List<List<String>> shortlisted;
			try (LuceneBaseline lucene = LuceneBaseline.ofFile(root.resolve(".learnings.jsonl"), luceneIndex);
					ServiceProcess service = startService(this.options.jar(), "semantic-" + rows, settings)) {
				add(figures, "rss_ready", service.residentMib());
				double seconds = awaitEmbedded(service, rows, Duration.ofSeconds(120 + rows / 20));
				add(figures, "embed_rows_per_s", rows / seconds);
				add(figures, "rss_embedded", service.residentMib());
				log("semantic %,d rows: embedded in %.0f s (%.0f rows/s)", rows, seconds, rows / seconds);
				for (String query : queries) {
					recallOnce(service, query, 10, true, "lexical");
					recallOnce(service, query, 10, true, "hybrid");
				}
				List<Double> lexical = new ArrayList<>();
				List<Double> hybrid = new ArrayList<>();
				for (int i = 0; i < queries.size(); i++) {
					String query = queries.get(i);
					if (i % 2 == 0) {
						lexical.add(serverTiming(recallOnce(service, query, 10, true, "lexical")));
						hybrid.add(serverTiming(recallOnce(service, query, 10, true, "hybrid")));
					}
					else {
						hybrid.add(serverTiming(recallOnce(service, query, 10, true, "hybrid")));
						lexical.add(serverTiming(recallOnce(service, query, 10, true, "lexical")));
					}
				}
				shortlisted = semanticTop10(service, queries, figures, "semantic");
				queries.forEach((query) -> lucene.search(query, 10));
				List<Double> luceneTimes = new ArrayList<>();
				for (String query : queries) {
					long began = System.nanoTime();
					lucene.search(query, 10);
					luceneTimes.add((System.nanoTime() - began) / 1e6);
				}
				for (double p : new double[] { 0.50, 0.95 }) {
					add(figures, "lexical_p" + (int) (p * 100), Samples.of(lexical).percentile(p));
					add(figures, "hybrid_p" + (int) (p * 100), Samples.of(hybrid).percentile(p));
					add(figures, "lucene_p" + (int) (p * 100), Samples.of(luceneTimes).percentile(p));
				}
				log("semantic %,d rows: server p95 lexical %.2f ms, hybrid %.2f ms, Lucene %.2f ms", rows,
						Samples.of(lexical).percentile(0.95), Samples.of(hybrid).percentile(0.95),
						Samples.of(luceneTimes).percentile(0.95));
			}
			List<String> exactSettings = new ArrayList<>(settings);
			exactSettings.add("--learnings.recall.semantic.shortlist=" + (rows + 1));
			try (ServiceProcess service = startService(this.options.jar(), "semantic-exact-" + rows, exactSettings)) {
				double seconds = awaitEmbedded(service, rows, Duration.ofMinutes(5));
				add(figures, "reload_s", seconds);
				List<List<String>> exact = semanticTop10(service, queries, figures, "exact");
				double overlap = 0;
				for (int i = 0; i < queries.size(); i++) {
					List<String> found = shortlisted.get(i);
					overlap += exact.get(i).stream().filter(found::contains).count()
							/ (double) Math.max(1, exact.get(i).size());
				}
				add(figures, "shortlist_overlap", overlap / queries.size());
				log("semantic %,d rows: vectors read back in %.1f s; shortlist finds %.3f of the exact top 10", rows,
						seconds, overlap / queries.size());
			}
		}
		finally {
			deleteTree(luceneIndex);
			deleteTree(data);
			deleteTree(root);
		}
		this.report.semantic(rows, queries.size(), figures);
	}

	/**
	 * Waits until every row of the bench repository has its embedding in memory.
	 * @return the seconds it took
	 */
	private double awaitEmbedded(ServiceProcess service, int rows, Duration limit) throws Exception {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		long embedded = 0;
		while (embedded < rows && System.nanoTime() < deadline) {
			Thread.sleep(250);
			embedded = embeddedRows(service);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (embedded < rows) {
			throw new IllegalStateException(
					String.format(Locale.ROOT, "%,d of %,d rows embedded after %.0f s", embedded, rows, seconds));
		}
		return seconds;
	}

	/**
	 * Each query's semantic top 10 (after a warm-up pass), its server-side p50 and p95
	 * recorded as {@code <label>_p50} and {@code <label>_p95}.
	 */
	private List<List<String>> semanticTop10(ServiceProcess service, List<String> queries,
			Map<String, List<Double>> figures, String label) throws Exception {
		for (String query : queries) {
			recallOnce(service, query, 10, true, "semantic");
		}
		List<List<String>> top = new ArrayList<>();
		List<Double> times = new ArrayList<>();
		for (String query : queries) {
			HttpResponse<byte[]> response = recallOnce(service, query, 10, true, "semantic");
			times.add(serverTiming(response));
			top.add(ids(response));
		}
		add(figures, label + "_p50", Samples.of(times).percentile(0.50));
		add(figures, label + "_p95", Samples.of(times).percentile(0.95));
		return top;
	}

	/** The {@code embedded_rows} of the bench repository in {@code GET /api/repos}. */
	private long embeddedRows(ServiceProcess service) throws Exception {
		HttpResponse<byte[]> response = this.http.send(get(service, "/api/repos"),
				HttpResponse.BodyHandlers.ofByteArray());
		for (var repo : MAPPER.readTree(response.body())) {
			if (REPO.equals(repo.path("name").asString())) {
				return repo.path("embedded_rows").asLong(0);
			}
		}
		return 0;
	}

	private IndexedStore indexedStore;

	/** A store and the data directory of a service that has indexed it. */
	record IndexedStore(Path root, Path data) {
	}

	private HttpResponse<byte[]> recallOnce(ServiceProcess service, String query, int limit, boolean dropSuperseded)
			throws Exception {
		return recallOnce(service, query, limit, dropSuperseded, null);
	}

	private HttpResponse<byte[]> recallOnce(ServiceProcess service, String query, int limit, boolean dropSuperseded,
			String mode) throws Exception {
		HttpResponse<byte[]> response = this.http.send(
				get(service,
						"/api/repos/" + REPO + "/learnings/recall?limit=" + limit + "&drop_superseded=" + dropSuperseded
								+ ((mode != null) ? "&mode=" + mode : "") + "&query="
								+ URLEncoder.encode(query, StandardCharsets.UTF_8)),
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

	// 4. Startup: empty, and restarted on a large indexed store with new lines

	/**
	 * Time to ready of a service on an empty repository, and of one restarted on a store
	 * of {@code --startup-rows} rows it had indexed, with {@code --startup-new-lines}
	 * lines appended to the file while it was down, run for run. The store is the one
	 * recall indexed when it ran at that size; otherwise it is generated and indexed here
	 * first (unmeasured). The store is deleted afterwards (a million rows' index takes
	 * gigabytes).
	 */
	private void startup() throws Exception {
		int rows = this.options.startupRows();
		int newLines = this.options.startupNewLines();
		IndexedStore store = (this.indexedStore != null) ? this.indexedStore : indexStore(rows);
		List<Double> empty = new ArrayList<>();
		List<Double> loaded = new ArrayList<>();
		LearningsCorpus more = LearningsCorpus.seeded(SEED + 99);
		long expected = lineCount(store.root());
		for (int run = 1; run <= this.options.runs(); run++) {
			Path root = emptyRepository("startup-empty-" + run);
			try (ServiceProcess service = start("startup-empty-" + run, root)) {
				empty.add(service.secondsToReady());
			}
			try (BufferedWriter writer = Files.newBufferedWriter(store.root().resolve(".learnings.jsonl"),
					StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
				for (int i = 0; i < newLines; i++) {
					writer.write(more.nextLine());
					writer.write('\n');
				}
			}
			expected += newLines;
			try (ServiceProcess service = startService(this.options.jar(), "startup-restart-" + run,
					settings(store.root(), store.data()))) {
				loaded.add(service.secondsToReady());
				JsonNode health = getJson(service, "/api/repos/" + REPO + "/health");
				log("startup run %d: empty %.1f s, %,d rows indexed + %,d new lines %.1f s (index %s of %,d rows, in sync: %s)",
						run, empty.get(empty.size() - 1), rows, newLines, service.secondsToReady(),
						health.path("rows_in_index"), expected, health.path("in_sync"));
				if (health.path("rows_in_index").asLong() != expected) {
					throw new IllegalStateException("after the restart the index holds " + health.path("rows_in_index")
							+ " rows, not " + expected);
				}
			}
		}
		this.report.startup(rows, newLines, empty, loaded);
		deleteTree(store.data());
		deleteTree(store.root());
		this.indexedStore = null;
	}

	/** Generates a store of {@code rows} rows and has a service index it (unmeasured). */
	private IndexedStore indexStore(int rows) throws IOException {
		Path root = this.options.work().resolve("startup-" + rows);
		Files.createDirectories(root);
		long bytes = LearningsCorpus.write(root.resolve(".learnings.jsonl"), SEED, rows);
		Path data = this.options.work().resolve("startup-data-" + rows);
		try (ServiceProcess service = startService(this.options.jar(), "startup-indexing", settings(root, data))) {
			log("indexed %,d rows (%,d bytes) for the restart in %.1f s (not measured)", rows, bytes,
					service.secondsToReady());
		}
		return new IndexedStore(root, data);
	}

	// 3. Index rebuild from a large file, against Lucene's IndexWriter

	/**
	 * Rebuilds of each size, run for run: the service's {@code reindex} at the service
	 * heap, then the Lucene reference ({@link LuceneBaseline#index}) over the same file.
	 * After a failed rebuild the service is not asked again at that size.
	 */
	private void rebuild() throws Exception {
		for (int rows : this.options.rebuildSizes()) {
			Path source = this.options.work().resolve("rebuild-source-" + rows + ".jsonl");
			long bytes = LearningsCorpus.write(source, SEED + 3, rows);
			log("generated %,d rows (%,d bytes) for the rebuild", rows, bytes);
			Map<String, List<RebuildRun>> runs = new LinkedHashMap<>();
			List<Double> lucene = new ArrayList<>();
			Map<String, Path> jars = new LinkedHashMap<>();
			jars.put("", this.options.jar());
			if (this.options.beforeJar() != null && rows <= 100_000) {
				jars.put(this.options.beforeLabel(), this.options.beforeJar());
			}
			for (int run = 1; run <= this.options.rebuildRuns(); run++) {
				for (Map.Entry<String, Path> jar : jars.entrySet()) {
					List<RebuildRun> done = runs.computeIfAbsent(jar.getKey(), (key) -> new ArrayList<>());
					if (done.stream().allMatch(RebuildRun::succeeded)) {
						done.add(rebuildOnce(rows, source, run, jar.getKey(), jar.getValue()));
					}
				}
				lucene.add(luceneRebuild(rows, source, run));
			}
			Files.deleteIfExists(source);
			this.report.rebuild(rows, bytes, runs, lucene);
		}
	}

	/**
	 * One service rebuild.
	 *
	 * @param seconds from the request to the answer
	 * @param heapUsedMib the most heap in use before a collection (GC log)
	 * @param heapLiveMib the most heap in use after a full collection: the largest live
	 * heap (see {@link #rebuildOnce})
	 * @param requestedCollections the full collections the suite requested while the
	 * rebuild ran
	 * @param failure why it did not rebuild the whole file (null if it did)
	 */
	record RebuildRun(double seconds, long heapUsedMib, long heapLiveMib, int requestedCollections, String failure) {

		boolean succeeded() {
			return this.failure == null;
		}

	}

	/**
	 * One rebuild on a new service process. Its live heap is measured exactly: the suite
	 * requests a full collection ({@code jcmd GC.run}) every
	 * {@code --heap-sample-seconds} while the rebuild runs, and one after it answered,
	 * and takes the most in use after any full collection (G1's own included). What a
	 * young collection leaves is no measure of it in a bounded heap: old regions full of
	 * garbage wait for a mixed collection, and a pause that exhausts to-space leaves as
	 * much as it found.
	 */
	private RebuildRun rebuildOnce(int rows, Path source, int run, String label, Path jar) throws Exception {
		String name = "rebuild-" + rows + "-" + (label.isEmpty() ? "" : label + "-") + run;
		Path root = emptyRepository(name);
		RebuildRun result;
		try (ServiceProcess service = startService(jar, name,
				settings(root, this.options.work().resolve(name + "-data")))) {
			Files.move(source, root.resolve(".learnings.jsonl"), StandardCopyOption.REPLACE_EXISTING);
			ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
			AtomicInteger requested = new AtomicInteger();
			try {
				long period = this.options.heapSample().toMillis();
				sampler.scheduleWithFixedDelay(() -> {
					if (service.isAlive()) {
						try {
							service.collectGarbage();
							requested.incrementAndGet();
						}
						catch (RuntimeException ex) {
							log("could not request a collection: %s", ex.getMessage());
						}
					}
				}, period, period, TimeUnit.MILLISECONDS);
				long start = System.nanoTime();
				String failure = reindex(service, rows);
				double elapsed = (System.nanoTime() - start) / 1e9;
				sampler.shutdown();
				sampler.awaitTermination(2, TimeUnit.MINUTES);
				int collections = requested.get();
				if (service.isAlive()) {
					service.collectGarbage();
				}
				if (failure != null && service.logContains("OutOfMemoryError")) {
					failure += " (OutOfMemoryError in the service log)";
				}
				ServiceProcess.HeapPeaks peaks = service.heapPeaks();
				result = new RebuildRun(elapsed, peaks.usedMib(), peaks.maxFullMib(), collections, failure);
				log("rebuild %s %,d rows run %d at -Xmx%s: %s after %.1f s (%.0f rows/s), heap peak %d MiB used, "
						+ "%d MiB live after a full collection (%d requested while it ran)", label, rows, run,
						this.options.serviceHeap(), (failure != null) ? "FAILED, " + failure : "done", elapsed,
						rows / elapsed, peaks.usedMib(), peaks.maxFullMib(), collections);
				if (failure != null) {
					log("the service's log ends:%n%s", service.logTail(LOG_TAIL));
				}
			}
			finally {
				sampler.shutdownNow();
				Files.move(root.resolve(".learnings.jsonl"), source);
			}
		}
		deleteTree(root);
		deleteTree(this.options.work().resolve(name + "-data"));
		return result;
	}

	/**
	 * {@code POST /api/repos/bench/reindex}: null if it answered 200 with every row in
	 * the index and the index in sync with the file, otherwise why not.
	 */
	private String reindex(ServiceProcess service, int rows) throws InterruptedException {
		try {
			HttpResponse<byte[]> response = this.http
				.send(HttpRequest.newBuilder(URI.create(service.base() + "/api/repos/" + REPO + "/reindex"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.timeout(this.options.rebuildTimeout())
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				return "HTTP " + response.statusCode();
			}
			JsonNode health = MAPPER.readTree(response.body());
			if (health.path("rows_in_index").asLong() != rows || !health.path("in_sync").asBoolean()) {
				return "the index holds " + health.path("rows_in_index") + " of " + rows + " rows";
			}
			return null;
		}
		catch (HttpTimeoutException ex) {
			return "no answer within " + this.options.rebuildTimeout().toMinutes() + " min";
		}
		catch (IOException ex) {
			return "no answer: " + ex.getMessage();
		}
	}

	/** Seconds for {@link LuceneBaseline#index} of the file, in this process. */
	private double luceneRebuild(int rows, Path source, int run) throws IOException {
		Path index = this.options.work().resolve("rebuild-lucene-" + rows);
		deleteTree(index);
		long start = System.nanoTime();
		long indexed = LuceneBaseline.index(source, index);
		double elapsed = (System.nanoTime() - start) / 1e9;
		deleteTree(index);
		if (indexed != rows) {
			throw new IllegalStateException("Lucene indexed " + indexed + " of " + rows + " rows");
		}
		log("rebuild reference %,d rows run %d: Lucene IndexWriter %.1f s (%.0f rows/s)", rows, run, elapsed,
				rows / elapsed);
		return elapsed;
	}

	// 5. Session extraction against Jackson and jq

	private void sessions() throws Exception {
		Path codexHome = this.options.work().resolve("codex-home");
		RolloutCorpus.Generated generated = RolloutCorpus.write(codexHome, SEED, this.options.sessions(),
				this.options.sessionBytes(), Instant.now());
		log("generated %d sessions, %,d bytes", generated.files().size(), generated.bytes());
		List<Double> service = new ArrayList<>();
		List<Double> jackson = new ArrayList<>();
		List<Double> jq = new ArrayList<>();
		long serviceBlocks = 0;
		long jqBlocks = 0;
		long lines = 0;
		Path root = emptyRepository("sessions");
		List<String> settings = new ArrayList<>(settings(root, this.options.work().resolve("sessions-data")));
		settings.add("--learnings.sessions.sessions-dir=" + codexHome.resolve("sessions"));
		settings.add("--learnings.sessions.archive-dir=" + codexHome.resolve("archived_sessions"));
		try (ServiceProcess server = startService(this.options.jar(), "sessions", settings)) {
			HttpRequest extract = get(server, "/api/sessions/extract?lookback_minutes=1440");
			this.http.send(extract, HttpResponse.BodyHandlers.discarding());
			parseEveryLine(generated.files());
			for (int run = 1; run <= this.options.runs(); run++) {
				long start = System.nanoTime();
				HttpResponse<InputStream> response = this.http.send(extract, HttpResponse.BodyHandlers.ofInputStream());
				serviceBlocks = countBlocks(response.body());
				service.add((System.nanoTime() - start) / 1e9);
				start = System.nanoTime();
				lines = parseEveryLine(generated.files());
				jackson.add((System.nanoTime() - start) / 1e9);
				start = System.nanoTime();
				Process process = new ProcessBuilder(RolloutCorpus.jqCommand(generated.files()))
					.redirectError(ProcessBuilder.Redirect.DISCARD)
					.start();
				jqBlocks = countBlocks(process.getInputStream());
				process.waitFor();
				jq.add((System.nanoTime() - start) / 1e9);
				log("sessions run %d: service %.2f s, Jackson readTree %.2f s, jq %.2f s", run,
						service.get(service.size() - 1), jackson.get(jackson.size() - 1), jq.get(jq.size() - 1));
			}
		}
		this.report.sessions(generated, service, jackson, jq, serviceBlocks, jqBlocks, lines);
	}

	/**
	 * The extraction reference: reads every line of the files (UTF-8) and parses it with
	 * Jackson ({@code JsonMapper.readTree}), in this process; what any extraction that
	 * parses the lines must at least do.
	 * @return the lines parsed
	 */
	private static long parseEveryLine(List<Path> files) throws IOException {
		long lines = 0;
		for (Path file : files) {
			try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (MAPPER.readTree(line) != null) {
						lines++;
					}
				}
			}
		}
		return lines;
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
				List.of("-Xmx" + sizes.heap()), sessionSettings("sessions-window", codexHome),
				this.options.readyTimeout())) {
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
				List.of("-Xmx" + sizes.longHeap()), sessionSettings("sessions-long", codexHome),
				this.options.readyTimeout())) {
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
		return startService(this.options.jar(), label, settings(root, this.options.work().resolve(label + "-data")));
	}

	/** Starts a service process at the service heap ({@code --service-heap}). */
	private ServiceProcess startService(Path jar, String label, List<String> settings) {
		return ServiceProcess.start(jar, this.options.work(), label, List.of("-Xmx" + this.options.serviceHeap()),
				settings, this.options.readyTimeout());
	}

	/**
	 * The settings of a service serving {@code root} as the repository {@code bench},
	 * keeping its files in {@code data}. The suite's repositories are under a temporary
	 * directory, so the quality gate is told to accept that
	 * ({@code learnings.store.allow-temp-path}, the tool's {@code --allow-temp-path} for
	 * capture that is meant to be temporary); every other check of the gate stays on.
	 * Semantic recall is off: the scenarios measure lexical recall, writes and rebuilds,
	 * and a background worker embedding the store would take the CPU they are measured
	 * on.
	 */
	private static List<String> settings(Path root, Path data) {
		return List.of("--learnings.data-dir=" + data, "--learnings.repos[0].name=" + REPO,
				"--learnings.repos[0].root=" + root, "--learnings.memory.root=" + data.resolve("memories"),
				"--learnings.store.allow-temp-path=true", "--learnings.recall.semantic.enabled=false");
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

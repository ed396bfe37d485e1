package io.teamlearnings.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's settings, from {@code --name=value} arguments; {@code --quick=true} shrinks
 * every data set for a smoke run of the suite itself. With {@code --before-jar} the
 * append and rebuild figures are also measured on that jar (an earlier build), run for
 * run beside the current one. {@code --only=sessions-large,...} runs only the named
 * scenarios ({@link #SCENARIOS}) and then writes to {@code target/BENCHMARKS-partial.md}
 * unless {@code --out} says otherwise, as the report holds only what ran.
 *
 * @param serviceHeap the {@code -Xmx} of every service process the suite starts
 * ({@code --service-heap}, default {@code 512m}), section 7's two excepted, which have
 * their own ({@link LargeSessions})
 * @param readyTimeout how long a service process may take to become ready, its startup
 * indexing included ({@code --ready-timeout-minutes})
 * @param rebuildTimeout how long one {@code reindex} may take before it counts as failed
 * ({@code --rebuild-timeout-minutes})
 * @param startupRows the rows already indexed when the service is restarted
 * ({@code --startup-rows}; the recall store of that size when recall ran)
 * @param startupNewLines the lines appended to the file while the service is down
 * ({@code --startup-new-lines})
 * @param heapSample how often the suite requests a full collection of the service while
 * it rebuilds, to measure its live heap ({@code --heap-sample-seconds})
 */
record Options(Path jar, Path out, Path work, int runs, int rebuildRuns, List<Integer> recallSizes,
		List<Integer> rebuildSizes, int queries, int scanQueries, int sessions, long sessionBytes, Duration warmUp,
		Duration measured, String command, Path beforeJar, String beforeLabel, Set<String> only,
		LargeSessions largeSessions, String serviceHeap, Duration readyTimeout, Duration rebuildTimeout,
		int startupRows, int startupNewLines, Duration heapSample) {

	/** The scenarios in the order they run, as {@code --only} names them. */
	static final List<String> SCENARIOS = List.of("appends", "recall", "semantic", "startup", "quality", "rebuild",
			"sessions", "sessions-large");

	/**
	 * The sizes of the bounded-heap session extraction scenario ({@code sessions-large}).
	 *
	 * @param sessions how many sessions the large window has ({@code --large-sessions})
	 * @param bytes their total size ({@code --large-session-bytes})
	 * @param heap the service's {@code -Xmx} for the window ({@code --large-window-heap})
	 * @param toolOutputs the tool outputs of the one long session
	 * ({@code --long-session-outputs})
	 * @param longBytes the long session's size ({@code --long-session-bytes})
	 * @param longHeap the service's {@code -Xmx} for the long session
	 * ({@code --long-session-heap})
	 */
	record LargeSessions(int sessions, long bytes, String heap, int toolOutputs, long longBytes, String longHeap) {
	}

	static Options parse(String[] args) {
		Map<String, String> given = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("arguments are --name=value, not " + arg);
			}
			given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		boolean quick = Boolean.parseBoolean(given.getOrDefault("quick", "false"));
		Set<String> only = scenarios(given.getOrDefault("only", ""));
		String out = quick ? "target/BENCHMARKS-quick.md"
				: only.isEmpty() ? "docs/BENCHMARKS.md" : "target/BENCHMARKS-partial.md";
		return new Options(Path.of(required(given, "jar")), Path.of(given.getOrDefault("out", out)),
				Path.of(required(given, "work")), Integer.parseInt(given.getOrDefault("runs", quick ? "1" : "3")),
				Integer.parseInt(given.getOrDefault("rebuild-runs", quick ? "1" : "2")),
				sizes(given.getOrDefault("recall-sizes", quick ? "2000,5000" : "10000,100000,1000000")),
				sizes(given.getOrDefault("rebuild-sizes", quick ? "5000,10000" : "100000,1000000")),
				Integer.parseInt(given.getOrDefault("queries", quick ? "50" : "300")),
				Integer.parseInt(given.getOrDefault("scan-queries", quick ? "10" : "30")),
				Integer.parseInt(given.getOrDefault("sessions", quick ? "10" : "100")),
				Long.parseLong(given.getOrDefault("session-bytes", quick ? "10000000" : "200000000")),
				Duration.ofSeconds(Long.parseLong(given.getOrDefault("warm-up-seconds", quick ? "1" : "5"))),
				Duration.ofSeconds(Long.parseLong(given.getOrDefault("measured-seconds", quick ? "3" : "10"))),
				given.getOrDefault("command", "bench/run"),
				given.containsKey("before-jar") ? Path.of(given.get("before-jar")) : null,
				given.getOrDefault("before-label", "before"), only,
				new LargeSessions(Integer.parseInt(given.getOrDefault("large-sessions", quick ? "10" : "100")),
						Long.parseLong(given.getOrDefault("large-session-bytes", quick ? "20000000" : "200000000")),
						given.getOrDefault("large-window-heap", "512m"),
						Integer.parseInt(given.getOrDefault("long-session-outputs", quick ? "60" : "600")),
						Long.parseLong(given.getOrDefault("long-session-bytes", quick ? "60000000" : "600000000")),
						given.getOrDefault("long-session-heap", "256m")),
				given.getOrDefault("service-heap", "512m"),
				Duration.ofMinutes(Long.parseLong(given.getOrDefault("ready-timeout-minutes", "60"))),
				Duration.ofMinutes(Long.parseLong(given.getOrDefault("rebuild-timeout-minutes", "60"))),
				Integer.parseInt(given.getOrDefault("startup-rows", quick ? "5000" : "1000000")),
				Integer.parseInt(given.getOrDefault("startup-new-lines", quick ? "500" : "10000")),
				Duration.ofSeconds(Long.parseLong(given.getOrDefault("heap-sample-seconds", quick ? "2" : "15"))));
	}

	/** Whether the scenario runs: every one does unless {@code --only} names some. */
	boolean includes(String scenario) {
		return this.only.isEmpty() || this.only.contains(scenario);
	}

	private static Set<String> scenarios(String list) {
		Set<String> names = new HashSet<>();
		for (String name : list.split(",")) {
			if (name.isBlank()) {
				continue;
			}
			if (!SCENARIOS.contains(name.strip())) {
				throw new IllegalArgumentException("--only names scenarios among " + SCENARIOS + ", not " + name);
			}
			names.add(name.strip());
		}
		return Set.copyOf(names);
	}

	private static String required(Map<String, String> given, String name) {
		String value = given.get(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + "= is required");
		}
		return value;
	}

	private static List<Integer> sizes(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
	}

}

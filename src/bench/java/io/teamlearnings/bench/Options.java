package io.teamlearnings.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's settings, from {@code --name=value} arguments; {@code --quick=true} shrinks
 * every data set for a smoke run of the suite itself. With {@code --before-jar} the
 * append and rebuild figures are also measured on that jar (an earlier build), run for
 * run beside the current one.
 */
record Options(Path jar, Path out, Path work, int runs, int rebuildRuns, List<Integer> recallSizes,
		List<Integer> rebuildSizes, int queries, int scanQueries, int sessions, long sessionBytes, Duration warmUp,
		Duration measured, String command, Path beforeJar, String beforeLabel) {

	static Options parse(String[] args) {
		Map<String, String> given = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("arguments are --name=value, not " + arg);
			}
			given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		boolean quick = Boolean.parseBoolean(given.getOrDefault("quick", "false"));
		return new Options(Path.of(required(given, "jar")),
				Path.of(given.getOrDefault("out", quick ? "target/BENCHMARKS-quick.md" : "docs/BENCHMARKS.md")),
				Path.of(required(given, "work")), Integer.parseInt(given.getOrDefault("runs", quick ? "1" : "3")),
				Integer.parseInt(given.getOrDefault("rebuild-runs", quick ? "1" : "2")),
				sizes(given.getOrDefault("recall-sizes", quick ? "2000,5000" : "10000,100000")),
				sizes(given.getOrDefault("rebuild-sizes", quick ? "5000,10000" : "100000,1000000")),
				Integer.parseInt(given.getOrDefault("queries", quick ? "50" : "300")),
				Integer.parseInt(given.getOrDefault("scan-queries", quick ? "10" : "30")),
				Integer.parseInt(given.getOrDefault("sessions", quick ? "10" : "100")),
				Long.parseLong(given.getOrDefault("session-bytes", quick ? "10000000" : "200000000")),
				Duration.ofSeconds(Long.parseLong(given.getOrDefault("warm-up-seconds", quick ? "1" : "5"))),
				Duration.ofSeconds(Long.parseLong(given.getOrDefault("measured-seconds", quick ? "3" : "10"))),
				given.getOrDefault("command", "bench/run"),
				given.containsKey("before-jar") ? Path.of(given.get("before-jar")) : null,
				given.getOrDefault("before-label", "before"));
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

package io.teamlearnings.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service jar running as a process of its own, as a user starts it: on a free port,
 * with its own data directory, the given JVM options and settings. Knows when it became
 * ready, its resident size, and the heap figures of its GC log.
 */
final class ServiceProcess implements AutoCloseable {

	private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

	/** Lines of the log a start that failed puts in its exception. */
	private static final int START_FAILURE_TAIL = 40;

	private final Process process;

	private final int port;

	private final Path gcLog;

	private final Path log;

	private final double secondsToReady;

	private ServiceProcess(Process process, int port, Path gcLog, Path log, double secondsToReady) {
		this.process = process;
		this.port = port;
		this.gcLog = gcLog;
		this.log = log;
		this.secondsToReady = secondsToReady;
	}

	/**
	 * Starts the jar with JVM options (such as {@code -Xmx512m}) and waits until its
	 * readiness probe answers 200.
	 * @param jar the service jar
	 * @param work a directory for the process's log and GC log
	 * @param jvmOptions options for the {@code java} command, before {@code -jar}
	 * @param settings {@code --key=value} arguments
	 * @param readyTimeout how long it may take; after that the process is stopped and
	 * this throws
	 * @throws IllegalStateException if the process exits or is not ready in time (the
	 * message ends with the last lines of its log)
	 */
	static ServiceProcess start(Path jar, Path work, String label, List<String> jvmOptions, List<String> settings,
			Duration readyTimeout) {
		int port = Ports.free();
		Path gcLog = work.resolve(label + "-gc.log");
		Path log = work.resolve(label + ".log");
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xlog:gc:file=" + gcLog));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--learnings.store.poll-interval=1h", "--logging.level.root=WARN",
				"--logging.level.io.teamlearnings=WARN"));
		command.addAll(settings);
		try {
			Files.createDirectories(work);
			long start = System.nanoTime();
			long deadline = start + readyTimeout.toNanos();
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
			HttpRequest ready = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(10))
				.build();
			while (true) {
				if (!process.isAlive()) {
					throw new IllegalStateException("The service exited with " + process.exitValue()
							+ "; its log ends:\n" + tail(log, START_FAILURE_TAIL));
				}
				if (System.nanoTime() > deadline) {
					stop(process);
					throw new IllegalStateException("The service was not ready after " + readyTimeout.toMinutes()
							+ " min; its log ends:\n" + tail(log, START_FAILURE_TAIL));
				}
				try {
					if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						break;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(20);
			}
			return new ServiceProcess(process, port, gcLog, log, (System.nanoTime() - start) / 1e9);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	double secondsToReady() {
		return this.secondsToReady;
	}

	/** Resident set size in MiB, from {@code /proc/<pid>/status}. */
	double residentMib() {
		return procStatusMib("VmRSS:");
	}

	/**
	 * The largest resident set size the process has had so far, in MiB ({@code VmHWM}).
	 */
	double peakResidentMib() {
		return procStatusMib("VmHWM:");
	}

	private double procStatusMib(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
				}
			}
			throw new IllegalStateException("no " + field + " in /proc status");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the process's output (its log) contains {@code text} so far. */
	boolean logContains(String text) {
		try (Stream<String> lines = Files.lines(this.log)) {
			return lines.anyMatch((line) -> line.contains(text));
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Runs a full collection now ({@code jcmd <pid> GC.run}), so that the heap in use at
	 * this moment appears in the GC log as the "before" of that collection.
	 */
	void collectGarbage() {
		try {
			Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					Long.toString(this.process.pid()), "GC.run")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
				throw new IllegalStateException("jcmd GC.run did not succeed on " + this.process.pid());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** How many lines the GC log has now, to read the peaks after this point. */
	int gcLogMark() {
		try {
			return Files.readAllLines(this.gcLog).size();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Heap figures from the GC log so far, in MiB: the most in use before a collection
	 * (what the process needed at its peak, garbage included) and after one (what was
	 * live). G1's Remark and Cleanup pauses count for the first only: they move no
	 * object, so what they log as "after" is the heap in use, garbage included, not what
	 * survived.
	 */
	HeapPeaks heapPeaks() {
		return heapPeaksSince(0);
	}

	/**
	 * {@link #heapPeaks()} of the collections logged after the first {@code mark} lines
	 * (see {@link #gcLogMark()}).
	 */
	HeapPeaks heapPeaksSince(int mark) {
		long before = 0;
		long after = 0;
		long lastFull = 0;
		long maxFull = 0;
		try {
			List<String> lines = Files.readAllLines(this.gcLog);
			for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
				Matcher pause = GC_PAUSE.matcher(line);
				if (pause.find()) {
					before = Math.max(before, Long.parseLong(pause.group(1)));
					if (!line.contains("Pause Remark") && !line.contains("Pause Cleanup")) {
						after = Math.max(after, Long.parseLong(pause.group(2)));
					}
					if (line.contains("Pause Full")) {
						lastFull = Long.parseLong(pause.group(2));
						maxFull = Math.max(maxFull, lastFull);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new HeapPeaks(before, after, lastFull, maxFull);
	}

	/**
	 * Heap figures of a GC log, in MiB.
	 *
	 * @param usedMib the most in use before a collection
	 * @param liveMib the most in use after a young, mixed or full collection
	 * @param lastFullMib in use after the last full collection (0 without one): the live
	 * heap at that moment
	 * @param maxFullMib the most in use after a full collection (0 without one): the
	 * largest live heap any full collection found
	 */
	record HeapPeaks(long usedMib, long liveMib, long lastFullMib, long maxFullMib) {
	}

	/**
	 * The last lines of the process's output, for the suite's own output: bench/run
	 * deletes the work directory, logs included, when it ends.
	 */
	String logTail(int lines) {
		return tail(this.log, lines);
	}

	private static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		stop(this.process);
	}

	private static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static final class Ports {

		private Ports() {
		}

		static int free() {
			try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}

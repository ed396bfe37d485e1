package io.teamlearnings.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.LearningsApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service in a process of its own, started from the test classpath: for what one
 * process cannot show (a SIGKILL, a lock other processes see). C1 and the serial
 * collector, as the test JVM, since it lives a few seconds.
 */
public final class ServiceProcess {

	/** How long {@link #awaitReady} waits, in seconds. */
	public static final long READY_SECONDS = 90;

	private static final Duration READY = Duration.ofSeconds(READY_SECONDS);

	private ServiceProcess() {
	}

	/**
	 * Starts the service.
	 * @param tmpDir its {@code java.io.tmpdir} (Tomcat's files, which a killed process
	 * leaves)
	 * @param log where its output goes
	 * @param settings its {@code --key=value} arguments
	 * @return the process
	 * @throws IOException if it cannot be started
	 */
	public static Process start(Path tmpDir, Path log, String... settings) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmpDir, "-cp", System.getProperty("java.class.path"),
						LearningsApplication.class.getName()));
		command.addAll(List.of(settings));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/**
	 * Waits until the service answers {@code GET /api/repos}, failing if the process ends
	 * or {@value #READY_SECONDS} seconds pass.
	 * @param http a client for its port
	 * @param service the process
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static void awaitReady(HttpClientSupport http, Process service) throws InterruptedException {
		Instant deadline = Instant.now().plus(READY);
		while (Instant.now().isBefore(deadline)) {
			assertThat(service.isAlive()).as("service process is running").isTrue();
			try {
				if (http.get("/api/repos").status() == 200) {
					return;
				}
			}
			catch (IllegalStateException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("service did not become ready in " + READY_SECONDS + " s");
	}

	/**
	 * A port free at the time of asking.
	 * @return the port
	 * @throws IOException if no socket can be opened
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

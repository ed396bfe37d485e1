package io.teamlearnings.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.teamlearnings.support.HttpClientSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar started as a user starts it, {@code java -jar} in a repository
 * directory that has no {@code config/}: the defaults it needs must be inside the jar,
 * and a refused start must explain itself without a stack trace. Runs in the
 * {@code integration-test} phase, after {@code package} has built the jar (failsafe
 * passes its path as {@code learnings.jar}).
 */
class PackagedJarIT {

	private static final Duration STARTUP = Duration.ofMinutes(4);

	private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at \\S");

	private static final Pattern THROWABLE_LINE = Pattern
		.compile("^(\\s*Caused by: |\\s*Suppressed: )?[\\w$]+(\\.[\\w$]+)+(Exception|Error)(: .*)?$");

	@TempDir
	Path temp;

	private Path repo;

	private Path output;

	private Process process;

	@BeforeEach
	void repositoryWithoutConfig() throws IOException {
		this.repo = Files.createDirectories(this.temp.resolve("repo"));
		this.output = this.temp.resolve("service.log");
	}

	@AfterEach
	void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void servesTheWorkingDirectoryOnLoopbackOnlyWithThePackagedDefaults() throws Exception {
		int port = freePort();
		start(List.of("--server.port=" + port));
		awaitHealthy(port);

		assertThat(canConnect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))).isTrue();
		JsonNode repos = new HttpClientSupport(port).get("/api/repos").json();
		assertThat(repos).hasSize(1);
		assertThat(repos.get(0).get("name").asString()).isEqualTo("default");
		assertThat(Path.of(repos.get(0).get("root").asString()).toRealPath()).isEqualTo(this.repo.toRealPath());
		assertThat(this.temp.resolve("data/index/learnings.mv.db")).exists();

		Optional<InetAddress> external = nonLoopbackAddress();
		assumeTrue(external.isPresent(), "this machine has no non-loopback address to try");
		try (ServerSocket reachable = new ServerSocket(0, 1, external.get())) {
			assertThat(canConnect(new InetSocketAddress(external.get(), reachable.getLocalPort())))
				.as("a socket listening on %s is reachable from here", external.get())
				.isTrue();
		}
		assertThatThrownBy(() -> canConnect(new InetSocketAddress(external.get(), port)))
			.as("the service does not listen on %s", external.get())
			.isInstanceOf(ConnectException.class);
	}

	@Test
	void refusesEveryAddressWithoutATokenInOneParagraphWithoutAStackTrace() throws Exception {
		start(List.of("--server.port=" + freePort(), "--server.address=0.0.0.0"));

		assertThat(this.process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS))
			.as("the service exits by itself within %s", STARTUP)
			.isTrue();
		assertThat(this.process.exitValue()).isNotZero();
		String output = output();
		assertThat(output).contains("APPLICATION FAILED TO START", "Description:",
				"The service refused to listen on '0.0.0.0'. No API token is configured", "Action:",
				"configure an API token (learnings.security.tokens");
		assertThat(output.lines()).noneMatch((line) -> STACK_FRAME.matcher(line).find())
			.noneMatch((line) -> THROWABLE_LINE.matcher(line).matches());
		assertThat(output).doesNotContain("IllegalStateException");
	}

	private void start(List<String> settings) throws IOException {
		String jar = System.getProperty("learnings.jar");
		assertThat(jar).as("failsafe passes the packaged jar as learnings.jar").isNotBlank();
		assertThat(Path.of(jar)).isRegularFile();
		// a home and data directory of its own, so that nothing touches the real home; C1
		// only, which starts faster on a small machine and changes nothing looked at here
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"-Duser.home=" + Files.createDirectories(this.temp.resolve("home")), "-XX:TieredStopAtLevel=1",
						"-jar", jar, "--learnings.data-dir=" + this.temp.resolve("data")));
		command.addAll(settings);
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.repo.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.output.toFile());
		// settings in the environment of the build would hide the packaged defaults
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("LEARNINGS_") || name.startsWith("SERVER_")
					|| name.startsWith("SPRING_"));
		this.process = builder.start();
	}

	private void awaitHealthy(int port) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				fail("The service exited with %d:%n%s", this.process.exitValue(), output());
			}
			try {
				if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notListeningYet) {
				// the service is still starting
			}
			Thread.sleep(250);
		}
		fail("The service was not healthy within %s:%n%s", STARTUP, output());
	}

	private String output() throws IOException {
		return Files.readString(this.output);
	}

	private static boolean canConnect(InetSocketAddress address) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(address, 2000);
			return socket.isConnected();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * An address of this machine that is not loopback, IPv4 first; link-local IPv6
	 * addresses are left out as they need a scope to be connected to.
	 */
	private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.filter(PackagedJarIT::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress()
					&& !address.isAnyLocalAddress())
			.min(Comparator.comparing((InetAddress address) -> !(address instanceof Inet4Address)));
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}

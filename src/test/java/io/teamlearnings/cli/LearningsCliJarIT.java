package io.teamlearnings.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built command as a user runs it: {@code bin/learnings} starting
 * {@code target/learnings-cli.jar} (failsafe passes its path as
 * {@code learnings.cli.jar}) in a separate JVM. The jar must hold the command and both of
 * its libraries: a recall reads a JSON answer (Jackson) after parsing its arguments
 * (picocli). A stand-in server answers the recall.
 */
class LearningsCliJarIT {

	private static final String RECALL = """
			{"query": "lock", "terms": ["lock"], "total_matches": 1, "hits": [{"repo": "app", "id": "lrn-1",
			 "score": 1.23456, "why": {}, "learning": {"repo": "app", "line": 1, "superseded_by": [], "row": {
			 "id": "lrn-1", "captured_at": "2026-06-20T18:30:00Z", "status": "do_more",
			 "learning": "When X, prefer Y because Z.", "tags": ["example"], "context": {"paths": ["src/a.c"]}}}}],
			 "excluded": {}}""";

	@TempDir
	Path cwd;

	@Test
	void theLauncherRunsTheJarAndPrintsTheToolsTable() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/api/repos/app/learnings/recall", (exchange) -> {
			byte[] body = RECALL.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		try {
			ProcessBuilder builder = new ProcessBuilder("sh", Path.of("bin/learnings").toAbsolutePath().toString(),
					"recall", "--query", "lock")
				.directory(this.cwd.toFile());
			builder.environment().put("LEARNINGS_CLI_JAR", System.getProperty("learnings.cli.jar"));
			builder.environment().put("LEARNINGS_URL", "http://127.0.0.1:" + server.getAddress().getPort());
			builder.environment().put("LEARNINGS_REPO", "app");
			Path err = this.cwd.resolve("stderr.txt");
			Process process = builder.redirectError(err.toFile()).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

			assertThat(out).isEqualTo("""
					score  captured_at           status   learning                     tags     paths  \n\
					-----  --------------------  -------  ---------------------------  -------  -------
					1.235  2026-06-20T18:30:00Z  do_more  When X, prefer Y because Z.  example  src/a.c
					""");
			assertThat(err).isEmptyFile();
			assertThat(process.exitValue()).isZero();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void theLauncherSaysWhereTheJarWasLookedFor() throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("sh", Path.of("bin/learnings").toAbsolutePath().toString(),
				"recent")
			.directory(this.cwd.toFile());
		builder.environment().put("LEARNINGS_CLI_JAR", this.cwd.resolve("missing.jar").toString());
		Process process = builder.redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

		assertThat(out).startsWith("error: learnings-cli.jar not found");
		assertThat(process.exitValue()).isEqualTo(3);
	}

}

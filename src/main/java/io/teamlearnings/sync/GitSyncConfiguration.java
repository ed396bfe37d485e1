package io.teamlearnings.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import io.teamlearnings.learnings.StoreAccess;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires git sync: the {@code git} command found on the {@code PATH}, the attributes file
 * that gives {@code .learnings.jsonl} the union merge driver during the service's merges
 * ({@code <learnings.data-dir>/git-sync/attributes}, written at startup; the checkout's
 * own files are not touched), and the store's locks.
 */
@Configuration(proxyBeanMethods = false)
class GitSyncConfiguration {

	/** The line the attributes file holds, as a team's {@code .gitattributes} should. */
	static final String UNION_LINE = ".learnings.jsonl merge=union\n";

	@Bean
	GitSync gitSync(StoreAccess stores, Clock clock, @Value("${learnings.data-dir}") Path dataDir) {
		return new GitSync(new GitCommand("git"), stores::whileAppendsWait, attributesFile(dataDir), clock, (repo) -> {
		});
	}

	static Path attributesFile(Path dataDir) {
		try {
			Path file = Files.createDirectories(dataDir.resolve("git-sync")).resolve("attributes");
			Files.writeString(file, UNION_LINE);
			return file.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the git sync attributes file under " + dataDir, ex);
		}
	}

}

package io.teamlearnings.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An index database the service can neither open nor replace stops the start with the
 * file at fault and what to do, in the user's terms.
 */
class IndexDatabaseFailureAnalyzerTests {

	private final IndexDatabaseFailureAnalyzer analyzer = new IndexDatabaseFailureAnalyzer();

	@Test
	void reportsADataDirectoryThatCannotBeCreatedBeforeH2TriesTo() throws IOException {
		Path blocker = Files.createFile(TestStores.newDirectory("index").resolve("a-file"));
		Path file = blocker.resolve("data/index/learnings.mv.db");
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:h2:file:" + blocker.resolve("data/index/learnings"));
			IndexDatabaseException refusal = catchThrowableOfType(IndexDatabaseException.class,
					() -> new IndexDatabaseGuard().postProcessAfterInitialization(dataSource, "dataSource"));
			assertThat(refusal.reason()).isEqualTo(IndexDatabaseException.Reason.CANNOT_CREATE);
			FailureAnalysis analysis = this.analyzer.analyze(refusal);
			assertThat(analysis.getDescription()).isEqualTo("The index database " + file + " cannot be created ("
					+ blocker.resolve("data") + ": Not a directory).");
			assertThat(analysis.getAction()).contains(file.getParent().toString(), "learnings.data-dir",
					"LEARNINGS_DATA_DIR");
		}
	}

	@Test
	void tellsALockedIndexFromOneThatCannotBeMovedAside() {
		Path file = Path.of("/srv/learnings/index/learnings.mv.db");
		FailureAnalysis locked = this.analyzer
			.analyze(IndexDatabaseException.locked(file, new IllegalStateException("The file is locked")));
		assertThat(locked.getDescription()).contains(file.toString(), "is locked by another process");
		assertThat(locked.getAction()).contains("Another learnings service", "learnings.data-dir");
		FailureAnalysis stuck = this.analyzer
			.analyze(IndexDatabaseException.cannotMoveAside(file, new IOException("Read-only file system")));
		assertThat(stuck.getDescription()).contains(file.toString(), "cannot be moved aside", "Read-only file system");
		assertThat(stuck.getAction()).contains("Move or delete " + file);
	}

	@Test
	void isRegisteredWithSpringBoot() {
		// Spring Boot's own analyzers need a context to be built; leave them out here
		FailureHandler skipThoseNeedingAContext = FailureHandler.handleMessage((message, failure) -> {
		});
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, skipThoseNeedingAContext))
			.hasAtLeastOneElementOfType(IndexDatabaseFailureAnalyzer.class);
	}

}

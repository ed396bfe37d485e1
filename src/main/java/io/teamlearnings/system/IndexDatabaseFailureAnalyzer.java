package io.teamlearnings.system;

import java.nio.file.Path;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link IndexDatabaseException} in one paragraph and says how to fix it,
 * instead of the stack trace Spring Boot prints for a failure nobody analysed. Registered
 * in {@code META-INF/spring.factories}.
 */
class IndexDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<IndexDatabaseException> {

	private static final String DERIVED = "The index is derived from the .learnings.jsonl files and rebuilt from "
			+ "them; nothing canonical is kept there.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IndexDatabaseException cause) {
		Path file = cause.file();
		Path directory = file.toAbsolutePath().getParent();
		return switch (cause.reason()) {
			case LOCKED -> new FailureAnalysis(
					"The index database " + file + " is locked by another process (" + cause.detail() + ").",
					"Another learnings service, or an H2 console, is probably using the data directory. Stop it, "
							+ "or give this service a data directory of its own (learnings.data-dir, "
							+ "LEARNINGS_DATA_DIR).",
					cause);
			case CANNOT_CREATE ->
				new FailureAnalysis("The index database " + file + " cannot be created (" + cause.detail() + ").",
						"Make sure " + directory + " can be created and written by the user running the service, or "
								+ "point learnings.data-dir (LEARNINGS_DATA_DIR) at a directory that can. " + DERIVED,
						cause);
			case CANNOT_MOVE_ASIDE -> new FailureAnalysis(
					"The index database " + file + " cannot be opened, and it cannot be moved aside to build a new "
							+ "one (" + cause.detail() + ").",
					"Move or delete " + file + " yourself, or let the service write to " + directory + ". " + DERIVED,
					cause);
		};
	}

}

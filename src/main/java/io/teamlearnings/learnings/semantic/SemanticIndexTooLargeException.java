package io.teamlearnings.learnings.semantic;

import java.util.Locale;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A repository's vectors would take more of the heap than
 * {@code learnings.recall.semantic.heap-fraction} allows: answered 503 "Semantic index
 * too large" to a semantic or hybrid recall of it, naming the repository, the estimate,
 * the budget and what to change. Lexical recall (its default then) and every other
 * repository go on.
 */
public class SemanticIndexTooLargeException extends ErrorResponseException {

	SemanticIndexTooLargeException(String repo, long rows, long neededBytes, long budgetBytes, double fraction) {
		super(HttpStatus.SERVICE_UNAVAILABLE,
				Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Semantic index too large", String.format(Locale.ROOT,
						"The vectors of repository '%s' (%,d rows) would take %d MiB, more than what is left of their"
								+ " budget of %d MiB (learnings.recall.semantic.heap-fraction=%s of the %d MiB heap,"
								+ " shared by every repository), so its rows are not embedded. Use mode=lexical, or"
								+ " start the service with a larger -Xmx or raise the fraction.",
						repo, rows, mib(neededBytes), mib(budgetBytes), fraction,
						mib(Runtime.getRuntime().maxMemory()))),
				null);
	}

	private static long mib(long bytes) {
		return bytes >> 20;
	}

}

package io.teamlearnings.learnings.recall;

import java.util.Locale;

import io.teamlearnings.system.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A repository's recall corpus would take more of the heap than
 * {@code learnings.recall.corpus-heap-fraction} allows: answered 503 "Recall corpus too
 * large" naming the repository, the estimate, the budget and what to change. Recall,
 * similarity and appends (whose near-duplicate check reads the corpus) to that repository
 * are refused; browse, filters, health and every other repository go on.
 */
public class RecallCorpusTooLargeException extends ErrorResponseException {

	RecallCorpusTooLargeException(String repo, long rows, long estimatedBytes, long budgetBytes, double fraction) {
		super(HttpStatus.SERVICE_UNAVAILABLE,
				Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Recall corpus too large", String.format(Locale.ROOT,
						"The recall corpus of repository '%s' would take more heap than its budget of %d MiB"
								+ " (learnings.recall.corpus-heap-fraction=%s of the %d MiB heap, shared by every"
								+ " repository): %d MiB by estimate after %,d rows of its index. Start the service with"
								+ " a larger -Xmx or raise the fraction. Nothing was appended or ranked; browsing and"
								+ " filters still answer.",
						repo, mib(budgetBytes), fraction, mib(Runtime.getRuntime().maxMemory()), mib(estimatedBytes),
						rows)),
				null);
	}

	private static long mib(long bytes) {
		return bytes >> 20;
	}

}

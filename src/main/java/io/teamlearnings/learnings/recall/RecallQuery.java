package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;

import org.springframework.lang.Nullable;

/**
 * What a caller asks recall.
 *
 * @param text the query text
 * @param limit most hits to return
 * @param dropSuperseded whether superseded and withdrawn rows are left out (their current
 * head is returned instead)
 * @param statuses only rows with one of these statuses (normalised); empty for all
 * @param tags only rows with one of these tags (normalised); empty for all
 * @param since only rows captured at or after
 * @param asOf answer as the store stood then: rows and supersessions captured by then,
 * recency measured from then
 * @param paths the caller's changed files: rows about them rank higher
 */
public record RecallQuery(String text, int limit, boolean dropSuperseded, Set<String> statuses, Set<String> tags,
		@Nullable Instant since, @Nullable Instant asOf, List<String> paths) {

	public RecallQuery {
		statuses = Set.copyOf(statuses.stream().map(CanonicalFormat::normalizeLabel).toList());
		tags = Set.copyOf(CanonicalFormat.normalizeTags(List.copyOf(tags)));
		paths = paths.stream()
			.map(String::strip)
			.filter((path) -> !path.isEmpty())
			.map(RecallQuery::normalizePath)
			.toList();
	}

	/**
	 * A path as recall compares paths: forward slashes, without leading {@code ./} or a
	 * trailing {@code /} (so {@code src/} is the directory {@code src}).
	 */
	static String normalizePath(String path) {
		String normalized = path.replace('\\', '/');
		while (normalized.startsWith("./")) {
			normalized = normalized.substring(2);
		}
		while (normalized.length() > 1 && normalized.endsWith("/")) {
			normalized = normalized.substring(0, normalized.length() - 1);
		}
		return normalized;
	}

}

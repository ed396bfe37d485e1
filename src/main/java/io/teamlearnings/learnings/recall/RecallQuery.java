package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
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
	 * How rows are ranked ({@code mode} of a recall request).
	 */
	public enum Mode {

		/** BM25F over the rows' words, with the boosts. */
		LEXICAL,

		/** Cosine similarity of the rows' embeddings and the query's, with the boosts. */
		SEMANTIC,

		/**
		 * Reciprocal-rank fusion of both rankings, with the boosts: a row without its
		 * embedding yet is still found lexically.
		 */
		HYBRID;

		/**
		 * The mode as requests and answers name it.
		 * @return {@code lexical}, {@code semantic} or {@code hybrid}
		 */
		@JsonValue
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * @param value {@code lexical}, {@code semantic} or {@code hybrid}, any case;
		 * null for the server's default
		 * @return the mode, or null for none given
		 * @throws InvalidRecallException for any other value
		 */
		@Nullable
		public static Mode parse(@Nullable String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			for (Mode mode : values()) {
				if (mode.name().equalsIgnoreCase(value.strip())) {
					return mode;
				}
			}
			throw InvalidRecallException.unknownMode(value);
		}

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

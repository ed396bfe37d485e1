package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.security.AccessPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a recall request may ask, checked before anything is ranked, for the endpoints and
 * the MCP tool alike: the query's bounds, and which repositories a team-wide recall reads
 * for the current caller.
 */
@Component
class RecallRequests {

	private final RecallProperties properties;

	private final Repositories repositories;

	private final LearningRecall recall;

	RecallRequests(RecallProperties properties, Repositories repositories, LearningRecall recall) {
		this.properties = properties;
		this.repositories = repositories;
		this.recall = recall;
	}

	/**
	 * A recall query from a request's parameters.
	 * @param limit most hits; null for {@code learnings.recall.default-limit}
	 * @throws InvalidRecallException if the limit is over
	 * {@code learnings.recall.max-limit} or there is neither query text nor paths
	 */
	RecallQuery query(String text, @Nullable Integer limit, boolean dropSuperseded, List<String> statuses,
			List<String> tags, @Nullable Instant since, @Nullable Instant asOf, List<String> paths) {
		int effectiveLimit = (limit != null) ? limit : this.properties.defaultLimit();
		if (effectiveLimit > this.properties.maxLimit()) {
			throw InvalidRecallException.limitTooLarge(effectiveLimit, this.properties.maxLimit());
		}
		RecallQuery query = new RecallQuery(text, effectiveLimit, dropSuperseded, Set.copyOf(statuses),
				Set.copyOf(tags), since, asOf, paths);
		if (query.text().isBlank() && query.paths().isEmpty()) {
			throw InvalidRecallException.emptyQuery();
		}
		return query;
	}

	/**
	 * Team-wide recall for the current caller: over the repositories named (each of which
	 * the caller must be able to read), or every repository the caller may read; no hits
	 * when it may read none.
	 * @param named the repositories a request names; empty for all readable ones
	 * @throws org.springframework.security.access.AccessDeniedException if a named one is
	 * not readable
	 * @param mode how to rank; null for the server's default
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if a named one is unknown
	 */
	RecallResult recallReadable(List<String> named, RecallQuery query, RecallQuery.@Nullable Mode mode) {
		AccessPolicy.requireReadable(named);
		List<String> readable = named.isEmpty()
				? AccessPolicy.readable(this.repositories.all().stream().map(Repo::name).toList()) : named;
		return readable.isEmpty()
				? new RecallResult(query.text(), List.of(), (mode != null) ? mode : RecallQuery.Mode.LEXICAL,
						query.asOf(), 0, List.of(), new RecallResult.Exclusions(0, 0, 0, 0, List.of(), List.of()))
				: this.recall.recallAcross(readable, query, mode);
	}

}

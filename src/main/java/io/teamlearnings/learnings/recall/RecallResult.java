package io.teamlearnings.learnings.recall;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.learnings.index.LearningView;

import org.springframework.lang.Nullable;

/**
 * Ranked recall hits, and an account of every matching row that is not among them.
 *
 * @param query the query text
 * @param terms the analysed query terms that were searched
 * @param mode how the rows were ranked: the mode asked for, or the server's default
 * (hybrid once semantic recall is on and the repositories are embedded, else lexical)
 * @param asOf the time the answer is for, if the caller gave one
 * @param totalMatches rows that matched and passed every filter (hits are the first
 * {@code limit} of them)
 * @param hits the best rows, best first
 * @param excluded matching rows left out, by reason
 */
@Schema(name = "RecallResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecallResult(String query, List<String> terms, RecallQuery.Mode mode,
		@JsonProperty("as_of") @Nullable Instant asOf, @JsonProperty("total_matches") int totalMatches, List<Hit> hits,
		Exclusions excluded) {

	/**
	 * One ranked row.
	 *
	 * @param repo its repository
	 * @param id its id
	 * @param score its score (higher is better)
	 * @param why how the score came about
	 * @param learning the row as written
	 */
	@Schema(name = "RecallHit")
	public record Hit(String repo, String id, double score, Why why, LearningView learning) {
	}

	/**
	 * Why a row scored as it did: {@code score = bm25 x (1 + status_boost) x (1 +
	 * recency) x (1 + path_boost)}.
	 *
	 * @param terms the query terms found in the row, with the fields they were found in
	 * @param bm25 the BM25F text score
	 * @param statusBoost the status boost
	 * @param recency the recency lift
	 * @param pathBoost the lift for matching the caller's paths
	 * @param via superseded rows that matched the query and whose current head this is
	 * @param fusion in semantic and hybrid recall, the ranks and the fused score that
	 * take the place of {@code bm25} in the product; absent in lexical recall
	 */
	@Schema(name = "RecallWhy")
	record Why(List<TermMatch> terms, double bm25, @JsonProperty("status_boost") double statusBoost, double recency,
			@JsonProperty("path_boost") double pathBoost, List<String> via,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Fusion fusion) {

		Why(List<TermMatch> terms, double bm25, double statusBoost, double recency, double pathBoost,
				List<String> via) {
			this(terms, bm25, statusBoost, recency, pathBoost, via, null);
		}

	}

	/**
	 * How a row ranked in semantic or hybrid recall: {@code score = base x (1 +
	 * status_boost) x (1 + recency) x (1 + path_boost)}.
	 *
	 * @param mode {@code semantic} or {@code hybrid}
	 * @param lexicalRank the row's place in the BM25F ranking of the matching rows (1 is
	 * first); absent when it matched no query word
	 * @param semanticRank its place among the rows nearest the query; absent when it is
	 * not among them or has no embedding yet
	 * @param similarity the cosine similarity of its text and the query, when embedded
	 * @param base semantic: the similarity; hybrid: {@code (k + 1) x (1 / (k +
	 * lexical_rank) + 1 / (k + semantic_rank))}, a missing rank adding nothing (1 for a
	 * row first in one ranking, 2 for first in both)
	 */
	@Schema(name = "RecallFusion")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Fusion(String mode, @JsonProperty("lexical_rank") @Nullable Integer lexicalRank,
			@JsonProperty("semantic_rank") @Nullable Integer semanticRank, @Nullable Double similarity, double base) {
	}

	/**
	 * A query term found in a row.
	 *
	 * @param term the analysed term
	 * @param fields the fields it was found in
	 */
	@Schema(name = "TermMatch")
	record TermMatch(String term, List<String> fields) {
	}

	/**
	 * Matching rows that are not hits, by reason.
	 *
	 * @param superseded rows superseded by a later row (their head is ranked instead)
	 * @param withdrawn rows withdrawn from recall, and withdrawal records
	 * @param filtered rows that failed a status, tag or since filter
	 * @param belowMinScore rows scoring under the minimum score
	 * @param supersededRows each superseded row with the row that superseded it and the
	 * current head of its chain
	 * @param withdrawnIds the withdrawn rows
	 */
	@Schema(name = "RecallExclusions")
	record Exclusions(int superseded, int withdrawn, int filtered, @JsonProperty("below_min_score") int belowMinScore,
			@JsonProperty("superseded_rows") List<SupersededRow> supersededRows,
			@JsonProperty("withdrawn_ids") List<String> withdrawnIds) {

		static Exclusions sum(List<Exclusions> parts) {
			return new Exclusions(parts.stream().mapToInt(Exclusions::superseded).sum(),
					parts.stream().mapToInt(Exclusions::withdrawn).sum(),
					parts.stream().mapToInt(Exclusions::filtered).sum(),
					parts.stream().mapToInt(Exclusions::belowMinScore).sum(),
					parts.stream().flatMap((part) -> part.supersededRows().stream()).toList(),
					parts.stream().flatMap((part) -> part.withdrawnIds().stream()).toList());
		}

	}

	/**
	 * A superseded row that matched.
	 *
	 * @param repo its repository
	 * @param id its id
	 * @param supersededBy the row that superseded it
	 * @param head the current row of its chain
	 */
	@Schema(name = "SupersededRow")
	record SupersededRow(String repo, String id, @JsonProperty("superseded_by") String supersededBy, String head) {
	}

}

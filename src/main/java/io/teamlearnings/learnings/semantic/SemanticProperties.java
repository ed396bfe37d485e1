package io.teamlearnings.learnings.semantic;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Semantic recall ({@code learnings.recall.semantic}).
 *
 * @param enabled whether rows are embedded and recall may rank by meaning; off (the
 * default until its cost at 100,000 rows is within its goals, see docs/BENCHMARKS.md),
 * recall is lexical only and the model is never loaded
 * @param model the embedding model
 * @param batchSize rows embedded at a time by the background worker
 * @param pollInterval how often the worker looks for rows without an embedding
 * @param candidates how many rows each ranking (lexical, semantic) contributes to the
 * fusion: its rank window (a row outside both windows is not ranked in hybrid mode)
 * @param shortlist how many rows the sign-bit pass keeps in a repository of more rows
 * than this (a smaller one is compared exactly), of which the {@code 10 x candidates}
 * whose sign bits score best against the query are rescored exactly: at 100,000 rows the
 * three passes take about 3 ms on one thread, where comparing every row exactly takes
 * about 18 ms
 * @param rrfK the constant k of reciprocal-rank fusion, {@code 1 / (k + rank)}: 5, not
 * the usual 60, because the fused score is then multiplied by the status, recency and
 * path boosts (up to about 1.5 together), and with k = 60 the fused scores of the top
 * rows differ by less than that, so the boosts, not the rankings, ordered them
 * ({@code SemanticRecallQualityTests}: paraphrase MRR 0.69 with k = 60, 0.93 with k = 5)
 */
@Validated
@ConfigurationProperties("learnings.recall.semantic")
public record SemanticProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("all-minilm-l6-v2-q") EmbeddingModelChoice model,
		@DefaultValue("32") @Min(1) @Max(512) int batchSize, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("100") @Min(1) @Max(10000) int candidates, @DefaultValue("5") @Min(1) int rrfK,
		@DefaultValue("5000") @Min(1) int shortlist,
		@DefaultValue("0.15") @DecimalMin("0.01") @DecimalMax("0.9") double heapFraction,
		@Nullable @DecimalMin("-1.0") @DecimalMax("1.0") Double minSimilarity) {

	/**
	 * The least similarity a row must have to the query to be among its nearest rows:
	 * {@code min-similarity} if set, else the model's own
	 * ({@link EmbeddingModelChoice#minSimilarity()}).
	 * @return -1 to 1
	 */
	public double similarityFloor() {
		return (this.minSimilarity != null) ? this.minSimilarity : this.model.minSimilarity();
	}

}

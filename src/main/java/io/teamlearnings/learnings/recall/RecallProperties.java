package io.teamlearnings.learnings.recall;

import io.teamlearnings.learnings.analysis.TermVector;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How recall ranks rows ({@code learnings.recall}); README.md gives the formula.
 *
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation, 0 to 1
 * @param fieldWeights weight of a term occurrence in each field (learning, application,
 * evidence, context, tags)
 * @param statusBoosts multiplicative boost per status: the score is multiplied by
 * {@code 1 + boost}
 * @param recencyWeight how much a brand-new row is lifted over an old one
 * @param recencyDays e-folding time of the recency lift, in days
 * @param pathBoost lift for a row whose context paths match the caller's paths
 * @param pathTermWeight weight of the caller's paths' terms as extra query terms
 * @param minScore hits scoring below this are left out (and counted)
 * @param defaultLimit hits returned when the caller names no limit
 * @param maxLimit most hits a caller may ask for
 * @param themeThreshold similarity at which two active rows share a theme
 * @param corpusHeapFraction the share of the heap ({@code -Xmx}) the recall corpora of
 * every repository may take together, as {@link RecallCorpus} estimates them; a corpus
 * that would take more is not loaded, and recall, similarity and appends to its
 * repository answer 503 saying so
 */
@Validated
@ConfigurationProperties("learnings.recall")
public record RecallProperties(@DefaultValue("1.2") @DecimalMin("0.0") double k1,
		@DefaultValue("0.75") @DecimalMin("0.0") double b, @DefaultValue FieldWeights fieldWeights,
		@DefaultValue StatusBoosts statusBoosts, @DefaultValue("0.2") @DecimalMin("0.0") double recencyWeight,
		@DefaultValue("45") @DecimalMin("0.1") double recencyDays,
		@DefaultValue("0.5") @DecimalMin("0.0") double pathBoost,
		@DefaultValue("0.5") @DecimalMin("0.0") double pathTermWeight,
		@DefaultValue("0.0") @DecimalMin("0.0") double minScore, @DefaultValue("5") @Min(1) int defaultLimit,
		@DefaultValue("50") @Min(1) int maxLimit, @DefaultValue("0.3") @DecimalMin("0.0") double themeThreshold,
		@DefaultValue("0.5") @DecimalMin(value = "0.0",
				inclusive = false) @DecimalMax("1.0") double corpusHeapFraction) {

	/**
	 * @return whether a caller who names no limit asks for one it may ask for
	 */
	@AssertTrue(message = "learnings.recall.default-limit must not be over learnings.recall.max-limit")
	public boolean isDefaultLimitWithinMaxLimit() {
		return this.defaultLimit <= this.maxLimit;
	}

	/** Weight of a term occurrence in each recall field. */
	record FieldWeights(@DefaultValue("3.0") double learning, @DefaultValue("1.5") double application,
			@DefaultValue("1.0") double evidence, @DefaultValue("1.0") double context,
			@DefaultValue("2.0") double tags) {

		double of(TermVector.Field field) {
			return switch (field) {
				case LEARNING -> this.learning;
				case APPLICATION -> this.application;
				case EVIDENCE -> this.evidence;
				case CONTEXT -> this.context;
				case TAGS -> this.tags;
			};
		}

	}

	/** Multiplicative boost per status; other statuses get none. */
	record StatusBoosts(@DefaultValue("0.30") double codifyNow, @DefaultValue("0.25") double avoidForNow,
			@DefaultValue("0.15") double doLess, @DefaultValue("0.15") double doMore,
			@DefaultValue("0.10") double investigateMore, @DefaultValue("0.10") double codified,
			@DefaultValue("-0.05") double reviewLater) {

		double of(String status) {
			return switch (status) {
				case "codify_now" -> this.codifyNow;
				case "avoid_for_now" -> this.avoidForNow;
				case "do_less" -> this.doLess;
				case "do_more" -> this.doMore;
				case "investigate_more" -> this.investigateMore;
				case "codified" -> this.codified;
				case "review_later" -> this.reviewLater;
				default -> 0.0;
			};
		}

	}

}

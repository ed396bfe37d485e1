package io.teamlearnings.skills.match;

/**
 * The thresholds of the update-or-create decision.
 *
 * @param trigger least trigger-intent similarity for "same primary trigger intent"
 * @param overlap least workflow overlap for an update (the seed's 70%)
 * @param dilution most scope-dilution risk for an update
 * @param step least similarity at which two workflow steps match
 */
public record MatchSettings(double trigger, double overlap, double dilution, double step) {

	/** The defaults: 0.3, 0.7, 0.5 and 0.5. */
	public static final MatchSettings DEFAULTS = new MatchSettings(0.3, 0.7, 0.5, 0.5);

}

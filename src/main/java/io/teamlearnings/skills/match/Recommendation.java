package io.teamlearnings.skills.match;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.lang.Nullable;

/**
 * What to do with a lesson, by the seed's rules.
 *
 * @param action {@code update}, {@code create}, {@code extract-shared-fragment} or
 * {@code wrap}
 * @param skill the skill to update or wrap ({@code <root>/<name>})
 * @param name the proposed name of the skill to create (for a wrapper or an extracted
 * fragment too)
 * @param root the proposed root for a new skill; the skill's own root for an update
 * @param placement {@code shared} or {@code project}
 * @param skills for an extraction, the skills that repeat the fragment
 * @param fragment for an extraction, the fragment's steps
 * @param why the reasons, in words
 */
@Schema(name = "SkillRecommendation")
public record Recommendation(String action, @Nullable String skill, @Nullable String name, @Nullable String root,
		@Nullable String placement, List<String> skills, List<String> fragment, String why) {

	/** Update the strongest related skill. */
	public static final String UPDATE = "update";

	/** Create a new skill. */
	public static final String CREATE = "create";

	/** Extract a fragment several skills repeat into a shared skill. */
	public static final String EXTRACT = "extract-shared-fragment";

	/** Wrap an external skill in a local one that encodes the recurring customisation. */
	public static final String WRAP = "wrap";

}

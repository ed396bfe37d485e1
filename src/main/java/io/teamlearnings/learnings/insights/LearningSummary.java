package io.teamlearnings.learnings.insights;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a repository's store holds, at a glance.
 *
 * @param repo the repository
 * @param rows rows in the store
 * @param active rows neither superseded nor withdrawn (withdrawal records excluded)
 * @param superseded rows a later row supersedes
 * @param withdrawn rows withdrawn from recall
 * @param byStatus rows per status
 * @param topTags the most used tags among active rows
 * @param perWeek rows captured per ISO week ({@code 2026-W09})
 * @param themes groups of at least three similar active rows
 */
@Schema(name = "LearningSummary")
public record LearningSummary(String repo, int rows, int active, int superseded, int withdrawn,
		@JsonProperty("by_status") Map<String, Integer> byStatus, @JsonProperty("top_tags") List<TagCount> topTags,
		@JsonProperty("per_week") Map<String, Integer> perWeek, List<Themes.Theme> themes) {

	/**
	 * A tag and how many active rows carry it.
	 *
	 * @param tag the tag
	 * @param rows rows carrying it
	 */
	@Schema(name = "TagCount")
	record TagCount(String tag, int rows) {
	}

}

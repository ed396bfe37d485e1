package io.teamlearnings.learnings.browse;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.domain.Page;

/**
 * One page of a listing.
 *
 * @param <T> the item type
 * @param items the items on this page
 * @param page 0-based page number
 * @param size page size asked for
 * @param totalItems items across all pages
 * @param totalPages number of pages
 */
public record PagedResult<T>(List<T> items, int page, int size, @JsonProperty("total_items") long totalItems,
		@JsonProperty("total_pages") int totalPages) {

	static <T> PagedResult<T> of(Page<?> page, List<T> items) {
		return new PagedResult<>(items, page.getNumber(), page.getSize(), page.getTotalElements(),
				page.getTotalPages());
	}

}

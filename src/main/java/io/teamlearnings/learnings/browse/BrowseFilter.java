package io.teamlearnings.learnings.browse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.teamlearnings.learnings.index.IndexedLearning;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.lang.Nullable;

/**
 * Filters for browsing a repository's rows.
 *
 * @param status only rows with this status (normalised)
 * @param tag only rows with this tag (normalised)
 * @param since only rows captured at or after
 * @param until only rows captured before
 * @param text only rows whose learning, application or evidence contain this, ignoring
 * case
 * @param includeSuperseded whether rows another row supersedes are listed
 */
public record BrowseFilter(@Nullable String status, @Nullable String tag, @Nullable Instant since,
		@Nullable Instant until, @Nullable String text, boolean includeSuperseded) {

	Specification<IndexedLearning> toSpecification(String repo) {
		return (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			predicates.add(cb.equal(root.get("repo"), repo));
			if (this.status != null) {
				predicates.add(cb.equal(root.get("status"), CanonicalFormat.normalizeLabel(this.status)));
			}
			if (this.tag != null) {
				predicates.add(cb.like(root.get("tags"), "%," + escape(CanonicalFormat.normalizeLabel(this.tag)) + ",%",
						'\\'));
			}
			if (this.since != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("capturedTs"), utc(this.since)));
			}
			if (this.until != null) {
				predicates.add(cb.lessThan(root.get("capturedTs"), utc(this.until)));
			}
			if (this.text != null && !this.text.isBlank()) {
				String pattern = "%" + escape(this.text.strip().toLowerCase(Locale.ROOT)) + "%";
				predicates.add(cb.or(cb.like(cb.lower(root.get("learning")), pattern, '\\'),
						cb.like(cb.lower(root.get("application")), pattern, '\\'),
						cb.like(cb.lower(root.get("evidence")), pattern, '\\')));
			}
			if (!this.includeSuperseded) {
				predicates.add(cb.equal(root.get("supersededBy"), ""));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}

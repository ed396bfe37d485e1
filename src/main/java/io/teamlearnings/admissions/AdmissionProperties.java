package io.teamlearnings.admissions;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admission gate's limits ({@code learnings.admissions}).
 *
 * @param maxEvidenceChars the evidence snapshot embedded in a note may hold at most this
 * many characters
 * @param maxEvidenceItems and at most this many items
 * @param authority the {@code authority} written in notes
 */
@Validated
@ConfigurationProperties("learnings.admissions")
record AdmissionProperties(@DefaultValue("4000") @Min(1) int maxEvidenceChars,
		@DefaultValue("20") @Min(1) int maxEvidenceItems, @DefaultValue("learnings-cli") @NotBlank String authority) {
}

package io.teamlearnings.learnings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The conventions of the original {@code learnings} command-line tool, so that rows
 * written here and rows written by the tool are interchangeable in one file.
 */
final class CanonicalFormat {

	/** Statuses a row may carry, in the tool's vocabulary. */
	static final List<String> STATUSES = List.of("do_more", "do_less", "codify_now", "review_later", "investigate_more",
			"avoid_for_now", "codified");

	/** Status of the row that withdraws another; written only by a withdrawal. */
	static final String WITHDRAWN = "withdrawn";

	private static final Pattern NON_WORD_RUN = Pattern.compile("[^a-z0-9]+");

	private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

	private static final DateTimeFormatter CAPTURED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private CanonicalFormat() {
	}

	/**
	 * Lower-cases and turns each run of characters other than letters and digits into one
	 * {@code _}, trimming it at both ends: {@code "Codify Now"} becomes
	 * {@code codify_now}.
	 */
	static String normalizeLabel(String label) {
		String joined = NON_WORD_RUN.matcher(label.toLowerCase(Locale.ROOT)).replaceAll("_");
		int start = 0;
		int end = joined.length();
		while (start < end && joined.charAt(start) == '_') {
			start++;
		}
		while (end > start && joined.charAt(end - 1) == '_') {
			end--;
		}
		return joined.substring(start, end);
	}

	/** Normalised tags, empty ones dropped, duplicates removed, first order kept. */
	static List<String> normalizeTags(List<String> tags) {
		Set<String> unique = new LinkedHashSet<>();
		for (String tag : tags) {
			String normalized = normalizeLabel(tag);
			if (!normalized.isEmpty()) {
				unique.add(normalized);
			}
		}
		return new ArrayList<>(unique);
	}

	/** Trims and collapses every whitespace run into a single space. */
	static String collapseWhitespace(String text) {
		return WHITESPACE_RUN.matcher(text.strip()).replaceAll(" ");
	}

	/**
	 * First 16 hex characters of {@code sha1("<status>|<learning lower-cased>")}; the
	 * learning is whitespace-collapsed first.
	 */
	static String fingerprint(String status, String learning) {
		String material = status + "|" + collapseWhitespace(learning).toLowerCase(Locale.ROOT);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(material.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is required of every Java runtime", ex);
		}
	}

	/** UTC capture time to the second, e.g. {@code 2026-05-28T17:07:24Z}. */
	static String capturedAt(Instant instant) {
		return CAPTURED_AT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	/**
	 * {@code lrn-} + the capture time without {@code -} and {@code :} + {@code -} + the
	 * fingerprint's first 8 characters, e.g. {@code lrn-20260528T170724Z-c468d2a9}.
	 */
	static String id(String capturedAt, String fingerprint) {
		return "lrn-" + capturedAt.replace("-", "").replace(":", "") + "-" + fingerprint.substring(0, 8);
	}

}

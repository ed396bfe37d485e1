package io.teamlearnings.learnings.jsonl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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
public final class CanonicalFormat {

	/** Statuses a row may carry, in the tool's vocabulary. */
	public static final List<String> STATUSES = List.of("do_more", "do_less", "codify_now", "review_later",
			"investigate_more", "avoid_for_now", "codified");

	/** Status of the row that withdraws another; written only by a withdrawal. */
	public static final String WITHDRAWN = "withdrawn";

	private static final Pattern NON_WORD_RUN = Pattern.compile("[^a-z0-9]+");

	private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

	private CanonicalFormat() {
	}

	/**
	 * Lower-cases and turns each run of characters other than letters and digits into one
	 * {@code _}, trimming it at both ends: {@code "Codify Now"} becomes
	 * {@code codify_now}.
	 */
	public static String normalizeLabel(String label) {
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
	public static List<String> normalizeTags(List<String> tags) {
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
	public static String collapseWhitespace(String text) {
		return WHITESPACE_RUN.matcher(text.strip()).replaceAll(" ");
	}

	/**
	 * First 16 hex characters of {@code sha1("<status>|<learning lower-cased>")}; the
	 * learning is whitespace-collapsed first.
	 */
	public static String fingerprint(String status, String learning) {
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
	public static String capturedAt(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/**
	 * {@code lrn-} + the capture time without {@code -} and {@code :} + {@code -} + the
	 * fingerprint's first 8 characters, e.g. {@code lrn-20260528T170724Z-c468d2a9}.
	 */
	public static String id(String capturedAt, String fingerprint) {
		return "lrn-" + capturedAt.replace("-", "").replace(":", "") + "-" + fingerprint.substring(0, 8);
	}

	/**
	 * Whether {@code text} holds a control character other than tab, line feed and
	 * carriage return (C0, DEL or C1): refused in text fields, where they only ever hide
	 * or garble what a reader sees.
	 */
	public static boolean hasControlCharacters(String text) {
		return text.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
	}

}

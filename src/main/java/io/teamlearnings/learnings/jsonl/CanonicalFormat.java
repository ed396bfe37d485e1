package io.teamlearnings.learnings.jsonl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.lang.Nullable;

/**
 * The conventions of the {@code learnings} command-line tool, so that rows written here
 * and rows written by the tool are interchangeable in one file. Every rule follows the
 * tool's {@code apps/learnings/scripts/append_learning.zig} (tkersey/skills-zig): it
 * works on ASCII only, so letters outside ASCII are never lower-cased or kept in a label,
 * and only ASCII whitespace (space, tab, CR, LF, VT, FF) counts as whitespace.
 */
public final class CanonicalFormat {

	/** The status a row gets when it names none (or one that normalises to nothing). */
	public static final String REVIEW_LATER = "review_later";

	/** Status of the row that withdraws another; written only by a withdrawal. */
	public static final String WITHDRAWN = "withdrawn";

	private CanonicalFormat() {
	}

	/**
	 * A status or tag as the tool writes it: ASCII letters and digits kept, lower-cased;
	 * every run of other characters becomes one {@code _}; no {@code _} at either end.
	 * {@code "  Do More / ASAP  "} becomes {@code do_more_asap}, {@code "É"} becomes
	 * {@code ""}.
	 */
	public static String normalizeLabel(String label) {
		StringBuilder out = new StringBuilder(label.length());
		boolean separator = false;
		for (int i = 0; i < label.length(); i++) {
			char c = label.charAt(i);
			if (isAsciiLetterOrDigit(c)) {
				if (separator && !out.isEmpty()) {
					out.append('_');
				}
				out.append(asciiLower(c));
				separator = false;
			}
			else {
				separator = true;
			}
		}
		return out.toString();
	}

	/**
	 * A row's status: the label of {@code status}, or {@link #REVIEW_LATER} when it is
	 * missing or normalises to nothing. Any other label is a status, as in the tool.
	 */
	public static String normalizeStatus(@Nullable String status) {
		String label = (status != null) ? normalizeLabel(status) : "";
		return label.isEmpty() ? REVIEW_LATER : label;
	}

	/**
	 * Tags as the tool writes them: each value split on commas, each part normalised like
	 * a status; empty parts and repeats dropped, first order kept.
	 */
	public static List<String> normalizeTags(List<String> tags) {
		return splitOnCommas(tags, CanonicalFormat::normalizeLabel);
	}

	/**
	 * Related ids as the tool writes them: each value split on commas, each part trimmed
	 * of spaces, tabs, CR and LF; empty parts and repeats dropped, first order kept.
	 */
	public static List<String> normalizeIds(List<String> ids) {
		return splitOnCommas(ids, CanonicalFormat::trimLineWhitespace);
	}

	private static List<String> splitOnCommas(List<String> values, UnaryOperator<String> normalize) {
		Set<String> unique = new LinkedHashSet<>();
		for (String value : values) {
			for (String part : value.split(",", -1)) {
				String normalized = normalize.apply(part);
				if (!normalized.isEmpty()) {
					unique.add(normalized);
				}
			}
		}
		return new ArrayList<>(unique);
	}

	/**
	 * A learning, an evidence item or an application as the tool writes it: ASCII
	 * whitespace trimmed at both ends and every run of it inside turned into one space.
	 * Other whitespace (a no-break space, an em space) is text.
	 */
	public static String collapseWhitespace(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean pending = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isAsciiWhitespace(c)) {
				pending = !out.isEmpty();
				continue;
			}
			if (pending) {
				out.append(' ');
				pending = false;
			}
			out.append(c);
		}
		return out.toString();
	}

	/** {@code text} trimmed of spaces, tabs, CR and LF, as the tool trims an id. */
	public static String trimLineWhitespace(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && " \t\r\n".indexOf(text.charAt(start)) >= 0) {
			start++;
		}
		while (end > start && " \t\r\n".indexOf(text.charAt(end - 1)) >= 0) {
			end--;
		}
		return text.substring(start, end);
	}

	/** {@code text} with ASCII {@code A-Z} lower-cased and every other character kept. */
	public static String asciiLowerCase(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = asciiLower(chars[i]);
		}
		return new String(chars);
	}

	/**
	 * First 16 hex characters of {@code sha1("<status>|<learning>")} over its UTF-8
	 * bytes, with the learning whitespace-collapsed and only ASCII {@code A-Z}
	 * lower-cased: {@code When É happens, prefer Y because Z.} with {@code do_more} is
	 * {@code 2b73fc1f0865f8ac}.
	 */
	public static String fingerprint(String status, String learning) {
		String material = status + "|" + asciiLowerCase(collapseWhitespace(learning));
		return HexFormat.of().formatHex(sha1(material.getBytes(StandardCharsets.UTF_8)), 0, 8);
	}

	/**
	 * What the exact-duplicate check compares: SHA-256 (hex) of
	 * {@code <status>|<learning>} with the learning NFC-normalised, every run of
	 * whitespace (ASCII or Unicode) collapsed to one space and trimmed, and case-folded
	 * (upper- then lower-cased in the root locale, so {@code ß} and {@code SS} agree).
	 * Unlike {@link #fingerprint} it is the service's own: a learning written in NFC and
	 * again in NFD ({@code café} as U+00E9 or {@code e} + U+0301) has two fingerprints
	 * but one key (field report case D).
	 * @param status the row's status as written
	 * @param learning the row's learning as written
	 * @return 64 hex characters
	 */
	public static String duplicateKey(String status, String learning) {
		String text = Normalizer.normalize(learning, Normalizer.Form.NFC);
		StringBuilder collapsed = new StringBuilder(text.length());
		boolean pending = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				pending = !collapsed.isEmpty();
				continue;
			}
			if (pending) {
				collapsed.append(' ');
				pending = false;
			}
			collapsed.append(c);
		}
		String folded = Normalizer.normalize(collapsed.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT),
				Normalizer.Form.NFC);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((status + "|" + folded).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

	private static byte[] sha1(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is required of every Java runtime", ex);
		}
	}

	/** Space, tab, LF, VT, FF or CR: the whitespace the tool collapses. */
	public static boolean isAsciiWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
	}

	/** An ASCII letter or digit: what the tool keeps in a label and matches words by. */
	public static boolean isAsciiLetterOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	private static char asciiLower(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
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

	/**
	 * Whether {@code text} holds a UTF-16 surrogate that is not half of a pair (a JSON
	 * {@code \\uD800} escape alone): such text is not Unicode, has no UTF-8 bytes, and so
	 * no fingerprint the learnings tool could compute.
	 */
	public static boolean hasUnpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}

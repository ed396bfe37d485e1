package io.teamlearnings.learnings.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;

/**
 * The strict quality gate of the {@code learnings} tool
 * ({@code apps/learnings/scripts/append_learning.zig} in tkersey/skills-zig,
 * {@code validateQuality}): the same checks, in the same order, with the same lines.
 * <ul>
 * <li>error: the repository root is under {@code /tmp}, {@code /private/tmp},
 * {@code /var/folders/} or {@code /private/var/folders/} (a plain prefix of the real
 * path, as the tool tests it), unless temporary roots are allowed;</li>
 * <li>error: the learning is shorter than 24 bytes (UTF-8);</li>
 * <li>error: the learning lacks a condition word ({@code when}, {@code if}, {@code for})
 * together with an action word; words match whole (ASCII letters and digits around them
 * break a match), ASCII case ignored;</li>
 * <li>warning: no consequence wording ({@code because}, {@code prevent},
 * {@code otherwise} as words, or {@code to avoid} anywhere);</li>
 * <li>error: no evidence; or an item that is a placeholder; or no item with an anchor
 * (see {@link #hasAnchor(String)});</li>
 * <li>error: the application is empty or a placeholder;</li>
 * <li>warning: the status is {@code review_later};</li>
 * <li>after any error, the tool's hint line.</li>
 * </ul>
 * The lines name the tool's options ({@code --evidence}, {@code --allow-temp-path},
 * {@code --quality-mode}) as the tool prints them, so that a script reading either finds
 * the same words.
 */
public final class QualityGate {

	static final String EPHEMERAL_ROOT = "quality-error: repo root is ephemeral: %s. "
			+ "Use --allow-temp-path only when capture must be temporary.";

	static final String TOO_SHORT = "quality-error: learning is too short; include a durable decision rule.";

	static final String NO_CONDITION_ACTION = "quality-error: learning must include explicit condition + action "
			+ "(for example: 'When X, prefer Y ...').";

	static final String NO_CONSEQUENCE = "quality-warning: learning lacks explicit consequence wording "
			+ "(because/to avoid/prevent/otherwise).";

	static final String NO_EVIDENCE = "quality-error: at least one --evidence value is required in strict mode.";

	static final String PLACEHOLDER_EVIDENCE = "quality-error: evidence contains placeholder text.";

	static final String UNANCHORED_EVIDENCE = "quality-error: evidence needs at least one concrete anchor "
			+ "(command outcome, sha/run id, file path, or exact error).";

	static final String VAGUE_APPLICATION = "quality-error: application must be concrete in strict mode.";

	static final String REVIEW_LATER = "quality-warning: status=review_later used; "
			+ "ensure this uncertainty is itself decision-shaping.";

	static final String HINT = "quality-error: use --quality-mode best_effort only for intentional exceptions.";

	/** The evidence the tool writes in best-effort mode when there is none. */
	public static final String NO_EVIDENCE_PLACEHOLDER = "none_provided";

	/** The application the tool writes in best-effort mode when there is none. */
	public static final String NO_APPLICATION_PLACEHOLDER = "capture_follow_up_later";

	private static final int MIN_LEARNING_BYTES = 24;

	private static final List<String> TEMPORARY_ROOTS = List.of("/tmp", "/private/tmp", "/var/folders/",
			"/private/var/folders/");

	private static final Set<String> PLACEHOLDERS = Set.of(NO_EVIDENCE_PLACEHOLDER, NO_APPLICATION_PLACEHOLDER, "n/a",
			"na", "todo", "unknown", "tbd");

	private static final List<String> CONDITION_WORDS = List.of("when", "if", "for");

	private static final List<String> ACTION_WORDS = List.of("prefer", "use", "avoid", "set", "run", "keep", "add",
			"remove", "require", "enforce", "treat", "encode", "split", "move", "mirror", "pin", "gate");

	private static final List<String> CONSEQUENCE_WORDS = List.of("because", "prevent", "otherwise");

	private static final List<String> ANCHOR_PHRASES = List.of("task_", "passed", "failed", "error", "exit ",
			"exited ");

	private static final String TOKEN_SEPARATORS = " \t\r\n,;:()[]{}<>\"'`";

	private final String root;

	private final boolean allowTemporaryRoot;

	private QualityGate(String root, boolean allowTemporaryRoot) {
		this.root = root;
		this.allowTemporaryRoot = allowTemporaryRoot;
	}

	/**
	 * The gate for rows of the repository at {@code root}.
	 * @param root the repository root; judged by its real path (symbolic links resolved,
	 * as the tool resolves its working directory), or as given if it cannot be resolved
	 * @param allowTemporaryRoot whether a root under a temporary directory is allowed
	 * (the tool's {@code --allow-temp-path})
	 * @return the gate
	 */
	public static QualityGate forRepository(Path root, boolean allowTemporaryRoot) {
		Path real;
		try {
			real = root.toRealPath();
		}
		catch (IOException ex) {
			real = root.toAbsolutePath().normalize();
		}
		return new QualityGate(real.toString(), allowTemporaryRoot);
	}

	/**
	 * Judges one row, its fields normalised as the tool normalises them
	 * ({@link CanonicalFormat#normalizeStatus},
	 * {@link CanonicalFormat#collapseWhitespace}, empty evidence items dropped).
	 * @param status the status
	 * @param learning the learning
	 * @param evidence the evidence items
	 * @param application the application, empty if none
	 * @return the errors and warnings, in the tool's order
	 */
	public QualityVerdict judge(String status, String learning, List<String> evidence, String application) {
		List<String> errors = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		if (!this.allowTemporaryRoot && isTemporary(this.root)) {
			fail(errors, fields, "repo", EPHEMERAL_ROOT.formatted(this.root));
		}
		if (learning.getBytes(StandardCharsets.UTF_8).length < MIN_LEARNING_BYTES) {
			fail(errors, fields, "learning", TOO_SHORT);
		}
		String lower = CanonicalFormat.asciiLowerCase(learning);
		if (!hasConditionAndAction(lower)) {
			fail(errors, fields, "learning", NO_CONDITION_ACTION);
		}
		if (!hasConsequence(lower)) {
			warnings.add(NO_CONSEQUENCE);
		}
		if (evidence.isEmpty()) {
			fail(errors, fields, "evidence", NO_EVIDENCE);
		}
		else if (evidence.stream().anyMatch(QualityGate::isPlaceholder)) {
			fail(errors, fields, "evidence", PLACEHOLDER_EVIDENCE);
		}
		else if (evidence.stream().noneMatch(QualityGate::hasAnchor)) {
			fail(errors, fields, "evidence", UNANCHORED_EVIDENCE);
		}
		if (isPlaceholder(application)) {
			fail(errors, fields, "application", VAGUE_APPLICATION);
		}
		if (CanonicalFormat.REVIEW_LATER.equals(status)) {
			warnings.add(REVIEW_LATER);
		}
		if (!errors.isEmpty()) {
			errors.add(HINT);
		}
		return new QualityVerdict(errors, warnings, fields);
	}

	private static void fail(List<String> errors, List<String> fields, String field, String line) {
		errors.add(line);
		if (!fields.contains(field)) {
			fields.add(field);
		}
	}

	static boolean isTemporary(String root) {
		return TEMPORARY_ROOTS.stream().anyMatch(root::startsWith);
	}

	/**
	 * Empty, or one of {@code none_provided}, {@code capture_follow_up_later},
	 * {@code n/a}, {@code na}, {@code todo}, {@code unknown}, {@code tbd}, ASCII case
	 * ignored.
	 */
	static boolean isPlaceholder(String value) {
		String trimmed = CanonicalFormat.trimLineWhitespace(value);
		return trimmed.isEmpty() || PLACEHOLDERS.contains(CanonicalFormat.asciiLowerCase(trimmed));
	}

	static boolean hasConditionAndAction(String lower) {
		return CONDITION_WORDS.stream().anyMatch((word) -> containsWord(lower, word))
				&& ACTION_WORDS.stream().anyMatch((word) -> containsWord(lower, word));
	}

	static boolean hasConsequence(String lower) {
		return lower.contains("to avoid") || CONSEQUENCE_WORDS.stream().anyMatch((word) -> containsWord(lower, word));
	}

	/**
	 * Whether {@code word} occurs in {@code text} with no ASCII letter or digit on either
	 * side.
	 */
	private static boolean containsWord(String text, String word) {
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
			int after = at + word.length();
			boolean startsWord = at == 0 || !CanonicalFormat.isAsciiLetterOrDigit(text.charAt(at - 1));
			boolean endsWord = after >= text.length() || !CanonicalFormat.isAsciiLetterOrDigit(text.charAt(after));
			if (startsWord && endsWord) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an evidence item is anchored in something concrete: it contains (ASCII case
	 * ignored) {@code task_}, {@code passed}, {@code failed}, {@code error},
	 * {@code exit } or {@code exited }; or one of its tokens (split on whitespace and
	 * {@code ,;:()[]{}<>"'} and backtick) is 7 to 40 hex digits (a sha), holds a
	 * {@code .} in 3 or more bytes without starting with {@code --} (a file or a
	 * version), or is {@code run} and 6 or more digits, {@code _}, {@code -} allowed
	 * between (a run id). The rule is the {@code learnings} tool's
	 * ({@code append_learning.zig}, {@code hasEvidenceAnchor}); the memory digest and
	 * codify candidates use it too.
	 * @param item one evidence item
	 * @return whether it is anchored
	 */
	public static boolean hasAnchor(String item) {
		String lower = CanonicalFormat.asciiLowerCase(item);
		if (ANCHOR_PHRASES.stream().anyMatch(lower::contains)) {
			return true;
		}
		for (String token : tokens(item)) {
			if (isHexDigits(token) || isFileLike(token) || isRunNumber(token)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		int start = -1;
		for (int i = 0; i <= text.length(); i++) {
			boolean separator = i == text.length() || TOKEN_SEPARATORS.indexOf(text.charAt(i)) >= 0;
			if (separator && start >= 0) {
				tokens.add(text.substring(start, i));
				start = -1;
			}
			else if (!separator && start < 0) {
				start = i;
			}
		}
		return tokens;
	}

	private static boolean isHexDigits(String token) {
		if (token.length() < 7 || token.length() > 40) {
			return false;
		}
		return token.chars().allMatch((c) -> Character.digit(c, 16) >= 0 && c < 128);
	}

	private static boolean isFileLike(String token) {
		return token.getBytes(StandardCharsets.UTF_8).length >= 3 && !token.startsWith("--") && token.indexOf('.') >= 0;
	}

	private static boolean isRunNumber(String token) {
		if (!token.startsWith("run") || token.length() <= 3) {
			return false;
		}
		int at = 3;
		while (at < token.length() && "_-:".indexOf(token.charAt(at)) >= 0) {
			at++;
		}
		int digits = 0;
		while (at < token.length() && token.charAt(at) >= '0' && token.charAt(at) <= '9') {
			at++;
			digits++;
		}
		return digits >= 6;
	}

}

package io.teamlearnings.sessions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.teamlearnings.sessions.rollout.Rollout;
import io.teamlearnings.system.Jaccard;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Finds lesson signals in conversations with fixed, documented rules (README lists them),
 * so the same sessions always give the same signals:
 * <ul>
 * <li>{@code correction}: a user message right after an assistant message that rejects it
 * ("no, ...", "that's wrong", "not what I asked", "I said", "you didn't", "revert that"),
 * unless it is a pleasantry ("no problem", "no worries", "that's right");</li>
 * <li>{@code tool_failure}: a tool call with a non-zero exit code or an output that
 * reports an error, with what the assistant said next;</li>
 * <li>{@code repeated_request}: a user request whose words (at least four distinct, stop
 * words aside) overlap an earlier request's by a Jaccard similarity of at least 0.5, in
 * the same or another session;</li>
 * <li>{@code post_completion_followup}: right after the assistant reported completion
 * ("done", "all set", "fixed", "committed", ...), the user asks for a forgotten step or a
 * cleanup ("you forgot", "also", "clean up", "still need", "now commit", ...);</li>
 * <li>{@code scope_correction}: right after an assistant message, the user bounds what to
 * stage, commit or push ("only the staged files", "commit but don't push", "I didn't ask
 * you to push").</li>
 * </ul>
 * Only moments inside the window are signals: a message or tool call dated at or after
 * its beginning (undated ones count when their session started in it), so a resumed
 * session's old turns are not mined again. History a fork replays from its parent is
 * never the source of a signal, nor an earlier request a later one repeats; it may still
 * be what a user corrects.
 */
@Component
class SignalDetector {

	static final String CORRECTION = "correction";

	static final String TOOL_FAILURE = "tool_failure";

	static final String REPEATED = "repeated_request";

	static final String FOLLOWUP = "post_completion_followup";

	static final String SCOPE = "scope_correction";

	private static final Pattern CORRECTION_CUE = Pattern.compile("^(no|nope|nah|wrong)\\b[\\s,.!:;-]"
			+ "|\\b(that'?s|that is|this is|it'?s|thats) (wrong|not right|incorrect|not what i)"
			+ "|\\bnot what i (asked|meant|wanted|said)\\b|\\bi (said|asked for|told you|didn'?t ask|did not ask)\\b"
			+ "|\\byou (didn'?t|did not|ignored|broke|misread|misunderstood)\\b"
			+ "|\\b(revert|undo|roll back) (that|this|it|the change|your change)\\b" + "|^(stop|don'?t do that)\\b");

	private static final Pattern PLEASANTRY = Pattern
		.compile("^(no (problem|worries|rush|need|thanks)|nope,? (all|that'?s) good"
				+ "|not bad|that'?s (right|great|perfect|correct)|perfect|thanks|thank you)\\b");

	private static final Pattern COMPLETION_CUE = Pattern.compile("\\b(done|all set|completed?|finished|fixed|"
			+ "implemented|committed|pushed|merged|ready|passes|passing|resolved)\\b|\\bi'?ve (added|updated|fixed|"
			+ "implemented|created|removed|changed)\\b");

	private static final Pattern FOLLOWUP_CUE = Pattern.compile("\\b(you )?forgot\\b|\\bdon'?t forget\\b"
			+ "|\\bstill (need|missing|have to|has to|fails?)\\b|\\bclean ?up\\b|\\b(remove|delete) the\\b"
			+ "|\\bwhat about\\b|\\b(now|also|and|please) (commit|push|run|update|add|remove|delete|tag|release)\\b"
			+ "|\\brun the tests\\b|\\bupdate the (docs|readme|changelog)\\b|^also\\b");

	private static final Pattern SCOPE_TERM = Pattern.compile(
			"\\b(staged|unstaged|stage|commit|commits|committed|" + "push|pushed|pushing|amend|pull request|pr)\\b");

	private static final Pattern SCOPE_BOUND = Pattern
		.compile("\\b(only|just|don'?t|do not|didn'?t ask|never|" + "without|not|instead|but)\\b");

	private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "that", "this", "you", "your",
			"can", "please", "are", "was", "were", "have", "has", "had", "but", "not", "all", "any", "its", "into",
			"from", "then", "than", "there", "them", "they", "will", "would", "should", "could", "what", "when",
			"which", "again", "also", "just", "now", "make", "sure");

	private static final double REPEAT_SIMILARITY = 0.5;

	private static final int MIN_TERMS = 4;

	private static final int QUOTE = 400;

	/**
	 * A detection over sessions handed over one at a time, oldest first: the sessions are
	 * not kept, only their signals and, for repeated requests, each request's terms and
	 * quote.
	 */
	final class Run {

		private final Instant since;

		private final List<LessonSignal> signals = new ArrayList<>();

		private final List<Request> requests = new ArrayList<>();

		private Run(Instant since) {
			this.since = since;
		}

		/**
		 * Detects the signals of one more session (its start not before the previous').
		 */
		void add(Rollout session) {
			Window window = new Window(session, this.since);
			conversationSignals(session, window, this.signals, this.requests);
			toolSignals(session, window, this.signals);
		}

		/** Every signal found, repeated requests included, best first. */
		List<LessonSignal> signals() {
			List<LessonSignal> all = new ArrayList<>(this.signals);
			repeats(this.requests, all);
			all.sort(Comparator.comparingDouble(LessonSignal::score)
				.reversed()
				.thenComparing(LessonSignal::sessionId)
				.thenComparingLong(LessonSignal::line));
			return all;
		}

	}

	/**
	 * Starts a detection of the moments at or after {@code since} (the window's
	 * beginning).
	 */
	Run start(Instant since) {
		return new Run(since);
	}

	/**
	 * A user request, as far as repeats need it.
	 *
	 * @param sessionId its session
	 * @param file its session's file
	 * @param line its line
	 * @param terms its words, stop words aside
	 * @param quoted its text as evidence quotes it (one line, at most 400 characters)
	 * @param inWindow whether it may be the later of a repeat (inside the window)
	 */
	private record Request(String sessionId, String file, long line, Set<String> terms, String quoted,
			boolean inWindow) {
	}

	/** Whether a moment of one session is new activity inside the window. */
	private record Window(Rollout session, Instant since) {

		boolean holds(@Nullable Instant at, boolean replayed) {
			if (replayed) {
				return false;
			}
			Instant when = (at != null) ? at : this.session.startedAt();
			return when == null || !when.isBefore(this.since);
		}

	}

	private void conversationSignals(Rollout session, Window window, List<LessonSignal> signals,
			List<Request> requests) {
		List<Rollout.Message> messages = session.conversation();
		for (int i = 0; i < messages.size(); i++) {
			Rollout.Message message = messages.get(i);
			if (!message.role().equals("user") || message.replayed()) {
				continue;
			}
			boolean inWindow = window.holds(message.at(), false);
			Set<String> terms = terms(message.text());
			if (terms.size() >= MIN_TERMS) {
				requests.add(new Request(session.id(), session.path().toString(), message.line(), terms,
						clip(message.text()), inWindow));
			}
			if (!inWindow) {
				continue;
			}
			Rollout.Message previous = (i > 0 && messages.get(i - 1).role().equals("assistant")) ? messages.get(i - 1)
					: null;
			if (previous == null) {
				continue;
			}
			String text = normalise(message.text());
			String before = normalise(previous.text());
			List<String> evidence = List.of(quote("assistant", previous.text()), quote("user", message.text()));
			boolean followup = COMPLETION_CUE.matcher(before).find() && FOLLOWUP_CUE.matcher(text).find();
			if (followup) {
				signals.add(signal(FOLLOWUP, 3, session, message.line(), evidence,
						"user asks for a missed step right after the assistant reported completion"));
			}
			else if (CORRECTION_CUE.matcher(text).find() && !PLEASANTRY.matcher(text).find()) {
				signals.add(signal(CORRECTION, 4, session, message.line(), evidence,
						"user rejects or corrects the previous answer"));
			}
			if (SCOPE_TERM.matcher(text).find() && SCOPE_BOUND.matcher(text).find()) {
				signals.add(signal(SCOPE, 4, session, message.line(), evidence,
						"user bounds what to stage, commit or push"));
			}
		}
	}

	private void toolSignals(Rollout session, Window window, List<LessonSignal> signals) {
		for (Rollout.ToolCall call : session.toolCalls()) {
			if (!call.failed() || !window.holds(call.at(), call.replayed())) {
				continue;
			}
			List<String> evidence = new ArrayList<>();
			evidence.add("[" + call.name() + "] " + clip(call.input()));
			evidence.add("[exit " + ((call.exitCode() != null) ? call.exitCode() : "?") + "] "
					+ clip((call.output() != null) ? call.output() : ""));
			Rollout.Message next = nextAssistant(session, call.line());
			if (next != null) {
				evidence.add(quote("assistant", next.text()));
			}
			signals.add(signal(TOOL_FAILURE, 2, session, call.line(), evidence,
					"tool call failed (non-zero exit code or error output)"));
		}
	}

	@Nullable
	private static Rollout.Message nextAssistant(Rollout session, long line) {
		return session.conversation()
			.stream()
			.filter((message) -> message.role().equals("assistant") && message.line() > line)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Each request in the window that repeats an earlier one: the earliest whose terms
	 * have a Jaccard similarity of at least {@value #REPEAT_SIMILARITY} with its own. The
	 * earlier requests sharing a term are found through postings (term to requests), so
	 * the work grows with the shared terms, not with the square of the requests.
	 */
	private void repeats(List<Request> requests, List<LessonSignal> signals) {
		Map<String, List<Integer>> postings = new HashMap<>();
		for (int j = 0; j < requests.size(); j++) {
			Request later = requests.get(j);
			if (later.inWindow()) {
				Map<Integer, Integer> shared = new HashMap<>();
				for (String term : later.terms()) {
					for (int i : postings.getOrDefault(term, List.of())) {
						shared.merge(i, 1, Integer::sum);
					}
				}
				int first = -1;
				for (Map.Entry<Integer, Integer> candidate : shared.entrySet()) {
					Request earlier = requests.get(candidate.getKey());
					if ((first < 0 || candidate.getKey() < first) && Jaccard.of(candidate.getValue(),
							earlier.terms().size(), later.terms().size()) >= REPEAT_SIMILARITY) {
						first = candidate.getKey();
					}
				}
				if (first >= 0) {
					signals.add(repeat(requests.get(first), later));
				}
			}
			for (String term : later.terms()) {
				postings.computeIfAbsent(term, (key) -> new ArrayList<>()).add(j);
			}
		}
	}

	private static LessonSignal repeat(Request earlier, Request later) {
		boolean across = !earlier.sessionId().equals(later.sessionId());
		return new LessonSignal(REPEATED, across ? 5 : 3, later.sessionId(), later.file(), later.line(),
				List.of(quote("user, " + (across ? "session " + earlier.sessionId() : "earlier"), earlier.quoted()),
						quote("user", later.quoted())),
				across ? "the same request in another session" : "the same request again in this session", List.of());
	}

	static Set<String> terms(String text) {
		Set<String> terms = new HashSet<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
			if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
				terms.add(word);
			}
		}
		return terms;
	}

	private static LessonSignal signal(String kind, double score, Rollout session, long line, List<String> evidence,
			String rule) {
		return new LessonSignal(kind, score, session.id(), session.path().toString(), line, evidence, rule, List.of());
	}

	private static String normalise(String text) {
		return text.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
	}

	private static String quote(String who, String text) {
		return "[" + who + "] " + clip(text);
	}

	private static String clip(String text) {
		String oneLine = text.strip().replaceAll("\\s+", " ");
		return (oneLine.length() <= QUOTE) ? oneLine : oneLine.substring(0, QUOTE - 3) + "...";
	}

}

package io.teamlearnings.sessions;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.teamlearnings.learnings.LearningLookup;

import org.springframework.stereotype.Service;

/**
 * Lesson signals for a window of sessions, each with the existing learnings recall finds
 * for it, so the caller sees at once what is already known and what is new.
 */
@Service
class LessonSignals {

	private static final int RELATED = 3;

	private final SessionCatalog catalog;

	private final SignalDetector detector;

	private final LearningLookup learnings;

	private final Clock clock;

	LessonSignals(SessionCatalog catalog, SignalDetector detector, LearningLookup learnings, Clock clock) {
		this.catalog = catalog;
		this.detector = detector;
		this.learnings = learnings;
		this.clock = clock;
	}

	/**
	 * The signals of the sessions in the window.
	 * @param lookback the window, by last activity or by start
	 * @param limit at most this many signals, best first
	 */
	SignalsResult signals(Lookback lookback, int limit) {
		SignalDetector.Run run = this.detector.start(lookback.cutoff(this.clock));
		SessionCatalog.Scan scan = this.catalog.scan(lookback, run::add);
		List<LessonSignal> all = run.signals();
		Map<String, Integer> byKind = new TreeMap<>();
		all.forEach((signal) -> byKind.merge(signal.kind(), 1, Integer::sum));
		List<LessonSignal> ranked = all.stream()
			.limit(limit)
			.map((signal) -> signal.withRelated(this.learnings.recallAcross(query(signal), RELATED)))
			.toList();
		return new SignalsResult(lookback.minutes(), lookback.by().value(), scan.sessions(), byKind, ranked,
				scan.unreadable());
	}

	/** The words of the moment itself, without the speaker tags, as the recall query. */
	private static String query(LessonSignal signal) {
		String moment = signal.kind().equals(SignalDetector.TOOL_FAILURE) ? String.join(" ", signal.evidence())
				: signal.evidence().get(signal.evidence().size() - 1);
		return moment.replaceAll("\\[[^\\]]*\\]", " ").strip();
	}

}

package io.teamlearnings.sessions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.teamlearnings.sessions.rollout.Rollout;
import io.teamlearnings.sessions.rollout.RolloutReader;
import io.teamlearnings.system.PythonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extracts recent conversations exactly as the seed's {@code extract-skill-conversations}
 * (its public {@code extract_recent_conversations.py}) prints them, so scripts that parse
 * its output work unchanged: sessions whose first line is a {@code session_meta} starting
 * within the lookback, newest first; their {@code event_msg} messages, else their
 * {@code response_item} messages without injected context; CR/CRLF as LF; long texts cut
 * to {@code max-1} characters plus {@code ...}.
 * <p>
 * The work is planned first ({@link #plan}): the sessions selected, and, from the
 * {@link SessionIndex}, the files that cannot be read and the lines that will be skipped,
 * which the text form reports in response headers. Then each session is read and written
 * as it is read, one at a time, so memory holds one session's messages, never the
 * extract. With {@code cleanup} the text form is spooled to a temporary file instead,
 * because its header counts what the cleanup, run after every session was read as the
 * seed does, removed; the JSON form puts those counts after the sessions and streams
 * either way.
 */
@Component
class ConversationExtractor {

	static final String NONE = "NO_RECENT_CONVERSATIONS";

	private static final Logger log = LoggerFactory.getLogger(ConversationExtractor.class);

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final SessionFiles files;

	private final SessionIndex index;

	private final RolloutReader reader;

	private final SessionCleanup cleanup;

	private final Clock clock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	ConversationExtractor(SessionFiles files, SessionIndex index, RolloutReader reader, SessionCleanup cleanup,
			Clock clock) {
		this.files = files;
		this.index = index;
		this.reader = reader;
		this.cleanup = cleanup;
		this.clock = clock;
	}

	/**
	 * The extract's parameters, normalised as the seed does: lookback at least 1 minute,
	 * limit 0 or less meaning none, messages at least 100 characters.
	 *
	 * @param lookback the window, by start (the seed's) or by last activity
	 * @param limit at most this many sessions, newest first
	 * @param maxMessageChars longer messages are cut
	 * @param cleanup clean up after reading
	 * @param includeCompressed also read {@code .jsonl.zst} archives (the seed reads
	 * plain files only)
	 */
	record Request(Lookback lookback, @Nullable Integer limit, int maxMessageChars, boolean cleanup,
			boolean includeCompressed) {

		Request {
			limit = (limit != null && limit > 0) ? limit : null;
			maxMessageChars = Math.max(maxMessageChars, 100);
		}

	}

	/**
	 * What an extract will read, known before its first byte is written.
	 *
	 * @param request the request
	 * @param candidates the sessions, newest start first
	 * @param unreadable files in the window that cannot be read, left out
	 * @param skippedLines lines of the candidates that will be skipped
	 * @param requestStart when the request began (cleanup leaves files modified since)
	 */
	record Plan(Request request, List<Candidate> candidates, List<SessionCatalog.Unreadable> unreadable,
			long skippedLines, Instant requestStart) {
	}

	/**
	 * A selected session.
	 *
	 * @param file the file
	 * @param start its start as the seed reads it (first-line {@code session_meta})
	 */
	record Candidate(SessionFiles.Located file, Instant start) {
	}

	/** Selects the sessions and learns from the index what the headers report. */
	Plan plan(Request request) {
		Instant requestStart = Instant.now();
		List<Candidate> candidates = new ArrayList<>();
		List<SessionCatalog.Unreadable> unreadable = new ArrayList<>();
		long skipped = 0;
		if (this.files.anyDirectoryExists()) {
			Instant cutoff = request.lookback().cutoff(this.clock);
			for (SessionFiles.Located file : this.files.all()) {
				if (file.compressed() && !request.includeCompressed()) {
					continue;
				}
				select(file, request.lookback().by(), cutoff, candidates, unreadable);
			}
			candidates.sort(Comparator.comparing(Candidate::start).reversed());
			if (request.limit() != null && candidates.size() > request.limit()) {
				candidates = new ArrayList<>(candidates.subList(0, request.limit()));
			}
			for (Candidate candidate : candidates) {
				skipped += this.index.entry(candidate.file()).summary().unreadableLines();
			}
		}
		return new Plan(request, List.copyOf(candidates), List.copyOf(unreadable), skipped, requestStart);
	}

	private void select(SessionFiles.Located file, Lookback.By by, Instant cutoff, List<Candidate> candidates,
			List<SessionCatalog.Unreadable> unreadable) {
		Instant start;
		try {
			start = this.reader.metaStart(file.path());
		}
		catch (IOException ex) {
			SessionIndex.Entry entry = this.index.entry(file);
			if (SessionCatalog.inWindow(entry, by, cutoff)) {
				unreadable.add(SessionCatalog.Unreadable.of(entry.summary()));
			}
			return;
		}
		if (start == null) {
			return;
		}
		if (by == Lookback.By.START && start.isBefore(cutoff)) {
			return;
		}
		SessionIndex.Entry entry = this.index.entry(file);
		if (!entry.readable()) {
			if (SessionCatalog.inWindow(entry, by, cutoff) || by == Lookback.By.START) {
				unreadable.add(SessionCatalog.Unreadable.of(entry.summary()));
			}
			return;
		}
		if (by == Lookback.By.START || SessionCatalog.inWindow(entry, by, cutoff)) {
			candidates.add(new Candidate(file, start));
		}
	}

	/**
	 * Writes the extract as the seed's text, each session as it is read; spooled first
	 * when a cleanup's counts must go into the header.
	 */
	void writeText(Plan plan, OutputStream out) throws IOException {
		Request request = plan.request();
		if (!request.cleanup()) {
			Writer writer = writer(out);
			if (plan.candidates().isEmpty()) {
				writer.write(NONE + "\n");
			}
			else {
				writer.write(textHeader(plan, null));
				writeSessions(plan, writer, false);
			}
			writer.flush();
			return;
		}
		Path spool = Files.createTempFile("learnings-extract", ".txt");
		try {
			try (Writer writer = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
				writeSessions(plan, writer, false);
			}
			SessionCleanup.Report report = this.cleanup.clean(false, plan.requestStart());
			Writer writer = writer(out);
			writer.write(plan.candidates().isEmpty() ? NONE + "\n" : textHeader(plan, report));
			writer.flush();
			if (!plan.candidates().isEmpty()) {
				Files.copy(spool, out);
			}
			out.flush();
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	/**
	 * Writes the extract as JSON, each session as it is read: the same content,
	 * structured, with the unreadable files and the cleanup's counts after the sessions.
	 */
	void writeJson(Plan plan, OutputStream out) throws IOException {
		Request request = plan.request();
		Writer writer = writer(out);
		writer.write("{\"recent_conversations_found\":" + plan.candidates().size() + ",\"lookback_minutes\":"
				+ request.lookback().minutes() + ",\"lookback_by\":\"" + request.lookback().by().value()
				+ "\",\"archived_sessions_included\":true,\"compressed_sessions_included\":"
				+ request.includeCompressed() + ",\"sessions\":[");
		writeSessions(plan, writer, true);
		SessionCleanup.Report report = request.cleanup() ? this.cleanup.clean(false, plan.requestStart()) : null;
		writer
			.write("],\"unreadable_files\":" + this.mapper.writeValueAsString(plan.unreadable()) + ",\"skipped_lines\":"
					+ plan.skippedLines() + ",\"cleanup_removed_old_sessions\":" + removed(report, Removed.OLD)
					+ ",\"cleanup_removed_archived_sessions\":" + removed(report, Removed.ARCHIVED)
					+ ",\"cleanup_removed_archived_compressed\":" + removed(report, Removed.COMPRESSED) + "}");
		writer.flush();
	}

	private void writeSessions(Plan plan, Writer writer, boolean json) throws IOException {
		List<Candidate> candidates = plan.candidates();
		for (int i = 0; i < candidates.size(); i++) {
			ExtractedSession session = session(i + 1, candidates.get(i), plan.request().maxMessageChars());
			if (json) {
				writer.write((i == 0 ? "" : ",") + this.mapper.writeValueAsString(session));
			}
			else {
				writeSession(writer, session);
			}
			writer.flush();
		}
	}

	private ExtractedSession session(int index, Candidate candidate, int maxChars) {
		SessionFiles.Located file = candidate.file();
		Rollout rollout;
		try {
			rollout = this.reader.read(file.path(), file.source());
		}
		catch (IOException ex) {
			log.warn("Could not read session file {} selected for an extract", file.path(), ex);
			return new ExtractedSession(index, isoformat(candidate.start()), file.path().toString(), "", null,
					file.source(), null, 0, 0, 0, "could not be read: " + ex.getMessage(), List.of());
		}
		this.index.update(file, rollout);
		List<ExtractedSession.Message> messages = rollout.conversation()
			.stream()
			.map((message) -> new ExtractedSession.Message(message.role(), sanitize(message.text(), maxChars),
					message.replayed()))
			.toList();
		int users = (int) messages.stream().filter((message) -> message.role().equals("user")).count();
		return new ExtractedSession(index, isoformat(candidate.start()), file.path().toString(), rollout.id(),
				rollout.cwd(), file.source(), rollout.lastActivityAt().toString(), users, messages.size() - users,
				rollout.problemCount(), null, messages);
	}

	private static void writeSession(Writer writer, ExtractedSession session) throws IOException {
		writer.write("=== SESSION " + session.index() + " ===\n");
		writer.write("TIMESTAMP_UTC=" + session.timestampUtc() + "\n");
		writer.write("FILE=" + session.file() + "\n");
		if (session.messages().isEmpty()) {
			writer.write("MESSAGES=NONE\n");
			return;
		}
		for (ExtractedSession.Message message : session.messages()) {
			String tag = message.role().equals("user") ? "USER" : "ASSISTANT";
			writer.write("[" + tag + "]\n" + message.text() + "\n[/" + tag + "]\n");
		}
	}

	private static String textHeader(Plan plan, @Nullable SessionCleanup.Report report) {
		return "RECENT_CONVERSATIONS_FOUND=" + plan.candidates().size() + "\nLOOKBACK_MINUTES="
				+ plan.request().lookback().minutes()
				+ "\nARCHIVED_SESSIONS_INCLUDED=true\nCLEANUP_REMOVED_OLD_SESSIONS=" + removed(report, Removed.OLD)
				+ "\nCLEANUP_REMOVED_ARCHIVED_SESSIONS=" + removed(report, Removed.ARCHIVED) + "\n";
	}

	private enum Removed {

		OLD, ARCHIVED, COMPRESSED

	}

	private static int removed(@Nullable SessionCleanup.Report report, Removed which) {
		if (report == null) {
			return 0;
		}
		return switch (which) {
			case OLD -> report.removedOldSessions().size();
			case ARCHIVED -> report.removedArchivedSessions().size();
			case COMPRESSED -> report.removedArchivedCompressed().size();
		};
	}

	private static Writer writer(OutputStream out) {
		return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
	}

	/**
	 * As Python's {@code isoformat()} writes a UTC time:
	 * {@code 2026-11-23T08:14:09.659000+00:00}, without a fraction when it is zero.
	 */
	static String isoformat(Instant instant) {
		int micros = instant.getNano() / 1000;
		return SECONDS.format(instant) + ((micros == 0) ? "" : String.format(Locale.ROOT, ".%06d", micros)) + "+00:00";
	}

	/**
	 * As the seed's {@code sanitize_text}: CR LF and CR become LF, surrounding white
	 * space (Python's {@code str.strip()} set, {@link PythonText#isSpace}) goes, and a
	 * text longer than {@code max} characters (code points) becomes its first
	 * {@code max-1}, right-trimmed, plus {@code ...}.
	 */
	static String sanitize(String text, int max) {
		String cleaned = PythonText.strip(text.replace("\r\n", "\n").replace("\r", "\n"));
		if (cleaned.codePointCount(0, cleaned.length()) <= max) {
			return cleaned;
		}
		return PythonText.stripTrailing(cleaned.substring(0, cleaned.offsetByCodePoints(0, max - 1))) + "...";
	}

}

package io.teamlearnings.sessions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extracts recent conversations exactly as the seed's {@code extract-skill-conversations}
 * (its public {@code extract_recent_conversations.py}) prints them, so scripts that parse
 * its output work unchanged: sessions whose first line is a {@code session_meta} starting
 * within the lookback, newest first; their {@code event_msg} messages, else their
 * {@code response_item} messages without injected context; CR/CRLF as LF; long texts cut
 * to {@code max-1} characters plus {@code ...}. Each session is written to a temporary
 * spool as it is read, so a large window is streamed, not held in memory; the optional
 * cleanup runs after every session was read, as the seed's does, and its counts go into
 * the header.
 */
@Component
class ConversationExtractor {

	static final String NONE = "NO_RECENT_CONVERSATIONS";

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final SessionFiles files;

	private final RolloutReader reader;

	private final SessionCleanup cleanup;

	private final Clock clock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	ConversationExtractor(SessionFiles files, RolloutReader reader, SessionCleanup cleanup, Clock clock) {
		this.files = files;
		this.reader = reader;
		this.cleanup = cleanup;
		this.clock = clock;
	}

	/**
	 * The extract's parameters, normalised as the seed does: lookback at least 1 minute,
	 * limit 0 or less meaning none, messages at least 100 characters.
	 */
	record Request(int lookbackMinutes, @Nullable Integer limit, int maxMessageChars, boolean cleanup) {

		Request {
			lookbackMinutes = Math.max(lookbackMinutes, 1);
			limit = (limit != null && limit > 0) ? limit : null;
			maxMessageChars = Math.max(maxMessageChars, 100);
		}

	}

	private record Candidate(SessionFiles.Located file, Instant start) {
	}

	/** Writes the extract as the seed's text. */
	void writeText(Request request, OutputStream out) throws IOException {
		extract(request, out, false);
	}

	/** Writes the extract as JSON: the same content, structured. */
	void writeJson(Request request, OutputStream out) throws IOException {
		extract(request, out, true);
	}

	private void extract(Request request, OutputStream out, boolean json) throws IOException {
		Instant requestStart = Instant.now();
		if (!this.files.anyDirectoryExists()) {
			finish(out, json, request, List.of(), null, 0, null);
			return;
		}
		Instant now = this.clock.instant();
		List<Candidate> candidates = select(now.minus(Duration.ofMinutes(request.lookbackMinutes())), request.limit());
		Path spool = Files.createTempFile("learnings-extract", json ? ".json" : ".txt");
		try {
			try (BufferedWriter writer = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
				for (int i = 0; i < candidates.size(); i++) {
					ExtractedSession session = session(i + 1, candidates.get(i), request.maxMessageChars());
					if (json) {
						writer.write((i == 0 ? "" : ",") + this.mapper.writeValueAsString(session));
					}
					else {
						writeSession(writer, session);
					}
				}
			}
			SessionCleanup.Report report = request.cleanup() ? this.cleanup.clean(false, requestStart) : null;
			finish(out, json, request, candidates, report, candidates.size(), spool);
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	private List<Candidate> select(Instant cutoff, @Nullable Integer limit) {
		List<Candidate> candidates = new ArrayList<>();
		for (SessionFiles.Located file : this.files.all()) {
			Instant start;
			try {
				start = this.reader.metaStart(file.path());
			}
			catch (IOException ex) {
				continue;
			}
			if (start != null && !start.isBefore(cutoff)) {
				candidates.add(new Candidate(file, start));
			}
		}
		candidates.sort(Comparator.comparing(Candidate::start).reversed());
		return (limit != null && candidates.size() > limit) ? candidates.subList(0, limit) : candidates;
	}

	private ExtractedSession session(int index, Candidate candidate, int maxChars) {
		Rollout rollout;
		try {
			rollout = this.reader.read(candidate.file().path(), candidate.file().source());
		}
		catch (IOException | UncheckedIOException ex) {
			return new ExtractedSession(index, isoformat(candidate.start()), candidate.file().path().toString(), "",
					null, candidate.file().source(), null, 0, 0, List.of());
		}
		List<ExtractedSession.Message> messages = rollout.conversation()
			.stream()
			.map((message) -> new ExtractedSession.Message(message.role(), sanitize(message.text(), maxChars)))
			.toList();
		int users = (int) messages.stream().filter((message) -> message.role().equals("user")).count();
		return new ExtractedSession(index, isoformat(candidate.start()), candidate.file().path().toString(),
				rollout.id(), rollout.cwd(), candidate.file().source(),
				(rollout.lastActivity() != null) ? rollout.lastActivity().toString() : null, users,
				messages.size() - users, messages);
	}

	private static void writeSession(BufferedWriter writer, ExtractedSession session) throws IOException {
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

	private void finish(OutputStream out, boolean json, Request request, List<Candidate> candidates,
			@Nullable SessionCleanup.Report report, int found, @Nullable Path spool) throws IOException {
		int removedOld = (report != null) ? report.removedOldSessions().size() : 0;
		int removedArchived = (report != null) ? report.removedArchivedSessions().size() : 0;
		if (json) {
			out.write(("{\"recent_conversations_found\":" + found + ",\"lookback_minutes\":" + request.lookbackMinutes()
					+ ",\"archived_sessions_included\":true," + "\"cleanup_removed_old_sessions\":" + removedOld
					+ ",\"cleanup_removed_archived_sessions\":" + removedArchived + ",\"sessions\":[")
				.getBytes(StandardCharsets.UTF_8));
			if (spool != null) {
				Files.copy(spool, out);
			}
			out.write("]}".getBytes(StandardCharsets.UTF_8));
			return;
		}
		if (candidates.isEmpty()) {
			out.write((NONE + "\n").getBytes(StandardCharsets.UTF_8));
			return;
		}
		out.write(("RECENT_CONVERSATIONS_FOUND=" + found + "\nLOOKBACK_MINUTES=" + request.lookbackMinutes()
				+ "\nARCHIVED_SESSIONS_INCLUDED=true\nCLEANUP_REMOVED_OLD_SESSIONS=" + removedOld
				+ "\nCLEANUP_REMOVED_ARCHIVED_SESSIONS=" + removedArchived + "\n")
			.getBytes(StandardCharsets.UTF_8));
		Files.copy(spool, out);
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
	 * space (Python's {@code str.strip()} set, {@link RolloutReader#isPythonSpace}) goes,
	 * and a text longer than {@code max} characters (code points) becomes its first
	 * {@code max-1}, right-trimmed, plus {@code ...}.
	 */
	static String sanitize(String text, int max) {
		String cleaned = RolloutReader.pythonStrip(text.replace("\r\n", "\n").replace("\r", "\n"));
		if (cleaned.codePointCount(0, cleaned.length()) <= max) {
			return cleaned;
		}
		return RolloutReader.pythonStripTrailing(cleaned.substring(0, cleaned.offsetByCodePoints(0, max - 1))) + "...";
	}

}

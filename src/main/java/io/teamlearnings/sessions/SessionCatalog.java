package io.teamlearnings.sessions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import io.teamlearnings.sessions.rollout.Rollout;
import io.teamlearnings.sessions.rollout.RolloutReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The sessions the service can see: listed (from the {@link SessionIndex}), read one by
 * one, selected by a {@link Lookback} window, and received as uploads. A file that cannot
 * be read is reported beside the others, never in their place.
 */
@Service
class SessionCatalog {

	private static final Logger log = LoggerFactory.getLogger(SessionCatalog.class);

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

	private static final Comparator<SessionSummary> NEWEST_FIRST = Comparator.comparing(SessionSummary::startedAt,
			Comparator.nullsLast(Comparator.reverseOrder()));

	private final SessionIndex index;

	private final RolloutReader reader;

	private final SessionsProperties properties;

	private final Clock clock;

	SessionCatalog(SessionIndex index, RolloutReader reader, SessionsProperties properties, Clock clock) {
		this.index = index;
		this.reader = reader;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A file that could not be read.
	 *
	 * @param file the file
	 * @param reason why
	 */
	@Schema(name = "UnreadableSessionFile")
	record Unreadable(String file, String reason) {

		static Unreadable of(SessionSummary summary) {
			return new Unreadable(summary.file(), String.valueOf(summary.error()));
		}

	}

	/**
	 * What a scan of a window read.
	 *
	 * @param sessions how many sessions were read and handed over
	 * @param unreadable files in the window that could not be read
	 */
	record Scan(int sessions, List<Unreadable> unreadable) {
	}

	/**
	 * Every session file's summary, newest start first; only those in the window if one
	 * is given. Files that cannot be read are listed too, with their {@code error}.
	 */
	List<SessionSummary> list(Lookback lookback) {
		Instant cutoff = lookback.cutoff(this.clock);
		return this.index.all()
			.stream()
			.filter((entry) -> inWindow(entry, lookback.by(), cutoff))
			.map(SessionIndex.Entry::summary)
			.sorted(NEWEST_FIRST)
			.toList();
	}

	/** Every session file's summary, newest start first. */
	List<SessionSummary> list() {
		return this.index.all().stream().map(SessionIndex.Entry::summary).sorted(NEWEST_FIRST).toList();
	}

	/**
	 * Reads the sessions in the window whole, one at a time, oldest start first, and
	 * hands each to {@code consumer} before reading the next: memory holds one session,
	 * never the window.
	 * @return how many were read, and the files in the window that could not be
	 */
	Scan scan(Lookback lookback, Consumer<Rollout> consumer) {
		Instant cutoff = lookback.cutoff(this.clock);
		List<SessionIndex.Entry> entries = new ArrayList<>(
				this.index.all().stream().filter((entry) -> inWindow(entry, lookback.by(), cutoff)).toList());
		entries.sort(Comparator.comparing((SessionIndex.Entry entry) -> entry.summary().startedAt(),
				Comparator.nullsFirst(Comparator.naturalOrder())));
		List<Unreadable> unreadable = new ArrayList<>();
		int read = 0;
		for (SessionIndex.Entry entry : entries) {
			if (!entry.readable()) {
				unreadable.add(Unreadable.of(entry.summary()));
				continue;
			}
			Rollout rollout;
			try {
				rollout = this.reader.read(entry.file().path(), entry.file().source());
			}
			catch (IOException ex) {
				log.warn("Could not read session file {}", entry.file().path(), ex);
				unreadable.add(new Unreadable(entry.file().path().toString(),
						"could not be read: " + SessionFiles.describe(ex)));
				continue;
			}
			this.index.update(entry.file(), rollout);
			consumer.accept(rollout);
			read++;
		}
		return new Scan(read, unreadable);
	}

	/**
	 * Whether an indexed file is in the window: by its start, or by its last activity. A
	 * file that could not be read is placed by its modification time.
	 */
	static boolean inWindow(SessionIndex.Entry entry, Lookback.By by, Instant cutoff) {
		SessionSummary summary = entry.summary();
		Instant at = (by == Lookback.By.START && entry.readable()) ? summary.startedAt() : summary.lastActivityAt();
		return at != null && !at.isBefore(cutoff);
	}

	/**
	 * One session, whole: the first file (sessions, archive, uploads) whose session has
	 * this id.
	 * @throws SessionNotFoundException when no file holds it
	 * @throws SessionUnreadableException when its file (none readable) cannot be read
	 */
	SessionDetail get(String id) {
		if (!SAFE_ID.matcher(id).matches()) {
			throw SessionNotFoundException.of(id);
		}
		List<SessionIndex.Entry> holding = this.index.all()
			.stream()
			.filter((candidate) -> candidate.summary().id().equals(id))
			.toList();
		SessionIndex.Entry entry = holding.stream()
			.filter(SessionIndex.Entry::readable)
			.findFirst()
			.orElseGet(() -> holding.stream().findFirst().orElseThrow(() -> SessionNotFoundException.of(id)));
		Rollout rollout;
		try {
			rollout = this.reader.read(entry.file().path(), entry.file().source());
		}
		catch (IOException ex) {
			log.warn("Could not read session file {}", entry.file().path(), ex);
			throw new SessionUnreadableException(id, entry.file().path(), ex);
		}
		this.index.update(entry.file(), rollout);
		return new SessionDetail(SessionSummary.of(rollout), rollout.conversation(), rollout.toolCalls(),
				rollout.compactions(), rollout.problems());
	}

	/**
	 * Stores an uploaded rollout file under the uploads directory if it is one, named by
	 * its content's digest, so the same file uploaded twice is stored once. The body is
	 * streamed to a temporary file, never held in memory.
	 * @return the stored session, and whether it was new
	 * @throws InvalidUploadException when the body is empty, holds no session, or most of
	 * its lines cannot be read
	 */
	Upload upload(InputStream body) {
		Path directory = this.properties.uploads();
		try {
			Files.createDirectories(directory);
			Path temporary = directory.resolve("." + UUID.randomUUID() + ".tmp");
			try {
				String digest = copy(body, temporary);
				Rollout rollout = this.reader.read(temporary, SessionFiles.UPLOAD);
				check(rollout);
				Path target = directory.resolve("upload-" + digest.substring(0, 24) + ".jsonl");
				boolean created;
				try {
					Files.createLink(target, temporary);
					created = true;
				}
				catch (FileAlreadyExistsException ex) {
					created = false;
				}
				SessionFiles.Located located = new SessionFiles.Located(target, SessionFiles.UPLOAD);
				return new Upload(this.index.entry(located).summary(), created);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not store the upload under " + directory, ex);
		}
	}

	private static String copy(InputStream body, Path target) throws IOException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
		long size;
		try (OutputStream out = new DigestOutputStream(
				Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), sha256)) {
			size = body.transferTo(out);
		}
		if (size == 0) {
			throw InvalidUploadException.because("the body is empty");
		}
		return HexFormat.of().formatHex(sha256.digest());
	}

	private static void check(Rollout rollout) {
		if (rollout.format().equals("unknown") || rollout.startedAt() == null) {
			throw InvalidUploadException
				.because("no session_meta record or legacy session header with a start time was found");
		}
		if (rollout.problemCount() > 0
				&& rollout.problemCount() * 2 > rollout.conversation().size() + rollout.toolCalls().size()) {
			throw InvalidUploadException.because(rollout.problemCount()
					+ " lines cannot be read (not UTF-8, not JSON objects or too long), the first at line "
					+ rollout.problems().get(0).line());
		}
	}

	/**
	 * An upload's result.
	 *
	 * @param session the stored session
	 * @param created false if the same file had been uploaded before
	 */
	record Upload(SessionSummary session, boolean created) {
	}

}

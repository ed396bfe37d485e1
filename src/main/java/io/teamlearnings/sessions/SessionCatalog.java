package io.teamlearnings.sessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.teamlearnings.system.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * The sessions the service can see: listed, read one by one, and received as uploads.
 */
@Service
class SessionCatalog {

	private static final Logger log = LoggerFactory.getLogger(SessionCatalog.class);

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

	private final SessionFiles files;

	private final RolloutReader reader;

	private final SessionsProperties properties;

	private final Clock clock;

	SessionCatalog(SessionFiles files, RolloutReader reader, SessionsProperties properties, Clock clock) {
		this.files = files;
		this.reader = reader;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Every readable session, newest first; only those started within the lookback if one
	 * is given.
	 */
	List<Rollout> rollouts(@Nullable Integer lookbackMinutes) {
		Instant cutoff = (lookbackMinutes != null)
				? this.clock.instant().minus(Duration.ofMinutes(Math.max(lookbackMinutes, 1))) : null;
		List<Rollout> rollouts = new ArrayList<>();
		for (SessionFiles.Located file : this.files.all()) {
			try {
				Rollout rollout = this.reader.read(file.path(), file.source());
				if (cutoff == null || (rollout.start() != null && !rollout.start().isBefore(cutoff))) {
					rollouts.add(rollout);
				}
			}
			catch (IOException | UncheckedIOException ex) {
				log.warn("Could not read session file {}", file.path(), ex);
			}
		}
		rollouts.sort(Comparator.comparing(Rollout::start, Comparator.nullsLast(Comparator.reverseOrder())));
		return rollouts;
	}

	List<SessionSummary> list(@Nullable Integer lookbackMinutes) {
		return rollouts(lookbackMinutes).stream().map(SessionSummary::of).toList();
	}

	SessionDetail get(String id) {
		if (!SAFE_ID.matcher(id).matches()) {
			throw SessionNotFoundException.of(id);
		}
		return rollouts(null).stream()
			.filter((rollout) -> rollout.id().equals(id))
			.findFirst()
			.map((rollout) -> new SessionDetail(SessionSummary.of(rollout), rollout.conversation(), rollout.toolCalls(),
					rollout.problems()))
			.orElseThrow(() -> SessionNotFoundException.of(id));
	}

	/**
	 * Stores an uploaded rollout file under the uploads directory if it is one, named by
	 * its content's digest, so the same file uploaded twice is stored once.
	 * @return the stored session, and whether it was new
	 */
	Upload upload(byte[] content) {
		if (content.length == 0) {
			throw InvalidUploadException.because("the body is empty");
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content));
		}
		catch (CharacterCodingException ex) {
			throw InvalidUploadException.because("it is not UTF-8 text");
		}
		Path directory = this.properties.uploads();
		Path target = directory.resolve("upload-" + Sha256.hex(content).substring(0, 24) + ".jsonl");
		try {
			Files.createDirectories(directory);
			Path temporary = directory.resolve("." + UUID.randomUUID() + ".tmp");
			try {
				Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				Rollout rollout = this.reader.read(temporary, SessionFiles.UPLOAD);
				if (rollout.format().equals("unknown") || rollout.start() == null) {
					throw InvalidUploadException
						.because("no session_meta record or legacy session header with a start time was found");
				}
				if (!rollout.problems().isEmpty()
						&& rollout.problems().size() * 2 > rollout.conversation().size() + rollout.toolCalls().size()) {
					throw InvalidUploadException.because(rollout.problems().size()
							+ " lines cannot be read (not UTF-8 or not JSON objects), the first at line "
							+ rollout.problems().get(0).line());
				}
				boolean created;
				try {
					Files.createLink(target, temporary);
					created = true;
				}
				catch (FileAlreadyExistsException ex) {
					created = false;
				}
				return new Upload(SessionSummary.of(this.reader.read(target, SessionFiles.UPLOAD)), created);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not store the upload under " + directory, ex);
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

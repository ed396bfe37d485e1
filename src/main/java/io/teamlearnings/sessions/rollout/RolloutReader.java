package io.teamlearnings.sessions.rollout;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import io.airlift.compress.zstd.ZstdInputStream;
import io.teamlearnings.system.PythonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Codex rollout files, plain ({@code .jsonl}) or zstd-compressed
 * ({@code .jsonl.zst}, as Codex archives them), as streams of lines: memory is bounded by
 * the longest line kept and the messages kept, never by the file, so files of any size
 * (over 2 GiB too) are read. Current files: one {@code {"timestamp","type","payload"}}
 * record a line (with an optional {@code ordinal} and top-level {@code metadata}), the
 * first a {@code session_meta}; user and assistant text as {@code event_msg}
 * {@code user_message}/{@code agent_message} and as {@code response_item}
 * {@code message}s; tool calls as {@code function_call}, {@code custom_tool_call} and
 * {@code local_shell_call} items with their outputs; {@code compacted} history; any other
 * record type ({@code turn_context}, {@code token_usage_record}, {@code world_state},
 * ...) is tolerated. Older files: a bare header ({@code id}, {@code timestamp}, ...) then
 * bare items and {@code {"record_type":"state"}} markers.
 * <p>
 * A line that is not valid UTF-8, not a JSON object, or longer than the line limit is
 * reported and skipped, costing only that line (the seed's Python extractor crashes on an
 * invalid byte instead: {@code seed-tools.md} section 4); an incomplete last line (a file
 * still being written) is left out. Text is stripped and blank-tested with Python's white
 * space ({@link PythonText}). Lines break at LF, CR LF or CR, as the seed's Python reader
 * splits them.
 */
@Component
public class RolloutReader {

	private static final Logger log = LoggerFactory.getLogger(RolloutReader.class);

	/** Problems kept per file; the rest are counted only. */
	public static final int MAX_PROBLEMS = 1000;

	/** Characters kept of a tool call's input and output, and of a compaction summary. */
	public static final int KEPT_TOOL_CHARS = 4000;

	/**
	 * Parses records as Python's {@code json.loads} accepts them (NaN and Infinity, long
	 * numbers, deep nesting up to Python's default recursion limit), so the extract keeps
	 * what the seed keeps; strings as long as a line.
	 */
	static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(1000)
				.maxNumberLength(1_000_000)
				.maxStringLength(Integer.MAX_VALUE)
				.maxDocumentLength(-1)
				.build())
			.build())
		.build();

	/**
	 * One large line at a time: decoding and parsing a line takes about four times its
	 * size in heap, so lines over {@link #largeLineBytes} wait for each other across all
	 * requests rather than add up.
	 */
	private static final Semaphore LARGE_LINES = new Semaphore(1);

	private final long maxLineBytes;

	private final long largeLineBytes;

	/**
	 * A reader that skips lines longer than {@code limits.maxLineSize()}, or than an
	 * eighth of the heap if that is less (a line in flight takes about four times its
	 * size, and the messages kept take their share): at {@code -Xmx256m} lines over 32 MB
	 * are skipped whatever is configured.
	 * @param limits the line limit
	 */
	public RolloutReader(Limits limits) {
		long heapShare = Runtime.getRuntime().maxMemory() / 8;
		this.maxLineBytes = Math.min(limits.maxLineSize().toBytes(), heapShare);
		this.largeLineBytes = Math.max(Runtime.getRuntime().maxMemory() / 64, 1024 * 1024);
		if (this.maxLineBytes < limits.maxLineSize().toBytes()) {
			log.info("Session file lines over {} are skipped: an eighth of the heap, below the configured {}",
					readable(this.maxLineBytes), limits.maxLineSize());
		}
	}

	/** The reader's limits, as configured. */
	public interface Limits {

		/** The longest line read; longer ones are skipped and reported. */
		DataSize maxLineSize();

	}

	/**
	 * A file opened for reading, with what its attributes say.
	 *
	 * @param path the file
	 * @param source where it was found
	 * @param compressed whether it is zstd-compressed
	 * @param bytes its size
	 * @param modifiedAt its modification time
	 */
	record Opened(Path path, String source, boolean compressed, long bytes, Instant modifiedAt) {
	}

	/**
	 * The session id a file's name gives: the last uuid before {@code .jsonl} (a hand-off
	 * file {@code rollout-<ts>-<uuid>_<uuid>.jsonl} gives its second), else the name
	 * without its extension.
	 */
	public static String idFromName(Path path) {
		return RolloutParse.idFromName(path);
	}

	/** Whether {@code path} names a zstd-compressed rollout ({@code .jsonl.zst}). */
	public static boolean isCompressed(Path path) {
		return path.getFileName().toString().endsWith(".zst");
	}

	/**
	 * Reads a whole rollout file.
	 * @param path the file, {@code .jsonl} or {@code .jsonl.zst}
	 * @param source where it was found ({@code sessions}, {@code archive},
	 * {@code upload})
	 * @return the session it holds
	 * @throws IOException when it cannot be opened or read to its end (a corrupt zstd
	 * stream too)
	 */
	public Rollout read(Path path, String source) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
				LinkOption.NOFOLLOW_LINKS);
		Opened opened = new Opened(path, source, isCompressed(path), attributes.size(),
				attributes.lastModifiedTime().toInstant());
		RolloutParse parse = new RolloutParse(MAPPER);
		try (InputStream in = open(path)) {
			LineReader lines = new LineReader(in, this.maxLineBytes);
			for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
				read(line, parse);
			}
		}
		catch (RuntimeException ex) {
			// a corrupt compressed stream surfaces as an unchecked exception; anything
			// else unexpected costs this file only, never the answer for the others
			throw failure(path, ex);
		}
		return parse.toRollout(opened);
	}

	private void read(LineReader.Line line, RolloutParse parse) {
		boolean last = !line.terminated();
		if (!line.kept()) {
			parse.problem(line.number(), String.format(Locale.ROOT,
					"longer than the line limit of %s (%d bytes): skipped", readable(this.maxLineBytes), line.size()));
			return;
		}
		byte[] bytes = line.bytes();
		int start = 0;
		int end = (int) line.size();
		while (start < end && Utf8.isAsciiSpace(bytes[start])) {
			start++;
		}
		while (end > start && Utf8.isAsciiSpace(bytes[end - 1])) {
			end--;
		}
		if (start == end) {
			return;
		}
		boolean large = end - start > this.largeLineBytes;
		if (large) {
			LARGE_LINES.acquireUninterruptibly();
		}
		try {
			read(line.number(), last, bytes, start, end, parse);
		}
		finally {
			if (large) {
				LARGE_LINES.release();
			}
		}
	}

	private static void read(long number, boolean last, byte[] bytes, int start, int end, RolloutParse parse) {
		if (Utf8.isAscii(bytes, start, end)) {
			readAscii(number, last, bytes, start, end, parse);
			return;
		}
		String decoded;
		try {
			decoded = Utf8.decode(bytes, 0, end);
		}
		catch (CharacterCodingException ex) {
			if (last) {
				parse.torn();
			}
			else {
				parse.problem(number, ex.getMessage());
			}
			return;
		}
		String text = PythonText.strip(decoded);
		if (text.isEmpty()) {
			return;
		}
		try {
			record(number, MAPPER.readTree(text), parse);
		}
		catch (JacksonException ex) {
			notJson(number, last, ex, parse);
		}
	}

	/**
	 * A line of ASCII only (valid UTF-8, nothing to decode): records that cannot hold a
	 * message or a tool call are walked without building a tree ({@link RecordTriage}),
	 * the others parsed from the bytes.
	 */
	private static void readAscii(long number, boolean last, byte[] bytes, int start, int end, RolloutParse parse) {
		try {
			RecordTriage.Skipped skipped = RecordTriage.skippable(MAPPER, bytes, start, end);
			if (skipped != null) {
				parse.skipped(skipped.timestamp());
			}
			else {
				record(number, MAPPER.readTree(bytes, start, end - start), parse);
			}
		}
		catch (JacksonException ex) {
			notJson(number, last, ex, parse);
		}
	}

	private static void record(long number, JsonNode record, RolloutParse parse) {
		if (!record.isObject()) {
			parse.problem(number, "not a JSON object");
			return;
		}
		parse.record(number, record);
	}

	private static void notJson(long number, boolean last, JacksonException ex, RolloutParse parse) {
		if (last) {
			parse.torn();
		}
		else {
			parse.problem(number, "not JSON: " + plain(ex.getOriginalMessage()));
		}
	}

	/**
	 * A parser's message without the hints it gives programmers (the Java settings in
	 * backticks that would make it parse).
	 */
	static String plain(String message) {
		int hint = message.indexOf('`');
		String cut = (hint < 0) ? message : message.substring(0, hint);
		cut = cut.replaceAll("[\\s(;:,]+(?:use|enable|consider|set)?[\\s(;:,]*$", "");
		return cut.isEmpty() ? "malformed JSON" : cut;
	}

	/**
	 * The session start as the seed's extractor reads it: from a first line that is a
	 * {@code session_meta} record only; null when there is none. Reads the first line
	 * only (at most the line limit); a byte in it that is not UTF-8 is read as U+FFFD
	 * (where the seed's script crashes on the whole run).
	 * @throws IOException when the file cannot be opened or read
	 */
	@Nullable
	public Instant metaStart(Path path) throws IOException {
		LineReader.Line first;
		try (InputStream in = open(path)) {
			first = new LineReader(in, this.maxLineBytes).next();
		}
		catch (RuntimeException ex) {
			throw failure(path, ex);
		}
		if (first == null || !first.kept()) {
			return null;
		}
		try {
			// a damaged byte in the first line (a cwd, say) costs that byte only here:
			// the start is still read, and the line is still reported by the full read
			String text = PythonText.strip(new String(first.bytes(), 0, (int) first.size(), StandardCharsets.UTF_8));
			JsonNode record = MAPPER.readTree(text);
			JsonNode payload = record.path("payload");
			if (!record.isObject() || !"session_meta".equals(record.path("type").asString("")) || !payload.isObject()) {
				return null;
			}
			Instant start = RolloutParse.instant(payload.get("timestamp"));
			return (start != null) ? start : RolloutParse.instant(record.get("timestamp"));
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The file's bytes as written by Codex: decompressed when it is a {@code .jsonl.zst}
	 * (aircompressor's pure-Java zstd stream decoder, so no native library is loaded).
	 * @throws IOException when it cannot be opened
	 */
	public static InputStream open(Path path) throws IOException {
		InputStream file = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
		try {
			return isCompressed(path) ? new BufferedInputStream(new ZstdInputStream(file), 64 * 1024) : file;
		}
		catch (RuntimeException ex) {
			file.close();
			throw failure(path, ex);
		}
	}

	private static IOException failure(Path path, RuntimeException ex) {
		return new IOException(isCompressed(path) ? "not a valid zstd stream: " + ex.getMessage()
				: "unexpected failure: " + ex.getClass().getSimpleName(), ex);
	}

	/** {@code 64MB}, {@code 512KB} or {@code 1000B}: a size as it is configured. */
	private static String readable(long bytes) {
		if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return (bytes / DataSize.ofMegabytes(1).toBytes()) + "MB";
		}
		return (bytes % 1024 == 0) ? (bytes / 1024) + "KB" : bytes + "B";
	}

}

package io.teamlearnings.sessions;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.teamlearnings.system.AcceptHeader;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/sessions")
@Tag(name = "Sessions")
class SessionController {

	static final String NDJSON = "application/x-ndjson";

	/** How many files of the extract's window could not be read (and are left out). */
	static final String UNREADABLE_HEADER = "Sessions-Unreadable";

	/** Which files, with why, when there are any. */
	static final String UNREADABLE_FILES_HEADER = "Sessions-Unreadable-Files";

	/**
	 * How many lines of the extracted sessions are skipped (damaged, not JSON, too long).
	 */
	static final String SKIPPED_LINES_HEADER = "Sessions-Skipped-Lines";

	/**
	 * At most this many characters of files in {@link #UNREADABLE_FILES_HEADER} (whole
	 * entries, at least one): proxies refuse large response headers (nginx: 4 KB by
	 * default).
	 */
	private static final int UNREADABLE_FILES_CHARS = 2000;

	private final SessionCatalog catalog;

	private final ConversationExtractor extractor;

	private final SessionCleanup cleanup;

	SessionController(SessionCatalog catalog, ConversationExtractor extractor, SessionCleanup cleanup) {
		this.catalog = catalog;
		this.extractor = extractor;
		this.cleanup = cleanup;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "listSessions", summary = "List sessions",
			description = "Sessions in the Codex sessions and archive directories (plain and .jsonl.zst) and the "
					+ "uploads, newest start first, from the session index (a file is read again only when it "
					+ "changed). A file that cannot be read is listed with its error.")
	@ApiResponse(responseCode = "200", description = "The sessions")
	List<SessionSummary> list(@Parameter(
			description = "Only sessions started (or active, see lookback_by) within this many minutes") @RequestParam(
					name = "lookback_minutes", required = false) @Nullable @Min(1) Integer lookbackMinutes,
			@Parameter(
					description = "start: by the first session_meta; activity: by the last record that is not "
							+ "replayed history (else the file's modification time)",
					schema = @Schema(allowableValues = { "start", "activity" }, defaultValue = "start")) @RequestParam(
							name = "lookback_by", required = false) @Nullable String lookbackBy) {
		Lookback.By by = Lookback.By.parse(lookbackBy, Lookback.By.START);
		return (lookbackMinutes != null) ? this.catalog.list(new Lookback(lookbackMinutes, by)) : this.catalog.list();
	}

	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "getSession", summary = "One session",
			description = "A session as structured JSON: conversation, tool calls, unreadable lines.")
	@ApiResponse(responseCode = "200", description = "The session")
	@ApiResponse(responseCode = "404", description = "No such session")
	SessionDetail get(@Parameter(description = "Session id",
			example = "0199a213-81c0-7800-8aa1-bbab2a035a53") @PathVariable String id) {
		return this.catalog.get(id);
	}

	@PostMapping(consumes = { NDJSON, "application/jsonl", MediaType.APPLICATION_OCTET_STREAM_VALUE,
			MediaType.TEXT_PLAIN_VALUE }, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "uploadSession", summary = "Upload a session",
			description = "Stores a Codex rollout file (the body) under the service's uploads directory, where it is "
					+ "listed, extracted and mined like a local one. The same file twice is stored once.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "The rollout file, one JSON record a line",
					content = { @Content(mediaType = NDJSON, schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "application/jsonl",
									schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
									schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = MediaType.TEXT_PLAIN_VALUE,
									schema = @Schema(type = "string", format = "binary")) }))
	@ApiResponse(responseCode = "201", description = "Stored")
	@ApiResponse(responseCode = "200", description = "The same file was uploaded before")
	@ApiResponse(responseCode = "400", description = "Not a Codex rollout file")
	@ApiResponse(responseCode = "413", description = "Over the upload size limit")
	ResponseEntity<SessionSummary> upload(@Parameter(hidden = true) InputStream body) {
		SessionCatalog.Upload upload = this.catalog.upload(body);
		return ResponseEntity.status(upload.created() ? HttpStatus.CREATED : HttpStatus.OK).body(upload.session());
	}

	@GetMapping(path = "/extract", produces = { MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(operationId = "extractConversations", summary = "Extract recent conversations",
			description = "The seed's extract-skill-conversations output: NO_RECENT_CONVERSATIONS, or the header lines "
					+ "and the [USER]/[ASSISTANT] blocks of each session started within the lookback, newest first. "
					+ "text/plain unless JSON is asked for. Written as each session is read (spooled first with "
					+ "cleanup=true, whose counts the text header carries). cleanup=true then cleans up as POST "
					+ "/api/sessions/cleanup does, deleting only files it read, and the header counts what went. Files "
					+ "of the window that cannot be read are left out and reported in the Sessions-Unreadable and "
					+ "Sessions-Unreadable-Files headers (and unreadable_files in JSON); lines skipped in the "
					+ "extracted sessions are counted in Sessions-Skipped-Lines.")
	@ApiResponse(responseCode = "200", description = "The extract", headers = {
			@io.swagger.v3.oas.annotations.headers.Header(name = UNREADABLE_HEADER,
					description = "How many files of the window could not be read and are left out",
					schema = @Schema(type = "integer")),
			@io.swagger.v3.oas.annotations.headers.Header(name = UNREADABLE_FILES_HEADER,
					description = "Those files (as many as fit in 2,000 characters), an RFC 8941 list of strings with a "
							+ "reason parameter; bytes outside printable ASCII, %, \" and \\ percent-encoded",
					schema = @Schema(type = "string")),
			@io.swagger.v3.oas.annotations.headers.Header(name = SKIPPED_LINES_HEADER,
					description = "Lines of the extracted sessions skipped: not UTF-8, not JSON or over the line limit",
					schema = @Schema(type = "integer")) },
			content = { @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string",
					example = "RECENT_CONVERSATIONS_FOUND=1\nLOOKBACK_MINUTES=1440\nARCHIVED_SESSIONS_INCLUDED=true\n"
							+ "CLEANUP_REMOVED_OLD_SESSIONS=0\nCLEANUP_REMOVED_ARCHIVED_SESSIONS=0\n=== SESSION 1 ===\n"
							+ "TIMESTAMP_UTC=2026-11-23T08:14:09.659000+00:00\nFILE=/home/me/.codex/sessions/2026/11/23/"
							+ "rollout-2026-11-23T08-14-09-0199a213-81c0-7800-8aa1-bbab2a035a53.jsonl\n[USER]\nfix the build\n"
							+ "[/USER]\n[ASSISTANT]\nFixed.\n[/ASSISTANT]\n")),
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE) })
	ResponseEntity<StreamingResponseBody> extract(
			@Parameter(description = "Sessions started (or active, see lookback_by) within this many minutes "
					+ "(at least 1)") @RequestParam(name = "lookback_minutes",
							defaultValue = "1440") int lookbackMinutes,
			@Parameter(
					description = "start (the seed's selection): by the first-line session_meta; activity: by the "
							+ "last activity, so a session resumed into an old file is in",
					schema = @Schema(allowableValues = { "start", "activity" }, defaultValue = "start")) @RequestParam(
							name = "lookback_by", required = false) @Nullable String lookbackBy,
			@Parameter(description = "At most this many sessions, newest first (0 or none: all)") @RequestParam(
					required = false) @Nullable Integer limit,
			@Parameter(description = "Longer messages are cut to this many characters (at least 100)") @RequestParam(
					name = "max_message_chars", defaultValue = "1600") int maxMessageChars,
			@Parameter(description = "Clean up after reading, as the seed's workflow does") @RequestParam(
					defaultValue = "false") boolean cleanup,
			@Parameter(
					description = "Also read compressed archives (.jsonl.zst); the seed reads plain files only") @RequestParam(
							name = "include_compressed", defaultValue = "false") boolean includeCompressed,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		ConversationExtractor.Request request = new ConversationExtractor.Request(
				new Lookback(lookbackMinutes, Lookback.By.parse(lookbackBy, Lookback.By.START)), limit, maxMessageChars,
				cleanup, includeCompressed);
		ConversationExtractor.Plan plan = this.extractor.plan(request);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.header(UNREADABLE_HEADER, String.valueOf(plan.unreadable().size()))
			.header(SKIPPED_LINES_HEADER, String.valueOf(plan.skippedLines()));
		if (!plan.unreadable().isEmpty()) {
			response.header(UNREADABLE_FILES_HEADER, unreadableFiles(plan.unreadable()));
		}
		if (MediaType.APPLICATION_JSON
			.equals(AcceptHeader.choose(accept, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON))) {
			return response.contentType(MediaType.APPLICATION_JSON).body((out) -> this.extractor.writeJson(plan, out));
		}
		return response.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body((out) -> this.extractor.writeText(plan, out));
	}

	/**
	 * The unreadable files as an RFC 8941 list of strings, each with a {@code reason}
	 * parameter: {@code "/path/a.jsonl";reason="could not be read: ..."}. Bytes outside
	 * printable ASCII, {@code %}, {@code "} and {@code \} are percent-encoded (UTF-8), so
	 * any path fits a header; as many files as fit in {@value #UNREADABLE_FILES_CHARS}
	 * characters (the count is in {@link #UNREADABLE_HEADER}).
	 */
	static String unreadableFiles(List<SessionCatalog.Unreadable> unreadable) {
		StringBuilder value = new StringBuilder();
		for (SessionCatalog.Unreadable file : unreadable) {
			String item = "\"" + headerSafe(file.file()) + "\";reason=\"" + headerSafe(file.reason()) + "\"";
			if (!value.isEmpty() && value.length() + 2 + item.length() > UNREADABLE_FILES_CHARS) {
				break;
			}
			value.append(value.isEmpty() ? "" : ", ").append(item);
		}
		return value.toString();
	}

	private static String headerSafe(String text) {
		StringBuilder safe = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c < 0x20 || c > 0x7e || c == '%' || c == '"' || c == '\\') {
				safe.append(String.format(Locale.ROOT, "%%%02X", c));
			}
			else {
				safe.append((char) c);
			}
		}
		return safe.toString();
	}

	@PostMapping(path = "/cleanup", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "cleanUpSessions", summary = "Clean up session files",
			description = "Deletes session files older than the retention (by their session_meta start) from the "
					+ "sessions directory and every file (.jsonl and .jsonl.zst) from the archive, but never a file "
					+ "with activity (newest record or modification time) inside the retention window: those are "
					+ "listed as kept_recently_active. Never follows links, never outside those directories, never "
					+ "a file modified after the request began. dry_run=true lists what would go.")
	@ApiResponse(responseCode = "200", description = "What went (or would go), and what stayed and why")
	SessionCleanup.Report cleanup(@Parameter(description = "List what would go without deleting") @RequestParam(
			name = "dry_run", defaultValue = "false") boolean dryRun) {
		return this.cleanup.clean(dryRun, Instant.now());
	}

}

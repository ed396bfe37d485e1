package io.teamlearnings.sessions;

import java.time.Instant;
import java.util.List;

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
import org.springframework.web.bind.annotation.RequestBody;
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
			description = "Sessions in the Codex sessions and archive directories and the uploads, newest first.")
	@ApiResponse(responseCode = "200", description = "The sessions")
	List<SessionSummary> list(@Parameter(description = "Only sessions started within this many minutes") @RequestParam(
			name = "lookback_minutes", required = false) @Nullable @Min(1) Integer lookbackMinutes) {
		return this.catalog.list(lookbackMinutes);
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
					+ "listed, extracted and mined like a local one. The same file twice is stored once.")
	@ApiResponse(responseCode = "201", description = "Stored")
	@ApiResponse(responseCode = "200", description = "The same file was uploaded before")
	@ApiResponse(responseCode = "400", description = "Not a Codex rollout file")
	@ApiResponse(responseCode = "413", description = "Over the upload size limit")
	ResponseEntity<SessionSummary> upload(@RequestBody byte[] body) {
		SessionCatalog.Upload upload = this.catalog.upload(body);
		return ResponseEntity.status(upload.created() ? HttpStatus.CREATED : HttpStatus.OK).body(upload.session());
	}

	@GetMapping(path = "/extract", produces = { MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(operationId = "extractConversations", summary = "Extract recent conversations",
			description = "The seed's extract-skill-conversations output: NO_RECENT_CONVERSATIONS, or the header lines "
					+ "and the [USER]/[ASSISTANT] blocks of each session started within the lookback, newest first. "
					+ "text/plain unless JSON is asked for. cleanup=true then cleans up as POST /api/sessions/cleanup "
					+ "does, deleting only files it read, and the header counts what went.")
	@ApiResponse(responseCode = "200", description = "The extract", content = {
			@Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string",
					example = "RECENT_CONVERSATIONS_FOUND=1\nLOOKBACK_MINUTES=1440\nARCHIVED_SESSIONS_INCLUDED=true\n"
							+ "CLEANUP_REMOVED_OLD_SESSIONS=0\nCLEANUP_REMOVED_ARCHIVED_SESSIONS=0\n=== SESSION 1 ===\n"
							+ "TIMESTAMP_UTC=2026-11-23T08:14:09.659000+00:00\nFILE=/home/me/.codex/sessions/2026/11/23/"
							+ "rollout-2026-11-23T08-14-09-0199a213-81c0-7800-8aa1-bbab2a035a53.jsonl\n[USER]\nfix the build\n"
							+ "[/USER]\n[ASSISTANT]\nFixed.\n[/ASSISTANT]\n")),
			@Content(mediaType = MediaType.APPLICATION_JSON_VALUE) })
	ResponseEntity<StreamingResponseBody> extract(
			@Parameter(description = "Sessions started within this many minutes (at least 1)") @RequestParam(
					name = "lookback_minutes", defaultValue = "1440") int lookbackMinutes,
			@Parameter(description = "At most this many sessions, newest first (0 or none: all)") @RequestParam(
					required = false) @Nullable Integer limit,
			@Parameter(description = "Longer messages are cut to this many characters (at least 100)") @RequestParam(
					name = "max_message_chars", defaultValue = "1600") int maxMessageChars,
			@Parameter(description = "Clean up after reading, as the seed's workflow does") @RequestParam(
					defaultValue = "false") boolean cleanup,
			@RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Parameter(hidden = true) @Nullable String accept) {
		ConversationExtractor.Request request = new ConversationExtractor.Request(lookbackMinutes, limit,
				maxMessageChars, cleanup);
		if (MediaType.APPLICATION_JSON
			.equals(AcceptHeader.choose(accept, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON))) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body((out) -> this.extractor.writeJson(request, out));
		}
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
			.body((out) -> this.extractor.writeText(request, out));
	}

	@PostMapping(path = "/cleanup", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "cleanUpSessions", summary = "Clean up session files",
			description = "Deletes session files older than the retention (by their session_meta start) from the "
					+ "sessions directory and every file from the archive, never following links, never outside those "
					+ "directories, never a file modified after the request began. dry_run=true lists what would go.")
	@ApiResponse(responseCode = "200", description = "What went (or would go), and what stayed and why")
	SessionCleanup.Report cleanup(@Parameter(description = "List what would go without deleting") @RequestParam(
			name = "dry_run", defaultValue = "false") boolean dryRun) {
		return this.cleanup.clean(dryRun, Instant.now());
	}

}

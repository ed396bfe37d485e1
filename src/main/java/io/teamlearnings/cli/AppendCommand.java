package io.teamlearnings.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code learnings append}: the tool's {@code append_learning} flags, sent to
 * {@code POST /api/repos/<repo>/learnings} in its {@code quality_mode} (strict unless
 * {@code --quality-mode best_effort}, as the tool) so that the row goes through the
 * service's lock, duplicate checks, quality gate and index. Prints what the tool prints
 * (tkersey/skills-zig {@code append_learning.zig}): {@code quality-warning:} lines on
 * standard error; {@code appended: id=... status=... path=...} on standard output;
 * {@code duplicate-skip: ...} on standard error, exit 0; a refused row's
 * {@code quality-error:} and {@code quality-warning:} lines in the tool's order on
 * standard error, exit 2; {@code error: learning is empty}, exit 1. The path printed is
 * the service's store. The row's {@code context.paths} are the work tree's changed files,
 * as the tool records them; its repository and branch are filled in by the service from
 * the repository's git configuration, as the tool would ({@code --repo} overrides the
 * repository).
 */
@Command(name = "append", mixinStandardHelpOptions = true,
		description = "Append a structured learning record through the service (its lock, duplicate checks, quality "
				+ "gate and index).")
final class AppendCommand extends ServiceCommand {

	/** The tool's default {@code source}. */
	static final String DEFAULT_SOURCE = "skill:learnings";

	@Option(names = "--status", paramLabel = "STATUS",
			description = "Action status (for example: do_more, do_less); defaults to review_later")
	String status;

	@Option(names = "--learning", paramLabel = "LEARNING", description = "Learning statement (required)")
	String learning;

	@Option(names = "--evidence", paramLabel = "EVIDENCE",
			description = "Evidence item (repeat for multiple lines); optional in best-effort mode")
	List<String> evidence = new ArrayList<>();

	@Option(names = "--application", paramLabel = "APPLICATION",
			description = "How to apply this learning; optional in best-effort mode")
	String application;

	@Option(names = "--tag", paramLabel = "TAG", description = "Tag (repeatable; comma-separated ok)")
	List<String> tags = new ArrayList<>();

	@Option(names = "--related-id", paramLabel = "RELATED_ID",
			description = "Related learning id (repeatable; comma-separated ok)")
	List<String> relatedIds = new ArrayList<>();

	@Option(names = "--supersedes-id", paramLabel = "SUPERSEDES_ID",
			description = "If this learning supersedes an older record id")
	String supersedesId;

	@Option(names = "--repo", paramLabel = "REPO",
			description = "Repo identifier override for context.repo (defaults to the origin slug or directory name)")
	String repo;

	@Option(names = "--source", paramLabel = "SOURCE",
			description = "Source marker for the record (default " + DEFAULT_SOURCE + "; a token's name replaces it)")
	String source = DEFAULT_SOURCE;

	@Option(names = "--allow-duplicate",
			description = "Append a near-duplicate anyway (the service never appends an exact duplicate)")
	boolean allowDuplicate;

	@Option(names = "--quality-mode", paramLabel = "{strict,best_effort}",
			description = "strict (default) refuses weak records; best_effort writes them unjudged")
	String qualityMode = "strict";

	@Option(names = "--allow-temp-path",
			description = "Accepted and ignored: the service decides (learnings.store.allow-temp-path)")
	boolean allowTempPath;

	AppendCommand(Session session) {
		super(session);
	}

	@Override
	public Integer call() {
		if (!"strict".equals(this.qualityMode) && !"best_effort".equals(this.qualityMode)) {
			throw usageError("InvalidArgument: argument --quality-mode: expected one of strict,best_effort");
		}
		if (this.learning == null) {
			throw usageError("InvalidArgument: the following arguments are required: --learning");
		}
		if (this.learning.chars().allMatch((c) -> " \t\r\n\u000b\f".indexOf(c) >= 0)) {
			throw new CliFailure(ExitCode.REFUSED, "error: learning is empty");
		}
		checkPaths();
		Session session = session();
		String query = "?quality_mode=" + this.qualityMode + (this.allowDuplicate ? "&force=true" : "");
		ServiceClient.Reply reply = session.client().post(session.learnings() + query, body(), "application/json");
		if (reply.status() == 422) {
			Map<String, Object> problem = reply.json();
			List<String> lines = QualityLines.inToolOrder(Json.strings(problem, "errors"),
					Json.strings(problem, "warnings"));
			if (!lines.isEmpty()) {
				throw new CliFailure(ExitCode.USAGE, lines);
			}
		}
		if (!reply.successful()) {
			throw session.client().failure(reply);
		}
		Map<String, Object> result = reply.json();
		Json.strings(result, "warnings").forEach(io()::eprintln);
		String proof = Json.string(result, "proof");
		if ("appended".equals(Json.string(result, "outcome"))) {
			io().println(proof);
		}
		else {
			io().eprintln(proof);
		}
		Json.strings(result, "memory_notes").forEach(io()::println);
		return ExitCode.OK;
	}

	private String body() {
		StringBuilder json = new StringBuilder("{");
		field(json, "learning", this.learning);
		field(json, "status", this.status);
		if (!this.evidence.isEmpty()) {
			array(json.append(','), "evidence", this.evidence);
		}
		field(json, "application", this.application);
		if (!this.tags.isEmpty()) {
			array(json.append(','), "tags", this.tags);
		}
		if (!this.relatedIds.isEmpty()) {
			array(json.append(','), "related_ids", this.relatedIds);
		}
		String supersedes = (this.supersedesId != null) ? ToolOutput.trim(this.supersedesId) : "";
		field(json, "supersedes_id", supersedes.isEmpty() ? null : supersedes);
		field(json, "source", this.source);
		String contextRepo = (this.repo != null) ? ToolOutput.trim(this.repo) : "";
		List<String> paths = ChangedPaths.of(io().cwd());
		if (!contextRepo.isEmpty() || !paths.isEmpty()) {
			json.append(",\"context\":{");
			if (!contextRepo.isEmpty()) {
				ToolOutput.string(json, "repo").append(':');
				ToolOutput.string(json, contextRepo).append(paths.isEmpty() ? "" : ",");
			}
			if (!paths.isEmpty()) {
				array(json, "paths", paths);
			}
			json.append('}');
		}
		return json.append('}').toString();
	}

	private static void field(StringBuilder json, String name, String value) {
		if (value != null) {
			ToolOutput.string(json.append((json.length() > 1) ? "," : ""), name).append(':');
			ToolOutput.string(json, value);
		}
	}

	private static void array(StringBuilder json, String name, List<String> values) {
		ToolOutput.string(json, name).append(":[");
		for (int i = 0; i < values.size(); i++) {
			ToolOutput.string(json.append((i > 0) ? "," : ""), values.get(i));
		}
		json.append(']');
	}

}

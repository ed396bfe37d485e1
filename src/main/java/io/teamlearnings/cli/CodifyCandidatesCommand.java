package io.teamlearnings.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code learnings codify-candidates}: the service's codify candidates
 * ({@code GET .../learnings/codify-candidates}), grouped and scored as the tool does. The
 * table is the service's {@code text/plain} answer, the tool's table; {@code --format
 * json} prints the tool's JSON (tkersey/skills-zig {@code learnings.zig},
 * {@code renderCodifyJson}): per candidate {@code count}, {@code last_seen},
 * {@code learning} (120 bytes), {@code score}, {@code status}, {@code theme} (36 bytes).
 * As in the tool, {@code --min-count} defaults to 3 and {@code --limit} to 20 (the
 * service takes at most 200). The service always leaves superseded rows out, so
 * {@code --drop-superseded} is accepted and changes nothing.
 */
@Command(name = "codify-candidates", mixinStandardHelpOptions = true,
		description = "Suggest repeated/high-impact learnings to promote into durable docs.")
final class CodifyCandidatesCommand extends ServiceCommand {

	private static final List<String> JSON_KEYS = List.of("count", "last_seen", "learning", "score", "status", "theme");

	@Option(names = "--min-count", paramLabel = "N", description = "Fewest rows on one theme (default 3)")
	String minCount;

	@Option(names = "--limit", paramLabel = "N", description = "Most candidates (default 20)")
	String limit;

	@Option(names = "--format", paramLabel = "{table,json}", description = "table (default) or json")
	String format = "table";

	@Option(names = "--drop-superseded", description = "Accepted: the service never counts superseded rows")
	boolean dropSuperseded;

	CodifyCandidatesCommand(Session session) {
		super(session);
	}

	@Override
	public Integer call() {
		int fewest = (this.minCount != null) ? count(this.minCount, 1) : 3;
		int most = count(this.limit, 20);
		checkPaths();
		Session session = session();
		boolean json = "json".equalsIgnoreCase(this.format);
		ServiceClient.Reply reply = session.client()
			.get(session.learnings() + "/codify-candidates?min_count=" + fewest + "&limit=" + most,
					json ? "application/json" : "text/plain");
		if (!reply.successful()) {
			throw session.client().failure(reply);
		}
		if (!json) {
			io().out().print(reply.body());
			return ExitCode.OK;
		}
		Map<String, Object> result = reply.json();
		if (Json.number(result, "rows").longValue() == 0) {
			io().println("(no learnings file at " + Json.string(result, "store_file") + ")");
			return ExitCode.OK;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> candidate : Json.objects(result, "candidates")) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("count", Json.number(candidate, "count"));
			row.put("last_seen", Json.string(candidate, "last_seen"));
			row.put("learning", ToolOutput.shorten(Json.string(candidate, "learning"), 120));
			row.put("score", Json.number(candidate, "score").doubleValue());
			row.put("status", Json.string(candidate, "status"));
			row.put("theme", ToolOutput.shorten(Json.string(candidate, "theme"), 36));
			rows.add(row);
		}
		io().out().print(ToolOutput.json(JSON_KEYS, rows));
		return ExitCode.OK;
	}

}

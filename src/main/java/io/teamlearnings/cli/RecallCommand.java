package io.teamlearnings.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code learnings recall}: the service's ranking ({@code GET .../learnings/recall}),
 * printed as the tool prints its own (tkersey/skills-zig {@code learnings.zig},
 * {@code cmdRecall}, {@code renderRecallTable}, {@code renderRecallJson}). The table has
 * the columns {@code score} (three decimals), {@code captured_at}, {@code status},
 * {@code learning} (120 bytes), {@code tags} (30) and {@code paths} (40); {@code --format
 * json} prints each hit's {@link ToolRow} with its {@code score}, keys in alphabetical
 * order. As in the tool: at most 8 hits unless {@code --limit}; superseded rows are
 * ranked too unless {@code --drop-superseded}; a blank query prints
 * {@code error: --query is required} and exits 0; a store without rows prints
 * {@code (no learnings file at <store>)}. The scores are the service's (BM25F, or its
 * fusion with semantic ranking: {@code --mode}), not the tool's.
 */
@Command(name = "recall", mixinStandardHelpOptions = true, description = "Rank relevant learnings for a task.")
final class RecallCommand extends ServiceCommand {

	private static final List<String> TABLE = List.of("score", "captured_at", "status", "learning", "tags", "paths");

	private static final List<String> JSON_KEYS;

	static {
		List<String> keys = new ArrayList<>(ToolRow.KEYS);
		keys.add(keys.indexOf("source"), "score");
		JSON_KEYS = List.copyOf(keys);
	}

	@Option(names = "--query", paramLabel = "QUERY", description = "Focused component, failure or objective terms")
	String query;

	@Option(names = "--paths", paramLabel = "PATHS", description = "Comma-separated paths you are changing")
	String paths = "";

	@Option(names = "--limit", paramLabel = "N", description = "Most hits (default 8)")
	String limit;

	@Option(names = "--format", paramLabel = "{table,json}", description = "table (default) or json")
	String format = "table";

	@Option(names = "--drop-superseded", description = "Leave out rows that a later row supersedes")
	boolean dropSuperseded;

	@Option(names = "--mode", paramLabel = "{lexical,semantic,hybrid}",
			description = "How the service ranks (default: its own, hybrid once semantic recall is on and the "
					+ "repository is embedded, else lexical); not an option of the original tool")
	String mode;

	RecallCommand(Session session) {
		super(session);
	}

	@Override
	public Integer call() {
		if (this.query == null) {
			throw usageError("error: argument --query: expected one argument");
		}
		int hits = count(this.limit, 8);
		if (ToolOutput.trim(this.query).isEmpty()) {
			io().println("error: --query is required");
			return ExitCode.OK;
		}
		checkPaths();
		Session session = session();
		StringBuilder path = new StringBuilder(session.learnings()).append("/recall?query=")
			.append(ServiceClient.encode(this.query))
			.append("&limit=")
			.append(hits)
			.append("&drop_superseded=")
			.append(this.dropSuperseded);
		if (this.mode != null) {
			path.append("&mode=").append(ServiceClient.encode(this.mode));
		}
		for (String file : this.paths.split(",")) {
			if (!ToolOutput.trim(file).isEmpty()) {
				path.append("&paths=").append(ServiceClient.encode(ToolOutput.trim(file)));
			}
		}
		ServiceClient.Reply reply = session.client().get(path.toString(), "application/json");
		if (!reply.successful()) {
			throw session.client().failure(reply);
		}
		List<Map<String, Object>> found = Json.objects(reply.json(), "hits");
		if (found.isEmpty() && session.served().rows() == 0) {
			io().println("(no learnings file at " + session.served().path() + ")");
			return ExitCode.OK;
		}
		boolean json = "json".equalsIgnoreCase(this.format);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> hit : found) {
			Map<String, Object> row = ToolRow.of(Json.object(Json.object(hit, "learning"), "row"));
			double score = Json.number(hit, "score").doubleValue();
			rows.add(json ? withScore(row, score) : tableRow(row, score));
		}
		io().out().print(json ? ToolOutput.json(JSON_KEYS, rows) : ToolOutput.table(TABLE, rows));
		return ExitCode.OK;
	}

	private static Map<String, Object> withScore(Map<String, Object> row, double score) {
		Map<String, Object> out = new LinkedHashMap<>(row);
		out.put("score", score);
		return out;
	}

	private static Map<String, Object> tableRow(Map<String, Object> row, double score) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("score", ToolOutput.threeDecimals(score));
		out.putAll(ToolRow.cells(row));
		return out;
	}

}

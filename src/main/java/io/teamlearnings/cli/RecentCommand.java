package io.teamlearnings.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code learnings recent}: the newest rows, superseded ones included, as the tool's
 * table prints them (tkersey/skills-zig {@code learnings.zig}, {@code cmdRecent}):
 * {@code captured_at}, {@code status}, {@code learning} (120 bytes), {@code tags} (30),
 * {@code paths} (40); 20 rows unless {@code --limit}. The rows come from the service's
 * browse ({@code include_superseded=true}, 200 a page) and are ordered as the tool orders
 * them: by {@code captured_at} as text, newest first, rows of the same second in file
 * order (the service's pages list those newest line first, so all the rows of the last
 * second shown are read).
 */
@Command(name = "recent", mixinStandardHelpOptions = true, description = "Show most recent learnings.")
final class RecentCommand extends ServiceCommand {

	private static final List<String> TABLE = List.of("captured_at", "status", "learning", "tags", "paths");

	private static final int PAGE = 200;

	/**
	 * Whether the last row fetched is of the same second as the last row wanted: the
	 * service lists such rows newest line first, the tool oldest first, so the rows of
	 * that second on the next page may be among the tool's.
	 */
	private static boolean sameSecond(List<Map<String, Object>> views, int wanted) {
		return views.size() >= wanted
				&& capturedAt(views.get(views.size() - 1)).equals(capturedAt(views.get(wanted - 1)));
	}

	private static String capturedAt(Map<String, Object> view) {
		return Json.string(Json.object(view, "row"), "captured_at");
	}

	@Option(names = "--limit", paramLabel = "N", description = "How many rows (default 20)")
	String limit;

	RecentCommand(Session session) {
		super(session);
	}

	@Override
	public Integer call() {
		int wanted = count(this.limit, 20);
		checkPaths();
		Session session = session();
		int size = Math.min(wanted, PAGE);
		List<Map<String, Object>> views = new ArrayList<>();
		for (int page = 0; views.size() < wanted || sameSecond(views, wanted); page++) {
			ServiceClient.Reply reply = session.client()
				.get(session.learnings() + "?include_superseded=true&size=" + size + "&page=" + page,
						"application/json");
			if (!reply.successful()) {
				throw session.client().failure(reply);
			}
			List<Map<String, Object>> items = Json.objects(reply.json(), "items");
			views.addAll(items);
			if (items.size() < size) {
				break;
			}
		}
		views.sort(Comparator.comparing(RecentCommand::capturedAt)
			.reversed()
			.thenComparingLong((view) -> Json.number(view, "line").longValue()));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> view : views.subList(0, Math.min(wanted, views.size()))) {
			rows.add(ToolRow.cells(ToolRow.of(Json.object(view, "row"))));
		}
		io().out().print(ToolOutput.table(TABLE, rows));
		return ExitCode.OK;
	}

}

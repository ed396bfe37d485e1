package io.teamlearnings.learnings.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.repos.Repositories;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns index rows into {@link LearningView}s: the row re-read from its original line, so
 * every field comes back as written, and the ids of the rows that supersede it. The line
 * is read from the file where the index says it lies, and served only if its SHA-256 is
 * still the one indexed (see {@link IndexedLines#lines}). Rows are looked up by id in
 * plain JDBC ({@link IndexedLines#newest}), without a transaction of their own: a
 * recall's ten hits cost ten indexed lookups, not ten JPA queries.
 */
@Component
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class LearningViews {

	private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
	};

	private final IndexedLearningRepository rows;

	private final Repositories repositories;

	private final IndexedLines lines;

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	@org.springframework.lang.Nullable
	private final String teamRepo;

	private final IndexSync sync;

	LearningViews(IndexedLearningRepository rows, Repositories repositories, IndexedLines lines,
			StoreProperties properties, IndexSync sync) {
		this.sync = sync;
		this.rows = rows;
		this.repositories = repositories;
		this.lines = lines;
		this.teamRepo = properties.teamRepo();
	}

	/**
	 * The view of the last row with {@code id} in {@code repo}, as the index has it.
	 * @throws LearningNotFoundException if no row has that id
	 */
	public LearningView require(String repo, String id) {
		List<IndexedLines.LocatedRow> found = this.lines.newest(repo, List.of(id));
		if (found.isEmpty()) {
			throw LearningNotFoundException.forId(repo, id);
		}
		return views(repo, found).get(0);
	}

	/**
	 * The row with this id, parsed from its line as written.
	 * @throws LearningNotFoundException if no row has that id
	 */
	public LearningRow row(String repo, String id) {
		LearningRow row = rows(repo, List.of(id)).get(id);
		if (row == null) {
			throw LearningNotFoundException.forId(repo, id);
		}
		return row;
	}

	/**
	 * The rows with these ids (the newest line of each), parsed as written, keyed by id;
	 * ids with no row are left out.
	 */
	public Map<String, LearningRow> rows(String repo, Collection<String> ids) {
		List<IndexedLines.LocatedRow> found = this.lines.newest(repo, ids);
		List<String> lines = lines(repo, found);
		Map<String, LearningRow> rows = new LinkedHashMap<>();
		for (int i = 0; i < found.size(); i++) {
			rows.put(found.get(i).id(), parsed(lines.get(i)));
		}
		return rows;
	}

	private LearningRow parsed(String line) {
		return new LearningRow(line, (ObjectNode) this.mapper.readTree(line));
	}

	/**
	 * The lines of {@code located}, in order, read from the file the index was synced
	 * with ({@link IndexedLines#lines}).
	 */
	private List<String> lines(String repo, List<IndexedLines.LocatedRow> located) {
		return located.isEmpty() ? List.of() : this.lines.lines(this.repositories.require(repo), located);
	}

	/**
	 * A row just appended at {@code line} as {@code text}, from what was written (indexed
	 * or not): nothing supersedes or shares it yet. Reads no index.
	 */
	public LearningView appended(String repo, long line, String text) {
		return new LearningView(repo, line, this.mapper.readValue(text, ROW), List.of(), List.of());
	}

	/**
	 * Views of the rows with these ids (the newest line of each), keyed by id, in file
	 * order; ids with no row are left out.
	 */
	public Map<String, LearningView> byIds(String repo, Collection<String> ids) {
		List<IndexedLines.LocatedRow> newest = new ArrayList<>(this.lines.newest(repo, ids));
		newest.sort(Comparator.comparingLong(IndexedLines.LocatedRow::lineNo));
		Map<String, LearningView> views = new LinkedHashMap<>();
		views(repo, newest).forEach((view) -> views.put(String.valueOf(view.row().get("id")), view));
		return views;
	}

	/**
	 * Views of the rows at these line numbers, keyed by line number, in file order; lines
	 * that hold no row are left out. Each row is looked up by its id (one indexed lookup
	 * for all), and by its line only when a later line re-uses its id, which is rare.
	 * @param repo the repository
	 * @param idsByLine the id each line holds, by line number
	 */
	public Map<Long, LearningView> byLines(String repo, Map<Long, String> idsByLine) {
		Map<String, IndexedLines.LocatedRow> newest = new HashMap<>();
		this.lines.newest(repo, idsByLine.values()).forEach((row) -> newest.put(row.id(), row));
		List<IndexedLines.LocatedRow> located = new ArrayList<>(idsByLine.size());
		List<Long> elsewhere = new ArrayList<>();
		idsByLine.forEach((line, id) -> {
			IndexedLines.LocatedRow row = newest.get(id);
			if (row != null && row.lineNo() == line) {
				located.add(row);
			}
			else {
				elsewhere.add(line);
			}
		});
		if (!elsewhere.isEmpty()) {
			located.addAll(this.lines.atLines(repo, elsewhere));
		}
		located.sort(Comparator.comparingLong(IndexedLines.LocatedRow::lineNo));
		Map<Long, LearningView> views = new LinkedHashMap<>();
		views(repo, located).forEach((view) -> views.put(view.line(), view));
		return views;
	}

	/**
	 * Views of indexed rows of {@code repo}, in the order given, each with what the team
	 * repository shares of it.
	 */
	public List<LearningView> of(String repo, Collection<IndexedLearning> indexed) {
		return views(repo, indexed.stream().map(IndexedLearning::located).toList());
	}

	private List<LearningView> views(String repo, List<IndexedLines.LocatedRow> rows) {
		Map<String, List<String>> sharedAs = sharedAs(repo, rows);
		List<String> lines = lines(repo, rows);
		List<LearningView> views = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			IndexedLines.LocatedRow row = rows.get(i);
			views.add(new LearningView(repo, row.lineNo(), this.mapper.readValue(lines.get(i), ROW), row.supersededBy(),
					sharedAs.getOrDefault(row.id(), List.of())));
		}
		return views;
	}

	private Map<String, List<String>> sharedAs(String repo, List<IndexedLines.LocatedRow> indexed) {
		Map<String, List<String>> shared = new LinkedHashMap<>();
		String team = this.teamRepo;
		if (team == null || team.equals(repo) || indexed.isEmpty()) {
			return shared;
		}
		// the team's rows are another repository's: catch its index up with its file, as
		// a
		// read of that repository would, so a share answered before is shown
		this.sync.ensureFresh(this.repositories.require(team));
		Set<String> ids = new HashSet<>(indexed.stream().map(IndexedLines.LocatedRow::id).toList());
		for (Object[] relation : this.rows.findRelations(team)) {
			for (String related : ((String) relation[1]).split(",")) {
				if (ids.contains(related)) {
					shared.computeIfAbsent(related, (key) -> new ArrayList<>()).add((String) relation[0]);
				}
			}
		}
		return shared;
	}

}

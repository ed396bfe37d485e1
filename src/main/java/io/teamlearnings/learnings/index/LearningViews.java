package io.teamlearnings.learnings.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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
 * still the one indexed (see {@link LearningIndex#lines}).
 */
@Component
@Transactional(readOnly = true)
public class LearningViews {

	private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
	};

	private final IndexedLearningRepository rows;

	private final Repositories repositories;

	private final LearningIndex index;

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	@org.springframework.lang.Nullable
	private final String teamRepo;

	LearningViews(IndexedLearningRepository rows, Repositories repositories, LearningIndex index,
			StoreProperties properties) {
		this.rows = rows;
		this.repositories = repositories;
		this.index = index;
		this.teamRepo = properties.teamRepo();
	}

	/**
	 * The view of the last row with {@code id} in {@code repo}, as the index has it.
	 * @throws LearningNotFoundException if no row has that id
	 */
	public LearningView require(String repo, String id) {
		return this.rows.findFirstByRepoAndIdOrderByLineNoDesc(repo, id)
			.map((row) -> of(repo, List.of(row)).get(0))
			.orElseThrow(() -> LearningNotFoundException.forId(repo, id));
	}

	/** The row with this id, parsed from its line as written. */
	public LearningRow row(String repo, String id) {
		IndexedLearning row = this.rows.findFirstByRepoAndIdOrderByLineNoDesc(repo, id)
			.orElseThrow(() -> LearningNotFoundException.forId(repo, id));
		return parsed(lines(repo, List.of(row)).get(0));
	}

	/**
	 * The rows with these ids (the newest line of each), parsed as written, keyed by id.
	 */
	public Map<String, LearningRow> rows(String repo, Collection<String> ids) {
		// one lookup per id: an IN list would make H2 scan the repository's rows
		List<String> found = new ArrayList<>();
		List<IndexedLearning> indexed = new ArrayList<>();
		for (String id : new LinkedHashSet<>(ids)) {
			this.rows.findFirstByRepoAndIdOrderByLineNoDesc(repo, id).ifPresent((row) -> {
				found.add(id);
				indexed.add(row);
			});
		}
		List<String> lines = lines(repo, indexed);
		Map<String, LearningRow> rows = new LinkedHashMap<>();
		for (int i = 0; i < found.size(); i++) {
			rows.put(found.get(i), parsed(lines.get(i)));
		}
		return rows;
	}

	private LearningRow parsed(String line) {
		return new LearningRow(line, (ObjectNode) this.mapper.readTree(line));
	}

	/**
	 * The lines of {@code indexed}, in order, read from the file the index was synced
	 * with ({@link LearningIndex#lines}).
	 */
	private List<String> lines(String repo, List<IndexedLearning> indexed) {
		return indexed.isEmpty() ? List.of() : this.index.lines(this.repositories.require(repo), indexed);
	}

	/**
	 * A row just appended at {@code line} as {@code text}, from what was written (indexed
	 * or not): nothing supersedes or shares it yet. Reads no index, so it takes no
	 * transaction (nor a database connection) of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public LearningView appended(String repo, long line, String text) {
		return new LearningView(repo, line, this.mapper.readValue(text, ROW), List.of(), List.of());
	}

	/** Views of the rows with these ids (the newest line of each), keyed by id. */
	public Map<String, LearningView> byIds(String repo, Collection<String> ids) {
		// one lookup per id: an IN list would make H2 scan the repository's rows
		List<IndexedLearning> newest = new ArrayList<>();
		for (String id : new LinkedHashSet<>(ids)) {
			this.rows.findFirstByRepoAndIdOrderByLineNoDesc(repo, id).ifPresent(newest::add);
		}
		newest.sort(Comparator.comparingLong(IndexedLearning::lineNo));
		Map<String, LearningView> views = new LinkedHashMap<>();
		of(repo, newest).forEach((view) -> views.put(String.valueOf(view.row().get("id")), view));
		return views;
	}

	/**
	 * Views of indexed rows of {@code repo}, in the order given, each with what the team
	 * repository shares of it.
	 */
	public List<LearningView> of(String repo, Collection<IndexedLearning> indexed) {
		Map<String, List<String>> sharedAs = sharedAs(repo, indexed);
		List<IndexedLearning> rows = List.copyOf(indexed);
		List<String> lines = lines(repo, rows);
		List<LearningView> views = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			IndexedLearning row = rows.get(i);
			views.add(new LearningView(repo, row.lineNo(), this.mapper.readValue(lines.get(i), ROW), row.supersededBy(),
					sharedAs.getOrDefault(row.id(), List.of())));
		}
		return views;
	}

	private Map<String, List<String>> sharedAs(String repo, Collection<IndexedLearning> indexed) {
		Map<String, List<String>> shared = new LinkedHashMap<>();
		String team = this.teamRepo;
		if (team == null || team.equals(repo) || indexed.isEmpty()) {
			return shared;
		}
		java.util.Set<String> ids = new java.util.HashSet<>(indexed.stream().map(IndexedLearning::id).toList());
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

package io.teamlearnings.learnings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;

import org.springframework.stereotype.Service;

/**
 * Views over a whole repository: related rows, the summary with its themes, and the
 * memory digest of active learnings.
 */
@Service
class LearningInsights {

	private static final List<String> DIGEST_ORDER = List.of("codify_now", "avoid_for_now", "do_less", "do_more",
			"investigate_more", "review_later", "codified");

	private static final DateTimeFormatter DIGEST_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")
		.withZone(ZoneOffset.UTC);

	private static final int TOP_TAGS = 20;

	private final Repositories repositories;

	private final LearningStore store;

	private final RecallCorpus corpus;

	private final NearDuplicates similarity;

	private final Themes themes;

	private final LearningViews views;

	private final MemoryProperties memory;

	private final Clock clock;

	LearningInsights(Repositories repositories, LearningStore store, RecallCorpus corpus, NearDuplicates similarity,
			Themes themes, LearningViews views, MemoryProperties memory, Clock clock) {
		this.repositories = repositories;
		this.store = store;
		this.corpus = corpus;
		this.similarity = similarity;
		this.themes = themes;
		this.views = views;
		this.memory = memory;
		this.clock = clock;
	}

	/**
	 * A row related to another, with how similar it is.
	 *
	 * @param similarity Jaccard similarity of the two learnings' terms
	 * @param learning the related row
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "RelatedLearning")
	record Related(double similarity, LearningView learning) {
	}

	List<Related> related(String repoName, String id, int limit) {
		Repo repo = fresh(repoName);
		List<NearDuplicates.Match> matches = this.similarity.nearest(repo, id, limit);
		Map<String, LearningView> byId = this.views.byIds(repo.name(),
				matches.stream().map(NearDuplicates.Match::id).toList());
		return matches.stream()
			.map((match) -> new Related(Math.round(match.similarity() * 10_000) / 10_000.0, byId.get(match.id())))
			.toList();
	}

	LearningSummary summary(String repoName) {
		Repo repo = fresh(repoName);
		return this.corpus.read(repo, (corpus) -> {
			Map<String, Integer> byStatus = new TreeMap<>();
			Map<String, Integer> tags = new HashMap<>();
			Map<String, Integer> perWeek = new TreeMap<>();
			int active = 0;
			int superseded = 0;
			int withdrawn = 0;
			for (RecallCorpus.Doc doc : corpus.docs()) {
				byStatus.merge(doc.status(), 1, Integer::sum);
				if (doc.captured() != null) {
					var date = doc.captured().atZone(ZoneOffset.UTC);
					perWeek.merge(String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
							date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), 1, Integer::sum);
				}
				if (doc.isWithdrawal()) {
					continue;
				}
				List<RecallCorpus.Doc> chain = LearningRecall.chain(corpus, doc, null);
				RecallCorpus.Doc head = chain.get(chain.size() - 1);
				if (head == doc) {
					active++;
					doc.tags().forEach((tag) -> tags.merge(tag, 1, Integer::sum));
				}
				else if (head.isWithdrawal()) {
					withdrawn++;
				}
				else {
					superseded++;
				}
			}
			List<LearningSummary.TagCount> topTags = tags.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue()
					.reversed()
					.thenComparing(Map.Entry.comparingByKey()))
				.limit(TOP_TAGS)
				.map((entry) -> new LearningSummary.TagCount(entry.getKey(), entry.getValue()))
				.toList();
			return new LearningSummary(repo.name(), corpus.docs().size(), active, superseded, withdrawn, byStatus,
					topTags, perWeek, this.themes.find(corpus));
		});
	}

	/**
	 * Writes a Markdown digest of the active learnings, grouped by status, with the
	 * recurring themes, to a new timestamped file under the memories resources.
	 */
	MemoryDigest digest(String repoName) {
		Repo repo = fresh(repoName);
		record Active(List<String> ids, List<Themes.Theme> themes) {
		}
		Active active = this.corpus.read(repo, (corpus) -> new Active(corpus.docs()
			.stream()
			.filter((doc) -> Themes.isActive(corpus, doc))
			.sorted(Comparator.comparing(RecallCorpus.Doc::captured, Comparator.nullsLast(Comparator.reverseOrder())))
			.map(RecallCorpus.Doc::id)
			.toList(), this.themes.find(corpus)));
		Map<String, LearningView> views = this.views.byIds(repo.name(), active.ids());
		Map<String, List<LearningView>> byStatus = new LinkedHashMap<>();
		DIGEST_ORDER.forEach((status) -> byStatus.put(status, new ArrayList<>()));
		for (String id : active.ids()) {
			LearningView view = views.get(id);
			byStatus.computeIfAbsent(String.valueOf(view.row().get("status")), (key) -> new ArrayList<>()).add(view);
		}
		Instant now = this.clock.instant();
		StringBuilder md = new StringBuilder();
		md.append("# Learnings digest: ").append(repo.name()).append("\n\n");
		md.append("Generated ")
			.append(CanonicalFormat.capturedAt(now))
			.append(" from `")
			.append(repo.storeFile())
			.append("`: ")
			.append(active.ids().size())
			.append(" active learnings (superseded and withdrawn rows are left out).\n");
		byStatus.forEach((status, rows) -> {
			if (rows.isEmpty()) {
				return;
			}
			md.append("\n## ").append(status).append(" (").append(rows.size()).append(")\n\n");
			for (LearningView view : rows) {
				Map<String, Object> row = view.row();
				md.append("- **").append(oneLine(row.get("learning"))).append("**");
				String application = oneLine(row.get("application"));
				if (!application.isEmpty()) {
					md.append(" Apply: ").append(application);
				}
				md.append(" (`")
					.append(row.get("id"))
					.append("`, ")
					.append(oneLine(row.get("captured_at")))
					.append(")\n");
				Object evidence = row.get("evidence");
				Object first = (evidence instanceof List<?> list && !list.isEmpty()) ? list.get(0) : evidence;
				if (first != null && !oneLine(first).isEmpty()) {
					md.append("  - Evidence: ").append(oneLine(first)).append('\n');
				}
			}
		});
		if (!active.themes().isEmpty()) {
			md.append("\n## Recurring themes\n\n");
			for (Themes.Theme theme : active.themes()) {
				md.append("- ").append(theme.ids().size()).append(" learnings");
				if (!theme.tags().isEmpty()) {
					md.append(" (").append(String.join(", ", theme.tags())).append(")");
				}
				md.append(": ")
					.append(String.join(", ", theme.ids().stream().map((id) -> "`" + id + "`").toList()))
					.append('\n');
			}
		}
		Path file = this.memory.resources().resolve(DIGEST_NAME.format(now) + "-learnings-digest.md");
		write(file, md.toString());
		return new MemoryDigest(file.toString(), active.ids().size(), md.toString());
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE, StandardOpenOption.SYNC);
		}
		catch (FileAlreadyExistsException ex) {
			throw DigestExistsException.at(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the digest " + file, ex);
		}
	}

	private static String oneLine(Object value) {
		return (value == null) ? "" : CanonicalFormat.collapseWhitespace(String.valueOf(value));
	}

	private Repo fresh(String repoName) {
		Repo repo = this.repositories.require(repoName);
		this.store.ensureFresh(repo);
		return repo;
	}

}

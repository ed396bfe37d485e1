package io.teamlearnings.learnings.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;

/**
 * Codify candidates, as the {@code learnings} tool's {@code codify-candidates} finds them
 * (tkersey/skills-zig {@code apps/learnings/scripts/learnings.zig},
 * {@code cmdCodifyCandidates}): rules that recur or that their author marked
 * {@code codify_now}, to promote from the store into something that acts on every
 * session.
 * <p>
 * The active rows (neither superseded nor withdrawn) are grouped by theme, the tool's
 * {@link ThemeKey} of the learning and the application. A group is a candidate when it
 * has at least {@code min_count} rows (the tool's {@code --min-count}, default 3) or a
 * {@code codify_now} row. Its representative is its most recently captured row (the first
 * of equals in file order), which gives its {@code last_seen}, {@code status} and
 * {@code learning}. Its score is {@code 2 × rows + 2 × e^(-age in days / 60) + the
 * highest impact of its rows} ({@link ToolRow#impact}), the age being the
 * representative's; candidates come highest score first, then more rows, then the most
 * recently seen (then by theme, so that the order is always the same), at most
 * {@code limit} (the tool's {@code --limit}, default 20).
 * <p>
 * The tool stops there; this service also suggests where each candidate should go, and
 * why ({@link CodifyTargets}).
 */
@Service
class CodifyCandidates {

	/** The tool's {@code --min-count} default. */
	static final int DEFAULT_MIN_COUNT = 3;

	/** The tool's {@code --limit} default. */
	static final int DEFAULT_LIMIT = 20;

	private static final double RECENCY_DAYS = 60;

	private final ActiveRows active;

	private final Clock clock;

	CodifyCandidates(ActiveRows active, Clock clock) {
		this.active = active;
		this.clock = clock;
	}

	/**
	 * The codify candidates of a repository.
	 *
	 * @param repo the repository
	 * @param storeFile its canonical file
	 * @param rows rows in the file, active or not
	 * @param minCount the fewest rows that make a group a candidate without a
	 * {@code codify_now} row
	 * @param limit the most candidates listed
	 * @param candidates the candidates, best first
	 */
	@Schema(name = "CodifyCandidates")
	record Result(String repo, @JsonProperty("store_file") String storeFile, int rows,
			@JsonProperty("min_count") int minCount, int limit, List<Candidate> candidates) {
	}

	/**
	 * One candidate: a group of active rows on one theme.
	 *
	 * @param theme the tool's theme of its rows ({@link ThemeKey})
	 * @param score the tool's score
	 * @param count its rows
	 * @param lastSeen the capture time of its most recent row, as written
	 * @param status that row's status
	 * @param learning that row's learning
	 * @param target where to codify it
	 * @param why why there
	 * @param rows its rows, in file order
	 */
	@Schema(name = "CodifyCandidate")
	record Candidate(String theme, double score, int count, @JsonProperty("last_seen") String lastSeen, String status,
			String learning, CodifyTargets.Target target, String why, List<Row> rows) {
	}

	/**
	 * A row of a candidate.
	 *
	 * @param id its id
	 * @param capturedAt its capture time as written
	 * @param status its status
	 * @param learning the rule
	 * @param application how to apply it
	 */
	@Schema(name = "CodifyCandidateRow")
	record Row(String id, @JsonProperty("captured_at") String capturedAt, String status, String learning,
			String application) {
	}

	/**
	 * @param repoName the repository
	 * @param minCount the fewest rows that make a group a candidate, at least 1
	 * @param limit the most candidates, at least 1
	 * @return its candidates, best first
	 * @throws io.teamlearnings.repos.UnknownRepositoryException if no repository has that
	 * name
	 */
	Result find(String repoName, int minCount, int limit) {
		ActiveRows.Active active = this.active.of(repoName);
		return new Result(active.repo().name(), active.repo().storeFile().toString(), active.stored(), minCount, limit,
				candidates(active.rows(), minCount, limit, this.clock.instant()));
	}

	/**
	 * The candidates among {@code rows}.
	 * @param rows active rows, in file order
	 * @param minCount the fewest rows that make a group a candidate
	 * @param limit the most candidates
	 * @param now the time ages are counted to
	 * @return the candidates, best first
	 */
	static List<Candidate> candidates(List<ToolRow> rows, int minCount, int limit, Instant now) {
		Map<String, List<ToolRow>> themes = new LinkedHashMap<>();
		for (ToolRow row : rows) {
			themes.computeIfAbsent(ThemeKey.of(row.learning(), row.application()), (key) -> new ArrayList<>()).add(row);
		}
		List<Candidate> candidates = new ArrayList<>();
		themes.forEach((theme, group) -> {
			boolean codifyNow = group.stream().anyMatch((row) -> row.hasStatus(ToolRow.CODIFY_NOW));
			if (group.size() < minCount && !codifyNow) {
				return;
			}
			ToolRow latest = group.get(0);
			double impact = 0;
			for (ToolRow row : group) {
				if (row.capturedAt().compareTo(latest.capturedAt()) > 0) {
					latest = row;
				}
				impact = Math.max(impact, row.impact(true));
			}
			double score = group.size() * 2.0 + recency(latest.capturedAt(), now) * 2.0 + impact;
			CodifyTargets.Suggestion suggestion = CodifyTargets.suggest(group);
			candidates.add(new Candidate(theme, score, group.size(), latest.capturedAt(), latest.status(),
					latest.learning(), suggestion.target(), suggestion.why(),
					group.stream()
						.map((row) -> new Row(row.id(), row.capturedAt(), row.status(), row.learning(),
								row.application()))
						.toList()));
		});
		return candidates.stream()
			.sorted(Comparator.comparingDouble(Candidate::score)
				.reversed()
				.thenComparing(Comparator.comparingInt(Candidate::count).reversed())
				.thenComparing(Candidate::lastSeen, Comparator.reverseOrder())
				.thenComparing(Candidate::theme))
			.limit(limit)
			.toList();
	}

	/** {@code e^(-days / 60)} for a capture time; 0 when it cannot be read. */
	private static double recency(String capturedAt, Instant now) {
		try {
			Instant captured = OffsetDateTime.parse(capturedAt).toInstant();
			double days = Math.max(Duration.between(captured, now).toSeconds(), 0) / 86_400.0;
			return Math.exp(-(days / RECENCY_DAYS));
		}
		catch (DateTimeParseException ex) {
			return 0;
		}
	}

}

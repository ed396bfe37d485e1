package io.teamlearnings.learnings.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.learnings.index.StoreProperties;
import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.JsonlScanner;
import io.teamlearnings.learnings.jsonl.LearningRow;
import io.teamlearnings.learnings.jsonl.LineParser;
import io.teamlearnings.learnings.quality.QualityGate;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Moves learnings between stores: export streams the canonical lines; import takes a
 * JSONL from another store (another service or the command-line tool's file), keeping
 * every row's id, fingerprint and fields, and reports each line.
 */
@Service
class LearningTransfer {

	private final Repositories repositories;

	private final IndexSync sync;

	private final GroupCommit commits;

	private final LearningIndex index;

	private final LineParser parser;

	private final StoreProperties properties;

	LearningTransfer(Repositories repositories, IndexSync sync, GroupCommit commits, LearningIndex index,
			LineParser parser, StoreProperties properties) {
		this.repositories = repositories;
		this.sync = sync;
		this.commits = commits;
		this.index = index;
		this.parser = parser;
		this.properties = properties;
	}

	/**
	 * Streams the file's complete lines, or only rows captured at or after {@code since}.
	 */
	void export(String repoName, @Nullable Instant since, OutputStream out) throws IOException {
		Repo repo = this.repositories.require(repoName);
		if (since == null) {
			if (Files.exists(repo.storeFile())) {
				JsonlScanner.scan(repo.storeFile(), 0, 1, (line) -> write(out, line.bytes()));
			}
			return;
		}
		JsonlScanner.scan(repo.storeFile(), 0, 1, (line) -> {
			if (this.parser.parse(line.bytes()) instanceof LineParser.Row row && row.row().capturedInstant() != null
					&& !row.row().capturedInstant().isBefore(since)) {
				write(out, line.bytes());
			}
		});
	}

	private static void write(OutputStream out, byte[] line) {
		try {
			out.write(line);
			out.write('\n');
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Imports the rows of {@code body}. A row whose id or fingerprint the store has (or
	 * an earlier line of the body has) is a duplicate: skipped, or rejected when
	 * {@code failOnConflict}. With {@code atomic}, one rejected line means nothing is
	 * written. Accepted lines are appended as given, in one write forced to disk. Rows
	 * already written somewhere are never refused by the quality gate (the tool's own
	 * file imports whole); each line whose row the strict gate would refuse as a new
	 * append carries the gate's error lines in the report.
	 */
	ImportReport importRows(String repoName, byte[] body, boolean failOnConflict, boolean atomic) {
		Repo repo = this.repositories.require(repoName);
		QualityGate gate = QualityGate.forRepository(repo.root(), this.properties.allowTempPath());
		return this.sync.underLock(repo, () -> {
			List<ImportReport.Line> report = new ArrayList<>();
			List<String> accepted = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			Set<String> fingerprints = new HashSet<>();
			long[] number = { 0 };
			for (String text : new String(body, StandardCharsets.UTF_8).split("\n", -1)) {
				number[0]++;
				if (text.isBlank()) {
					continue;
				}
				LineParser.ParsedLine parsed = this.parser.parse(text.getBytes(StandardCharsets.UTF_8));
				if (parsed instanceof LineParser.Malformed bad) {
					report.add(new ImportReport.Line(number[0], "rejected", null, bad.reason()));
					continue;
				}
				LearningRow row = ((LineParser.Row) parsed).row();
				String problem = problem(row);
				if (problem != null) {
					report.add(new ImportReport.Line(number[0], "rejected", row.id(), problem));
					continue;
				}
				List<String> quality = gate
					.judge(CanonicalFormat.normalizeStatus(row.status()),
							CanonicalFormat.collapseWhitespace(row.learning()), evidence(row),
							CanonicalFormat.collapseWhitespace(row.application()))
					.problems();
				String fingerprint = row.fingerprint().isEmpty()
						? CanonicalFormat.fingerprint(CanonicalFormat.normalizeStatus(row.status()), row.learning())
						: row.fingerprint();
				boolean duplicate = ids.contains(row.id()) || fingerprints.contains(fingerprint)
						|| this.index.containsId(repo.name(), row.id())
						|| this.index.idByFingerprint(repo.name(), fingerprint) != null;
				if (duplicate) {
					report.add(new ImportReport.Line(number[0], failOnConflict ? "rejected" : "skipped", row.id(),
							"the store already has this id or fingerprint", quality));
					continue;
				}
				ids.add(row.id());
				fingerprints.add(fingerprint);
				accepted.add(text.strip());
				report.add(new ImportReport.Line(number[0], "imported", row.id(), null, quality));
			}
			int rejected = (int) report.stream().filter((line) -> line.outcome().equals("rejected")).count();
			int skipped = (int) report.stream().filter((line) -> line.outcome().equals("skipped")).count();
			boolean write = !accepted.isEmpty() && !(atomic && rejected > 0);
			if (write) {
				this.commits.appendLines(repo, accepted);
			}
			return new ImportReport(write ? accepted.size() : 0, skipped, rejected, write, write ? report : report
				.stream()
				.map((line) -> line.outcome().equals("imported") ? new ImportReport.Line(line.line(), "not-written",
						line.id(), "another line was rejected and the import is atomic", line.qualityErrors()) : line)
				.toList());
		});
	}

	/**
	 * A row's evidence items as the tool would take them: normalised, empty ones dropped.
	 */
	private static List<String> evidence(LearningRow row) {
		return row.evidence()
			.stream()
			.map(CanonicalFormat::collapseWhitespace)
			.filter((item) -> !item.isEmpty())
			.toList();
	}

	@Nullable
	private static String problem(LearningRow row) {
		if (CanonicalFormat.normalizeLabel(row.status()).isEmpty()) {
			return "no status";
		}
		if (row.learning().isBlank()) {
			return "no learning text";
		}
		if (CanonicalFormat.hasControlCharacters(row.id()) || CanonicalFormat.hasControlCharacters(row.learning())) {
			return "control characters in id or learning";
		}
		return null;
	}

}

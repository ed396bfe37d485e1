package io.teamlearnings.learnings.index;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.teamlearnings.learnings.jsonl.CanonicalFormat;
import io.teamlearnings.learnings.jsonl.CrossCloneDuplicates;
import io.teamlearnings.learnings.jsonl.FileDigest;
import io.teamlearnings.learnings.jsonl.JsonlScanner;
import io.teamlearnings.learnings.jsonl.LearningLog;
import io.teamlearnings.learnings.jsonl.LineParser;
import io.teamlearnings.learnings.semantic.SemanticIndex;
import io.teamlearnings.repos.GitSyncState;
import io.teamlearnings.repos.GitSyncStatus;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.system.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Answers what state each repository's store and index are in, and proves on request that
 * an index matches its file.
 */
@Service
class RepoStatus {

	private static final Logger log = LoggerFactory.getLogger(RepoStatus.class);

	private final Repositories repositories;

	private final IndexSync sync;

	private final LearningIndex index;

	private final LineParser parser;

	private final LineIndexer lines;

	private final AckJournal journal;

	private final SemanticIndex semantic;

	private final GitSyncStatus gitSync;

	RepoStatus(Repositories repositories, IndexSync sync, LearningIndex index, LineParser parser, LineIndexer lines,
			AckJournal journal, SemanticIndex semantic, GitSyncStatus gitSync) {
		this.semantic = semantic;
		this.gitSync = gitSync;
		this.repositories = repositories;
		this.journal = journal;
		this.sync = sync;
		this.index = index;
		this.parser = parser;
		this.lines = lines;
	}

	List<RepoSummary> summaries() {
		return this.repositories.all().stream().map(this::summary).toList();
	}

	/**
	 * A repository's counts and state, after catching its index up with its file as every
	 * read does (one {@code stat} when nothing changed): an append answered before this
	 * call is counted, even while the index follower has not reached it yet.
	 */
	private RepoSummary summary(Repo repo) {
		this.sync.ensureFresh(repo);
		LearningIndex.Counts counts = this.index.counts(repo.name());
		String error = this.sync.syncError(repo);
		String state;
		if (error != null) {
			state = "failed";
		}
		else {
			try {
				state = this.index.isCurrent(repo) ? "current" : "behind";
			}
			catch (IOException ex) {
				state = "failed";
				error = IndexSync.describe(ex);
			}
		}
		GitSyncState git = this.gitSync.of(repo);
		return new RepoSummary(repo.name(), repo.root().toString(), repo.storeFile().toString(),
				Files.exists(repo.storeFile()), counts.rows(), counts.malformed(), state, error,
				this.semantic.enabled() ? this.semantic.embedded(repo.name()) : null, git.enabled() ? git : null);
	}

	/**
	 * Catches the index up, then reads the whole file and compares it row by row (by
	 * digest) with the index. An index that disagrees although the file's first and last
	 * bytes did not change (a rewrite in the middle) is rebuilt, and the check says so.
	 */
	RepoHealth health(String repoName) {
		Repo repo = this.repositories.require(repoName);
		Optional<RepoHealth.LockWait> waiting = StoreLock.waiting(repo.storeFile());
		if (waiting.isPresent()) {
			// an append holds the repository's lock while it waits for another process:
			// say so at once, from the file and the index as they are
			try {
				return check(repo, false).waitingFor(waiting.get());
			}
			catch (IOException ex) {
				throw StoreUnavailableException.checking(repo.name(), ex);
			}
		}
		return checkedUnderLock(repo, () -> {
			this.index.sync(repo);
			RepoHealth health = check(repo, false);
			if (!health.inSync()) {
				log.warn("Index of {} disagreed with {}; rebuilding it", repo.name(), repo.storeFile());
				this.index.rebuild(repo);
				health = check(repo, true);
			}
			return health;
		});
	}

	/** Drops the index of a repository and rebuilds it from the file. */
	RepoHealth reindex(String repoName) {
		Repo repo = this.repositories.require(repoName);
		return checkedUnderLock(repo, () -> {
			this.index.rebuild(repo);
			return check(repo, true);
		});
	}

	/**
	 * Appends back, byte for byte, every row this service acknowledged whose exact line
	 * is no longer in the file ({@link AckJournal#lost}), in the order they were
	 * acknowledged, with one write forced to disk, under the same locks as any append
	 * (after catching the index up); then indexes them. A row whose line is still in the
	 * file is never written again.
	 * @param repoName the repository
	 * @return what was restored; empty if nothing was lost
	 * @throws StoreUnavailableException if the file or the journal cannot be read or
	 * written
	 * @throws StoreLockBusyException if another process holds the store's lock too long
	 */
	RepairReport repair(String repoName) {
		Repo repo = this.repositories.require(repoName);
		try {
			return this.sync.lockedForWrite(repo, () -> {
				this.sync.catchUpForWrite(repo);
				List<AckJournal.Entry> lost = this.journal.lost(repo);
				if (!lost.isEmpty()) {
					log.warn("Restoring {} acknowledged row(s) lost from {}", lost.size(), repo.storeFile());
					LearningLog.append(repo.storeFile(),
							lost.stream().map(AckJournal.Entry::line).toArray(String[]::new));
					this.sync.afterWrite(repo);
				}
				return new RepairReport(repo.name(), repo.storeFile().toString(),
						lost.stream().map(RepoStatus::lostRow).toList());
			});
		}
		catch (IOException ex) {
			throw StoreUnavailableException.writing(repo.name(), ex);
		}
	}

	/**
	 * A line as the check sees it: a row's id, link and the SHA-256 of its line (hex), or
	 * the reason it is not a row.
	 */
	private record CheckedLine(long number, long offset, @Nullable String reason, String id,
			@Nullable String supersedesId, boolean withdrawal, String sha256, @Nullable String fingerprint,
			@Nullable String status, @Nullable String learning) {
	}

	/** Parses a chunk of lines and digests the rows' lines, on a worker thread. */
	private List<CheckedLine> checked(List<JsonlScanner.RawLine> lines) {
		List<CheckedLine> checked = new ArrayList<>(lines.size());
		for (JsonlScanner.RawLine line : lines) {
			LineParser.ParsedLine parsed = this.parser.parse(line.bytes());
			if (parsed instanceof LineParser.Row row) {
				checked.add(new CheckedLine(line.number(), line.offset(), null, row.row().id(),
						row.row().supersedesId(), CanonicalFormat.WITHDRAWN.equals(row.row().status()),
						Sha256.hex(line.bytes()), row.row().fingerprint(), row.row().status(), row.row().learning()));
			}
			else if (parsed instanceof LineParser.Malformed bad) {
				checked.add(new CheckedLine(line.number(), line.offset(), bad.reason(), "", null, false, "", null, null,
						null));
			}
		}
		return checked;
	}

	private static RepoHealth.LostRow lostRow(AckJournal.Entry entry) {
		return new RepoHealth.LostRow(entry.id(), entry.acknowledgedAt(), entry.line());
	}

	/**
	 * Runs a check under the repository's lock; a file that cannot be read is a 503
	 * naming the repository, as for every other endpoint.
	 */
	private RepoHealth checkedUnderLock(Repo repo, IndexSync.IoWork<RepoHealth> check) {
		try {
			return this.sync.locked(repo, check);
		}
		catch (IOException ex) {
			throw StoreUnavailableException.checking(repo.name(), ex);
		}
	}

	private RepoHealth check(Repo repo, boolean repaired) throws IOException {
		FileDigest fileDigest = new FileDigest();
		List<RepoHealth.MalformedLine> malformed = new ArrayList<>();
		Map<Long, String> unanalysable = this.index.unanalysableRows(repo.name());
		SupersessionChains chains = new SupersessionChains();
		CrossCloneDuplicates copies = new CrossCloneDuplicates();
		List<RepoHealth.Duplicate> duplicates = new ArrayList<>();
		long[] rows = new long[1];
		JsonlScanner.ScanEnd end = this.lines.inOrder(repo.storeFile(), 0, 1, this::checked, (lines, checked) -> {
			for (CheckedLine line : checked) {
				String notStored = unanalysable.get(line.number());
				if (line.reason() != null) {
					malformed.add(new RepoHealth.MalformedLine(line.number(), line.offset(), line.reason()));
				}
				else if (notStored != null) {
					malformed.add(new RepoHealth.MalformedLine(line.number(), line.offset(), notStored));
				}
				else {
					rows[0]++;
					fileDigest.add(line.number(), line.sha256());
					chains.add(line.number(), line.id(), line.supersedesId(), line.withdrawal());
					if (copies.next(line.status(), line.learning(), line.supersedesId())) {
						duplicates.add(new RepoHealth.Duplicate(line.number(), line.id(), line.fingerprint()));
					}
				}
			}
		});
		long rowsInIndex = this.index.counts(repo.name()).rows();
		String fileHex = fileDigest.hex();
		String indexHex = this.index.rowsDigest(repo.name());
		boolean inSync = rows[0] == rowsInIndex && fileHex.equals(indexHex);
		RepoHealth.TornTail torn = (end.tornBytes() > 0)
				? new RepoHealth.TornTail(end.nextLineNumber(), end.endOffset(), end.tornBytes()) : null;
		long fileBytes = Files.exists(repo.storeFile()) ? Files.size(repo.storeFile()) : 0;
		List<RepoHealth.BadLink> badLinks = chains.badLinks()
			.stream()
			.map((link) -> new RepoHealth.BadLink(link.ref(), link.id(), link.supersedesId(), link.kind()))
			.toList();
		List<RepoHealth.LostRow> lost = this.journal.lost(repo).stream().map(RepoStatus::lostRow).toList();
		boolean healthy = inSync && malformed.isEmpty() && torn == null && badLinks.isEmpty() && lost.isEmpty();
		return new RepoHealth(repo.name(), repo.storeFile().toString(), healthy, inSync, fileBytes,
				end.nextLineNumber() - 1, rows[0], rowsInIndex, fileHex, indexHex, repaired, malformed, torn, badLinks,
				lost, null, duplicates);
	}

}

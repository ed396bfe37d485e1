package io.teamlearnings.learnings;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes learnings to a repository's canonical {@code .learnings.jsonl} and keeps its
 * index in step. An append is decided and written under the repository's lock: the index
 * is first caught up with the file, the row is checked against existing fingerprints and
 * near-duplicates, written and forced to disk, and only then indexed. A failure to index
 * never undoes a written row; the next sync picks it up.
 */
@Service
public class LearningStore {

	private static final Logger log = LoggerFactory.getLogger(LearningStore.class);

	private final Repositories repositories;

	private final LearningIndex index;

	private final NearDuplicates nearDuplicates;

	private final LearningViews views;

	private final StoreProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	private final Map<String, Queue<Pending>> queues = new ConcurrentHashMap<>();

	private final Map<String, String> syncErrors = new ConcurrentHashMap<>();

	LearningStore(Repositories repositories, LearningIndex index, NearDuplicates nearDuplicates, LearningViews views,
			StoreProperties properties, Clock clock, ApplicationEventPublisher events) {
		this.repositories = repositories;
		this.index = index;
		this.nearDuplicates = nearDuplicates;
		this.views = views;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
	}

	AppendResult append(String repoName, AppendRequest request, boolean force, @Nullable String attribution) {
		Repo repo = this.repositories.require(repoName);
		return appendLocked(repo, Draft.of(request, source(request.source(), attribution), request.supersedesId()),
				force, false);
	}

	/**
	 * The source written for a row: the caller's identity when it has one (a token), so
	 * attribution cannot be forged; otherwise what the trusted caller says, or the
	 * default.
	 */
	private String source(@Nullable String requested, @Nullable String attribution) {
		if (attribution != null) {
			return attribution;
		}
		return (requested != null && !requested.isBlank()) ? requested.strip() : this.properties.defaultSource();
	}

	/**
	 * Appends {@code request} as the row that supersedes row {@code id}; the old line is
	 * left as it is.
	 */
	AppendResult supersede(String repoName, String id, AppendRequest request, boolean force,
			@Nullable String attribution) {
		Repo repo = this.repositories.require(repoName);
		return appendLocked(repo, Draft.of(request, source(request.source(), attribution), id), force, true);
	}

	/**
	 * Appends a {@code withdrawn} row that supersedes row {@code id}, taking it out of
	 * recall; browse still lists it with {@code include_superseded}.
	 */
	AppendResult withdraw(String repoName, String id, WithdrawRequest request, @Nullable String attribution) {
		Repo repo = this.repositories.require(repoName);
		return appendLocked(repo, Draft.withdrawal(id, request.reason(), source(request.source(), attribution)), true,
				true);
	}

	/**
	 * Appends one row, committed together with whatever other appends to the same
	 * repository are waiting (group commit): the first caller to take the repository's
	 * lock decides every waiting draft in arrival order, writes the accepted rows with
	 * one write and one {@code fdatasync}, indexes them in one transaction, and answers
	 * each caller. No caller is answered before its row is on disk.
	 */
	private AppendResult appendLocked(Repo repo, Draft draft, boolean force, boolean targetInPath) {
		Pending mine = new Pending(draft, force, targetInPath, new CompletableFuture<>());
		Queue<Pending> queue = this.queues.computeIfAbsent(repo.name(), (name) -> new ConcurrentLinkedQueue<>());
		queue.add(mine);
		ReentrantLock lock = lockOf(repo);
		lock.lock();
		try {
			if (!mine.result().isDone()) {
				List<Pending> batch = new ArrayList<>();
				for (Pending next = queue.poll(); next != null; next = queue.poll()) {
					batch.add(next);
				}
				commit(repo, batch);
			}
		}
		finally {
			lock.unlock();
		}
		AppendResult appended = outcome(mine);
		if (draft.supersedesId() == null || !AppendResult.APPENDED.equals(appended.outcome())) {
			return appended;
		}
		LearningSuperseded event = new LearningSuperseded(repo.name(), draft.supersedesId(), appended.id(),
				CanonicalFormat.WITHDRAWN.equals(draft.status()));
		try {
			this.events.publishEvent(event);
		}
		catch (RuntimeException ex) {
			log.warn("A listener failed after {} superseded {}; the row stays written", appended.id(),
					draft.supersedesId(), ex);
		}
		return appended.withMemoryNotes(event.proofs());
	}

	private static AppendResult outcome(Pending pending) {
		try {
			return pending.result().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * The line number the next row appended to {@code repo} gets: the index, caught up
	 * with every complete line, knows the next one; a torn last line, which the append
	 * ends with a newline first, takes one more.
	 */
	private long firstNewLine(Repo repo) {
		LearningIndex.State state = this.index.state(repo.name());
		try {
			long size = Files.exists(repo.storeFile()) ? Files.size(repo.storeFile()) : 0;
			return state.nextLine() + ((size > state.indexedBytes()) ? 1 : 0);
		}
		catch (IOException ex) {
			throw StoreUnavailableException.reading(repo.name(), ex);
		}
	}

	/** Decides, writes and indexes a batch of appends; completes every one of them. */
	private void commit(Repo repo, List<Pending> batch) {
		try {
			syncForWrite(repo);
			Batch decided = new Batch(repo);
			for (Pending pending : batch) {
				try {
					decide(decided, pending);
				}
				catch (RuntimeException ex) {
					pending.result().completeExceptionally(ex);
				}
			}
			Map<String, Long> newLines = new HashMap<>();
			if (!decided.accepted.isEmpty()) {
				long line = firstNewLine(repo);
				for (Accepted accepted : decided.accepted) {
					newLines.put(accepted.id(), line++);
				}
				write(repo,
						decided.accepted.stream()
							.map((accepted) -> this.mapper.writeValueAsString(accepted.row()))
							.toList());
				indexAfterWrite(repo);
			}
			for (Decision decision : decided.decisions) {
				decision.pending().result().complete(decision.answer(newLines, decided));
			}
		}
		catch (RuntimeException ex) {
			batch.forEach((pending) -> pending.result().completeExceptionally(ex));
		}
		finally {
			batch.forEach((pending) -> pending.result()
				.completeExceptionally(new IllegalStateException("The append was not decided")));
		}
	}

	/**
	 * Decides one draft against the index and the drafts accepted before it in the same
	 * batch: a duplicate or near-duplicate of either is skipped, a row that supersedes
	 * one already superseded (also earlier in the batch) is refused.
	 */
	private void decide(Batch batch, Pending pending) {
		Draft draft = pending.draft();
		Repo repo = batch.repo;
		String path = repo.storeFile().toString();
		if (draft.supersedesId() != null) {
			String supersededInBatch = batch.supersededBy.get(draft.supersedesId());
			if (supersededInBatch != null) {
				throw AlreadySupersededException.of(repo.name(), draft.supersedesId(), supersededInBatch);
			}
			checkSupersedable(repo, draft.supersedesId(), pending.targetInPath());
		}
		String existing = batch.idsByFingerprint.get(draft.fingerprint());
		if (existing == null) {
			existing = this.index.idByFingerprint(repo.name(), draft.fingerprint());
		}
		if (existing != null) {
			batch.decisions.add(new Decision(pending, AppendResult.DUPLICATE_SKIP,
					"duplicate-skip: fingerprint=" + draft.fingerprint() + " existing_id=" + existing + " path=" + path,
					existing, null));
			return;
		}
		int[] signature = this.nearDuplicates.signature(draft.learning());
		NearDuplicates.Match near = null;
		if (!pending.force()) {
			near = batch.nearest(draft, signature, this.nearDuplicates);
			if (near == null) {
				near = this.nearDuplicates.find(repo, draft.status(), draft.learning(), draft.supersedesId());
			}
		}
		if (near != null) {
			batch.decisions.add(new Decision(pending, AppendResult.DUPLICATE_SKIP,
					"duplicate-skip: near-duplicate similarity=" + String.format("%.2f", near.similarity())
							+ " existing_id=" + near.id() + " path=" + path + " (append with force=true to keep both)",
					near.id(), near.similarity()));
			return;
		}
		String capturedAt = CanonicalFormat.capturedAt(this.clock.instant());
		String id = CanonicalFormat.id(capturedAt, draft.fingerprint());
		ObjectNode row = toRow(batch::git, draft, id, capturedAt);
		batch.accept(new Accepted(id, draft, row, signature));
		batch.decisions.add(new Decision(pending, AppendResult.APPENDED,
				"appended: id=" + id + " status=" + draft.status() + " path=" + path, id, null));
	}

	/** An append waiting to be committed, and where its answer goes. */
	private record Pending(Draft draft, boolean force, boolean targetInPath, CompletableFuture<AppendResult> result) {
	}

	/** A row accepted in a batch, not yet written. */
	private record Accepted(String id, Draft draft, ObjectNode row, int[] signature) {
	}

	/** What a batch decided for one append; answered once the batch is written. */
	private final class Decision {

		private final Pending pending;

		private final String outcome;

		private final String message;

		private final String id;

		@Nullable
		private final Double similarity;

		Decision(Pending pending, String outcome, String message, String id, @Nullable Double similarity) {
			this.pending = pending;
			this.outcome = outcome;
			this.message = message;
			this.id = id;
			this.similarity = similarity;
		}

		Pending pending() {
			return this.pending;
		}

		AppendResult answer(Map<String, Long> newLines, Batch batch) {
			Accepted inBatch = batch.acceptedById.get(this.id);
			LearningView view = (inBatch != null)
					? LearningStore.this.views.appended(batch.repo.name(), newLines.get(this.id), inBatch.row())
					: LearningStore.this.views.require(batch.repo.name(), this.id);
			String path = batch.repo.storeFile().toString();
			return new AppendResult(this.outcome, this.message, this.id, path, this.similarity, view, null);
		}

	}

	/** The drafts of one group commit, as decided so far. */
	private final class Batch {

		private final Repo repo;

		private final List<Decision> decisions = new ArrayList<>();

		private final List<Accepted> accepted = new ArrayList<>();

		private final Map<String, Accepted> acceptedById = new HashMap<>();

		private final Map<String, String> idsByFingerprint = new HashMap<>();

		private final Map<String, String> supersededBy = new HashMap<>();

		@Nullable
		private GitContext git;

		Batch(Repo repo) {
			this.repo = repo;
		}

		GitContext git() {
			if (this.git == null) {
				this.git = GitContext.of(this.repo.root());
			}
			return this.git;
		}

		void accept(Accepted row) {
			this.accepted.add(row);
			this.acceptedById.put(row.id(), row);
			this.idsByFingerprint.put(row.draft().fingerprint(), row.id());
			if (row.draft().supersedesId() != null) {
				this.supersededBy.put(row.draft().supersedesId(), row.id());
			}
		}

		/** The most similar row accepted earlier in this batch, if near enough. */
		@Nullable
		NearDuplicates.Match nearest(Draft draft, int[] terms, NearDuplicates nearDuplicates) {
			NearDuplicates.Match best = null;
			for (Accepted other : this.accepted) {
				if (!other.draft().status().equals(draft.status()) || other.id().equals(draft.supersedesId())) {
					continue;
				}
				NearDuplicates.Match match = nearDuplicates.match(other.id(), terms, other.signature());
				if (match != null && (best == null || match.similarity() > best.similarity())) {
					best = match;
				}
			}
			return best;
		}

	}

	/**
	 * Only an existing row that nothing supersedes yet (the head of its chain) can be
	 * superseded.
	 */
	private void checkSupersedable(Repo repo, String id, boolean targetInPath) {
		if (!this.index.containsId(repo.name(), id)) {
			throw targetInPath ? LearningNotFoundException.forId(repo.name(), id)
					: InvalidLearningException.unknownSupersededRow(id, repo.name());
		}
		String head = this.index.headOf(repo.name(), id);
		if (!head.equals(id)) {
			throw AlreadySupersededException.of(repo.name(), id, head);
		}
	}

	private void write(Repo repo, List<String> rows) {
		try {
			LearningLog.append(repo.storeFile(), rows.toArray(String[]::new));
		}
		catch (IOException ex) {
			throw StoreUnavailableException.writing(repo.name(), ex);
		}
	}

	/** Indexes the row just written; false if that failed (the next sync indexes it). */
	private boolean indexAfterWrite(Repo repo) {
		try {
			this.index.sync(repo);
			this.syncErrors.remove(repo.name());
			return true;
		}
		catch (IOException | RuntimeException ex) {
			this.syncErrors.put(repo.name(), ex.toString());
			log.warn("Row written to {} but not indexed yet; the next sync indexes it", repo.storeFile(), ex);
			return false;
		}
	}

	private void syncForWrite(Repo repo) {
		try {
			if (!this.index.isCurrent(repo)) {
				this.index.sync(repo);
			}
			this.syncErrors.remove(repo.name());
		}
		catch (IOException ex) {
			this.syncErrors.put(repo.name(), ex.toString());
			throw StoreUnavailableException.reading(repo.name(), ex);
		}
	}

	private ObjectNode toRow(Supplier<GitContext> git, Draft draft, String id, String capturedAt) {
		ObjectNode row = this.mapper.createObjectNode();
		row.put("id", id);
		row.put("captured_at", capturedAt);
		row.put("status", draft.status());
		row.put("learning", draft.learning());
		ArrayNode evidence = row.putArray("evidence");
		draft.evidence().forEach(evidence::add);
		row.put("application", draft.application());
		ObjectNode context = row.putObject("context");
		context.put("repo", (draft.contextRepo() != null) ? draft.contextRepo() : git.get().repo());
		context.put("branch", (draft.branch() != null) ? draft.branch() : git.get().branch());
		ArrayNode paths = context.putArray("paths");
		draft.paths().forEach(paths::add);
		row.put("source", draft.source());
		row.put("fingerprint", draft.fingerprint());
		if (!draft.tags().isEmpty()) {
			ArrayNode tags = row.putArray("tags");
			draft.tags().forEach(tags::add);
		}
		if (!draft.relatedIds().isEmpty()) {
			ArrayNode related = row.putArray("related_ids");
			draft.relatedIds().forEach(related::add);
		}
		if (draft.supersedesId() != null) {
			row.put("supersedes_id", draft.supersedesId());
		}
		return row;
	}

	/**
	 * Catches the index of {@code repo} up with its file if the file changed since the
	 * last sync. Reads go on from the index as it is when the file cannot be read; the
	 * failure is logged and shown in the repository's state.
	 * @param repo the repository
	 */
	public void ensureFresh(Repo repo) {
		try {
			if (this.index.isCurrent(repo)) {
				return;
			}
		}
		catch (IOException ex) {
			this.syncErrors.put(repo.name(), ex.toString());
			return;
		}
		ReentrantLock lock = lockOf(repo);
		lock.lock();
		try {
			if (!this.index.isCurrent(repo)) {
				this.index.sync(repo);
			}
			this.syncErrors.remove(repo.name());
		}
		catch (IOException | RuntimeException ex) {
			this.syncErrors.put(repo.name(), ex.toString());
			log.warn("Could not sync the index of {} with {}", repo.name(), repo.storeFile(), ex);
		}
		finally {
			lock.unlock();
		}
	}

	/** Picks up changes made to any store without the service, between requests. */
	@Scheduled(fixedDelayString = "${learnings.store.poll-interval:2s}",
			initialDelayString = "${learnings.store.poll-interval:2s}")
	void syncAll() {
		this.repositories.all().forEach(this::ensureFresh);
	}

	/**
	 * Runs {@code work} under the repository's lock, after catching its index up with the
	 * file.
	 */
	<T> T underLock(Repo repo, Supplier<T> work) {
		try {
			return locked(repo, () -> {
				syncForWrite(repo);
				return work.get();
			});
		}
		catch (IOException ex) {
			throw StoreUnavailableException.reading(repo.name(), ex);
		}
	}

	/**
	 * Appends complete lines as given, in one write forced to disk, then indexes them.
	 * Callers hold the lock.
	 */
	void appendLines(Repo repo, List<String> lines) {
		write(repo, lines);
		indexAfterWrite(repo);
	}

	/**
	 * Copies row {@code id} into the team repository as a new row whose related_ids name
	 * the original; sharing the same rule twice is a duplicate-skip.
	 */
	AppendResult share(String repoName, String id, @Nullable String attribution) {
		Repo repo = this.repositories.require(repoName);
		String team = this.properties.teamRepo();
		if (team == null || team.isBlank()) {
			throw InvalidLearningException.noTeamRepository();
		}
		Repo teamRepo = this.repositories.require(team);
		if (teamRepo.name().equals(repo.name())) {
			throw InvalidLearningException.sharingTheTeamRepository(team);
		}
		this.ensureFresh(repo);
		LearningRow row = this.views.row(repo.name(), id);
		List<String> related = new ArrayList<>();
		related.add(id);
		row.relatedIds().stream().filter((other) -> !other.equals(id)).forEach(related::add);
		Draft draft = new Draft(CanonicalFormat.normalizeLabel(row.status()), row.learning(), row.evidence(),
				row.application(), source(row.source(), attribution), row.contextRepo(), row.branch(), row.paths(),
				CanonicalFormat.normalizeTags(row.tags()), related, null,
				CanonicalFormat.fingerprint(CanonicalFormat.normalizeLabel(row.status()), row.learning()));
		return appendLocked(teamRepo, draft, false, false);
	}

	/** Runs {@code work} while holding the repository's write lock. */
	<T> T locked(Repo repo, IoWork<T> work) throws IOException {
		ReentrantLock lock = lockOf(repo);
		lock.lock();
		try {
			return work.run();
		}
		finally {
			lock.unlock();
		}
	}

	@FunctionalInterface
	interface IoWork<T> {

		T run() throws IOException;

	}

	/** The last sync failure of a repository, or null if its last sync succeeded. */
	@Nullable
	String syncError(Repo repo) {
		return this.syncErrors.get(repo.name());
	}

	private ReentrantLock lockOf(Repo repo) {
		return this.locks.computeIfAbsent(repo.name(), (name) -> new ReentrantLock());
	}

	/** An append request normalised to the store's conventions. */
	private record Draft(String status, String learning, List<String> evidence, String application, String source,
			@Nullable String contextRepo, @Nullable String branch, List<String> paths, List<String> tags,
			List<String> relatedIds, @Nullable String supersedesId, String fingerprint) {

		static Draft of(AppendRequest request, String source, @Nullable String supersedesId) {
			rejectControlCharacters("learning", request.learning());
			rejectControlCharacters("application", request.application());
			request.evidence().forEach((item) -> rejectControlCharacters("evidence", item));
			orEmpty(request.tags()).forEach((tag) -> rejectControlCharacters("tags", tag));
			rejectControlCharacters("source", source);
			if (request.context() != null) {
				orEmpty(request.context().paths()).forEach((path) -> rejectControlCharacters("context.paths", path));
			}
			String status = CanonicalFormat.normalizeLabel(request.status());
			if (!CanonicalFormat.STATUSES.contains(status)) {
				throw InvalidLearningException.unknownStatus(request.status(), status);
			}
			String learning = CanonicalFormat.collapseWhitespace(request.learning());
			List<String> tags = CanonicalFormat.normalizeTags(orEmpty(request.tags()));
			if (request.tags() != null && !request.tags().isEmpty() && tags.isEmpty()) {
				throw InvalidLearningException.blankAfterNormalising("tags");
			}
			AppendRequest.ContextInput context = request.context();
			String supersedes = (supersedesId != null && !supersedesId.isBlank()) ? supersedesId.strip() : null;
			return new Draft(status, learning, request.evidence().stream().map(String::strip).toList(),
					request.application().strip(), source, (context != null) ? context.repo() : null,
					(context != null) ? context.branch() : null,
					(context != null) ? orEmpty(context.paths()) : List.of(), tags,
					orEmpty(request.relatedIds()).stream().map(String::strip).distinct().toList(), supersedes,
					CanonicalFormat.fingerprint(status, learning));
		}

		static Draft withdrawal(String id, String reason, String source) {
			String learning = CanonicalFormat.collapseWhitespace("Withdrawn " + id + ": " + reason);
			return new Draft(CanonicalFormat.WITHDRAWN, learning, List.of(reason.strip()),
					"Leave " + id + " out of recall and memory.", source, null, null, List.of(), List.of("withdrawal"),
					List.of(), id, CanonicalFormat.fingerprint(CanonicalFormat.WITHDRAWN, learning));
		}

		private static void rejectControlCharacters(String field, @Nullable String value) {
			if (value != null && ControlCharacters.present(value)) {
				throw InvalidLearningException.controlCharacters(field);
			}
		}

		private static List<String> orEmpty(@Nullable List<String> values) {
			return (values != null) ? values : List.of();
		}

	}

}

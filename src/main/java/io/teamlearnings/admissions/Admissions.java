package io.teamlearnings.admissions;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.teamlearnings.admissions.notes.NoteDraft;
import io.teamlearnings.admissions.notes.NoteLockBusyException;
import io.teamlearnings.admissions.notes.SourceNote;
import io.teamlearnings.learnings.CanonicalLearning;
import io.teamlearnings.learnings.LearningLookup;
import io.teamlearnings.learnings.LearningSuperseded;
import io.teamlearnings.learnings.SupersessionFollower;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Admits learnings to memory through the gate and writes their memory-source notes, and
 * follows admitted learnings when they are superseded or withdrawn with a note of their
 * own. A note that cannot be written never undoes the canonical row.
 */
@Service
class Admissions implements SupersessionFollower {

	private static final Logger log = LoggerFactory.getLogger(Admissions.class);

	private final LearningLookup lookup;

	private final AdmissionGate gate;

	private final NoteFiles files;

	private final NoteIndex index;

	private final AdmissionProperties properties;

	private final Clock clock;

	private final Repositories repositories;

	Admissions(LearningLookup lookup, AdmissionGate gate, NoteFiles files, NoteIndex index,
			AdmissionProperties properties, Clock clock, Repositories repositories) {
		this.repositories = repositories;
		this.lookup = lookup;
		this.gate = gate;
		this.files = files;
		this.index = index;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Runs the gate on {@code body} and, if it admits, writes the learning-admission
	 * note: built by the service from a request, or made from the skill's input exactly
	 * as received.
	 * @throws NoteLockBusyException if the {@code memory-note} lock stays held for longer
	 * than {@code learnings.memory.lock-wait} (nothing is written)
	 */
	AdmissionResult admit(String repo, AdmissionBody body, List<AdmissionRequest.Reason> claimed, boolean dryRun) {
		AdmissionRequest request = body.request().claiming(claimed);
		Optional<CanonicalLearning> found = this.lookup.find(repo, request.learningId());
		Optional<MemoryNote> existing = this.index.latest(repo, request.learningId(), List.of(MemoryNote.ADMISSION));
		GateVerdict verdict = this.gate.evaluate(repo, request, found, existing.map(MemoryNote::id).orElse(null));
		List<String> proof = new ArrayList<>();
		found.ifPresent((row) -> proof.add(canonicalProof(row)));
		NoteDraft draft = null;
		if (body instanceof AdmissionBody.ToolInput received) {
			draft = this.files.draft(MemoryNote.ADMISSION, received.input(), this.clock.instant());
		}
		else if (found.isPresent()) {
			draft = this.files.draft(MemoryNote.ADMISSION, this.files.input(admission(found.get(), request)),
					this.clock.instant());
		}
		Map<String, Object> envelope = (draft != null) ? this.files.envelope(draft) : null;
		if (!verdict.admitted()) {
			List<GateVerdict.Check> failed = verdict.failed();
			if (existing.isPresent() && failed.size() == 1 && AdmissionGate.NOT_ADMITTED.equals(failed.get(0).name())) {
				return duplicate(existing.get(), proof, verdict, envelope);
			}
			proof.add("memory-note: not-attempted: source admission gate not met");
			failed.forEach((check) -> proof.add("  - " + check.name() + ": " + check.reason()));
			return new AdmissionResult("not-attempted", proof, null, null, verdict, envelope);
		}
		if (dryRun) {
			proof.add("memory-note: dry-run: id=" + draft.id() + " extension=" + NoteDraft.EXTENSION + " kind="
					+ MemoryNote.ADMISSION + " (nothing written)");
			return new AdmissionResult("dry-run", proof, draft.id(), this.files.file(draft).toString(), verdict,
					envelope);
		}
		String learningId = request.learningId();
		return write(draft, proof, verdict, () -> this.index.latest(repo, learningId, List.of(MemoryNote.ADMISSION)));
	}

	/**
	 * Writes {@code draft} holding the {@code memory-note} lock, unless a note with its
	 * fingerprint exists, or {@code already} finds one that makes it a duplicate (an
	 * admission another writer made since the gate looked).
	 */
	private AdmissionResult write(NoteDraft draft, List<String> proof, GateVerdict verdict,
			Supplier<Optional<MemoryNote>> already) {
		Map<String, Object> envelope = this.files.envelope(draft);
		try {
			return writeLocked(draft, proof, verdict, already, envelope);
		}
		catch (NoteLockBusyException ex) {
			throw ex;
		}
		catch (UncheckedIOException ex) {
			log.error("Could not take the memory-note lock {}", this.files.lockFile(), ex);
			proof.add("memory-note: not-attempted: the memory-note lock " + this.files.lockFile()
					+ " cannot be created (" + ex.getCause().getClass().getSimpleName() + ")");
			return new AdmissionResult("not-attempted", proof, null, null, verdict, envelope);
		}
		catch (RuntimeException ex) {
			log.error("Could not write memory note {}", draft.id(), ex);
			proof.add("memory-note: failed: " + ex.getMessage());
			return new AdmissionResult("failed", proof, null, null, verdict, envelope);
		}
	}

	private AdmissionResult writeLocked(NoteDraft draft, List<String> proof, GateVerdict verdict,
			Supplier<Optional<MemoryNote>> already, Map<String, Object> envelope) {
		return this.files.locked(() -> {
			try {
				this.index.sync();
				Optional<MemoryNote> same = this.index.byFingerprint(draft.fingerprint()).or(already);
				if (same.isPresent()) {
					return duplicate(same.get(), proof, verdict, envelope);
				}
				if (!this.files.create(draft)) {
					proof.add("memory-note: failed: " + this.files.file(draft) + " exists and is not a note");
					return new AdmissionResult("failed", proof, null, null, verdict, envelope);
				}
				this.index.sync();
				proof.add(createdProof(draft.id(), draft.kind()));
				return new AdmissionResult(AdmissionResult.CREATED, proof, draft.id(),
						this.files.file(draft).toString(), verdict, envelope);
			}
			catch (UncheckedIOException ex) {
				log.error("Could not write memory note {}", draft.id(), ex);
				proof.add("memory-note: not-attempted: the notes directory " + this.files.directory()
						+ " cannot be read or written (" + ex.getCause().getClass().getSimpleName() + ")");
				return new AdmissionResult("not-attempted", proof, null, null, verdict, envelope);
			}
		});
	}

	private static AdmissionResult duplicate(MemoryNote existing, List<String> proof, GateVerdict verdict,
			@Nullable Map<String, Object> envelope) {
		proof.add(duplicateProof(existing.fingerprint()) + " existing_id=" + existing.id());
		return new AdmissionResult("duplicate-skip", proof, existing.id(), existing.path(), verdict, envelope);
	}

	/**
	 * When an admitted learning is superseded or withdrawn, writes a
	 * {@code learning-supersession} or {@code learning-withdrawal} note that names the
	 * previous note and the new canonical row. Learnings never admitted get no note.
	 */
	@Override
	public List<String> follow(LearningSuperseded event) {
		try {
			Optional<MemoryNote> previous = this.index.latest(event.repo(), event.supersededId(),
					List.of(MemoryNote.ADMISSION, MemoryNote.CONFIRMATION, MemoryNote.SUPERSESSION));
			if (previous.isEmpty()) {
				return List.of();
			}
			CanonicalLearning old = this.lookup.find(event.repo(), event.supersededId()).orElseThrow();
			CanonicalLearning replacement = this.lookup.find(event.repo(), event.newId()).orElseThrow();
			NoteFiles.Event note = event.withdrawal() ? withdrawal(old, replacement, previous.get())
					: supersession(old, replacement, previous.get());
			NoteDraft draft = this.files.draft(note.kind(), this.files.input(note), this.clock.instant());
			return write(draft, new ArrayList<>(), new GateVerdict(true, List.of()), Optional::empty).proof();
		}
		catch (NoteLockBusyException ex) {
			log.warn("No memory note follows {}: {}", event.newId(), ex.getMessage());
			return List.of("memory-note: not-attempted: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Could not write the memory note following {}", event.newId(), ex);
			return List.of("memory-note: failed: " + ex.getMessage());
		}
	}

	private NoteFiles.Event admission(CanonicalLearning row, AdmissionRequest request) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("learning_id", row.id());
		payload.put("learning_status", row.status());
		payload.put("repo", repoName(row));
		payload.put("source_path", row.storeFile());
		payload.put("decision_delta", orEmpty(request.decisionDelta()));
		payload.put("evidence_snapshot", row.evidence());
		payload.put("future_behavior", orEmpty(request.futureBehavior()));
		payload.put("verification", orEmpty(request.verification()));
		payload.put("tags", tags(row));
		return new NoteFiles.Event(MemoryNote.ADMISSION, "assert", this.properties.authority(),
				"Admit " + row.id() + " for Phase 2 consideration.",
				(request.scope() != null) ? request.scope().toNote(repoName(row))
						: AdmissionRequest.Scope.ofPaths(List.of()).toNote(repoName(row)),
				List.of(learningRef(row, "Canonical learning row")), row.relatedIds(), null, payload);
	}

	private NoteFiles.Event supersession(CanonicalLearning old, CanonicalLearning replacement, MemoryNote previous) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("learning_id", replacement.id());
		payload.put("learning_status", replacement.status());
		payload.put("repo", repoName(replacement));
		payload.put("source_path", replacement.storeFile());
		payload.put("previous_learning_id", old.id());
		payload.put("previous_note_id", previous.id());
		payload.put("decision_delta", replacement.learning());
		payload.put("evidence_snapshot", replacement.evidence());
		payload.put("future_behavior", replacement.application());
		payload.put("verification",
				"Row " + replacement.id() + " supersedes " + old.id() + " in " + Repo.STORE_FILE_NAME);
		payload.put("tags", tags(replacement));
		return new NoteFiles.Event(MemoryNote.SUPERSESSION, "supersede", this.properties.authority(),
				"Supersede " + old.id() + " with " + replacement.id() + ".",
				AdmissionRequest.Scope.ofPaths(replacement.paths()).toNote(repoName(replacement)),
				List.of(learningRef(replacement, "Superseding canonical row"), noteRef(previous)),
				List.of(old.id(), replacement.id()), previous.id(), payload);
	}

	private NoteFiles.Event withdrawal(CanonicalLearning old, CanonicalLearning withdrawal, MemoryNote previous) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("learning_id", old.id());
		payload.put("learning_status", old.status());
		payload.put("repo", repoName(old));
		payload.put("source_path", old.storeFile());
		payload.put("withdrawal_id", withdrawal.id());
		payload.put("previous_note_id", previous.id());
		payload.put("reason", withdrawal.evidence().isEmpty() ? "" : withdrawal.evidence().get(0));
		payload.put("verification",
				"Row " + withdrawal.id() + " withdraws " + old.id() + " in " + Repo.STORE_FILE_NAME);
		payload.put("tags", tags(old));
		return new NoteFiles.Event(MemoryNote.WITHDRAWAL, "retract", this.properties.authority(),
				"Withdraw " + old.id() + " from memory.",
				AdmissionRequest.Scope.ofPaths(old.paths()).toNote(repoName(old)),
				List.of(learningRef(withdrawal, "Withdrawal canonical row"), noteRef(previous)),
				List.of(old.id(), withdrawal.id()), previous.id(), payload);
	}

	List<MemoryNote> list(String repo, @Nullable String kind, @Nullable String learningId) {
		this.repositories.require(repo);
		return this.index.list(repo, kind, learningId);
	}

	MemoryNote get(String repo, String id) {
		return note(repo, id).note();
	}

	String markdown(String repo, String id) {
		return note(repo, id).source().markdown();
	}

	private Found note(String repo, String id) {
		this.repositories.require(repo);
		if (!NoteDraft.NOTE_ID.matcher(id).matches()) {
			throw InvalidNoteIdException.of(id);
		}
		MemoryNote note = this.index.get(repo, id).orElseThrow(() -> NoteNotFoundException.of(repo, id));
		SourceNote source = this.files.read(Path.of(note.path())).orElseThrow(() -> NoteNotFoundException.of(repo, id));
		return new Found(note.withEnvelope(source.envelope()), source);
	}

	private record Found(MemoryNote note, SourceNote source) {
	}

	private static Map<String, Object> learningRef(CanonicalLearning row, String summary) {
		Map<String, Object> ref = new LinkedHashMap<>();
		ref.put("kind", "learning");
		ref.put("ref", Repo.STORE_FILE_NAME + "#" + row.id());
		ref.put("summary", summary);
		return ref;
	}

	private static Map<String, Object> noteRef(MemoryNote note) {
		Map<String, Object> ref = new LinkedHashMap<>();
		ref.put("kind", "memory-note");
		ref.put("ref", note.id());
		ref.put("summary", "Earlier " + note.kind() + " note");
		return ref;
	}

	private static List<String> tags(CanonicalLearning row) {
		LinkedHashSet<String> tags = new LinkedHashSet<>(row.tags());
		tags.add("memory-admission");
		return List.copyOf(tags);
	}

	private static String repoName(CanonicalLearning row) {
		return row.contextRepo().isEmpty() ? row.repo() : row.contextRepo();
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

	private static String canonicalProof(CanonicalLearning row) {
		return "canonical: id=" + row.id() + " status=" + row.status() + " path=" + row.storeFile();
	}

	private static String createdProof(String id, String kind) {
		return "memory-note: id=" + id + " extension=" + NoteDraft.EXTENSION + " kind=" + kind + " status=created";
	}

	private static String duplicateProof(String fingerprint) {
		return "memory-note: duplicate-skip: extension=" + NoteDraft.EXTENSION + " fingerprint=" + fingerprint;
	}

}

package io.teamlearnings.admissions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

	AdmissionResult admit(String repo, AdmissionRequest request, boolean dryRun) {
		Optional<CanonicalLearning> found = this.lookup.find(repo, request.learningId());
		Optional<MemoryNote> existing = this.index.latest(repo, request.learningId(), List.of(MemoryNote.ADMISSION));
		GateVerdict verdict = this.gate.evaluate(repo, request, found, existing.map(MemoryNote::id).orElse(null));
		List<String> proof = new ArrayList<>();
		found.ifPresent((row) -> proof.add(canonicalProof(row)));
		NoteFiles.Draft draft = found.map((row) -> this.files.draft(admission(row, request), this.clock.instant()))
			.orElse(null);
		Map<String, Object> envelope = (draft != null) ? draft.envelope() : null;
		if (!verdict.admitted()) {
			List<GateVerdict.Check> failed = verdict.failed();
			if (existing.isPresent() && failed.size() == 1 && AdmissionGate.NOT_ADMITTED.equals(failed.get(0).name())) {
				proof.add(duplicateProof(existing.get().fingerprint()) + " existing_id=" + existing.get().id());
				return new AdmissionResult("duplicate-skip", proof, existing.get().id(), existing.get().path(), verdict,
						envelope);
			}
			proof.add("memory-note: not-attempted: source admission gate not met");
			failed.forEach((check) -> proof.add("  - " + check.name() + ": " + check.reason()));
			return new AdmissionResult("not-attempted", proof, null, null, verdict, envelope);
		}
		if (dryRun) {
			proof.add("memory-note: dry-run: id=" + draft.id() + " extension=" + NoteFiles.EXTENSION + " kind="
					+ MemoryNote.ADMISSION + " (nothing written)");
			return new AdmissionResult("dry-run", proof, draft.id(), this.files.file(draft.id()).toString(), verdict,
					envelope);
		}
		return write(draft, MemoryNote.ADMISSION, proof, verdict);
	}

	private AdmissionResult write(NoteFiles.Draft draft, String kind, List<String> proof, GateVerdict verdict) {
		Optional<MemoryNote> same = this.index.byFingerprint(draft.fingerprint());
		if (same.isPresent()) {
			proof.add(duplicateProof(draft.fingerprint()) + " existing_id=" + same.get().id());
			return new AdmissionResult("duplicate-skip", proof, same.get().id(), same.get().path(), verdict,
					draft.envelope());
		}
		try {
			boolean created = this.files.create(draft);
			if (created) {
				this.index.sync();
			}
			proof.add(created ? createdProof(draft.id(), kind) : duplicateProof(draft.fingerprint()));
			return new AdmissionResult(created ? AdmissionResult.CREATED : "duplicate-skip", proof, draft.id(),
					this.files.file(draft.id()).toString(), verdict, draft.envelope());
		}
		catch (java.io.UncheckedIOException ex) {
			log.error("Could not write memory note {}", draft.id(), ex);
			proof.add("memory-note: not-attempted: the notes directory " + this.files.directory() + " is not writable ("
					+ ex.getCause().getClass().getSimpleName() + ")");
			return new AdmissionResult("not-attempted", proof, null, null, verdict, draft.envelope());
		}
		catch (RuntimeException ex) {
			log.error("Could not write memory note {}", draft.id(), ex);
			proof.add("memory-note: failed: " + ex.getMessage());
			return new AdmissionResult("failed", proof, null, null, verdict, draft.envelope());
		}
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
			String kind = event.withdrawal() ? MemoryNote.WITHDRAWAL : MemoryNote.SUPERSESSION;
			NoteFiles.Event note = event.withdrawal() ? withdrawal(old, replacement, previous.get())
					: supersession(old, replacement, previous.get());
			return write(this.files.draft(note, this.clock.instant()), kind, new ArrayList<>(),
					new GateVerdict(true, List.of()))
				.proof();
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
				scope(row, (request.scope() != null) ? request.scope() : List.of()),
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
				"Supersede " + old.id() + " with " + replacement.id() + ".", scope(replacement, replacement.paths()),
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
				"Withdraw " + old.id() + " from memory.", scope(old, old.paths()),
				List.of(learningRef(withdrawal, "Withdrawal canonical row"), noteRef(previous)),
				List.of(old.id(), withdrawal.id()), previous.id(), payload);
	}

	List<MemoryNote> list(String repo, @Nullable String kind, @Nullable String learningId) {
		this.repositories.require(repo);
		return this.index.list(repo, kind, learningId);
	}

	MemoryNote get(String repo, String id) {
		this.repositories.require(repo);
		if (!NoteFiles.NOTE_ID.matcher(id).matches()) {
			throw InvalidNoteIdException.of(id);
		}
		MemoryNote note = this.index.get(id)
			.filter((found) -> repo.equals(found.repo()))
			.orElseThrow(() -> NoteNotFoundException.of(repo, id));
		return note.withEnvelope(this.files.read(id).flatMap(this.files::envelope).orElse(Map.of()));
	}

	String markdown(String repo, String id) {
		get(repo, id);
		return this.files.read(id).orElseThrow(() -> NoteNotFoundException.of(repo, id));
	}

	private static Map<String, Object> scope(CanonicalLearning row, List<String> paths) {
		Map<String, Object> scope = new LinkedHashMap<>();
		scope.put("kind", "repo");
		scope.put("repo", repoName(row));
		scope.put("paths", paths);
		return scope;
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
		return "memory-note: id=" + id + " extension=" + NoteFiles.EXTENSION + " kind=" + kind + " status=created";
	}

	private static String duplicateProof(String fingerprint) {
		return "memory-note: duplicate-skip: extension=" + NoteFiles.EXTENSION + " fingerprint=" + fingerprint;
	}

}

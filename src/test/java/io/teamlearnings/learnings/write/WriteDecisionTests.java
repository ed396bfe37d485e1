package io.teamlearnings.learnings.write;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.teamlearnings.learnings.analysis.TermsAhead;
import io.teamlearnings.learnings.index.LearningIndex;
import io.teamlearnings.learnings.index.LearningNotFoundException;
import io.teamlearnings.learnings.quality.QualityMode;
import io.teamlearnings.learnings.recall.NearDuplicates;
import io.teamlearnings.learnings.recall.RecallSlice;
import io.teamlearnings.learnings.write.WriteDecision.Batch;
import io.teamlearnings.learnings.write.WriteDecision.Decision;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.support.LearningLines;
import io.teamlearnings.support.LearningLines.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.test.context.TestPropertySource;

import static io.teamlearnings.support.LearningLines.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The write decision against a real index of a temporary repository, with the clock
 * pinned to 2026-11-23T12:00:00Z so that new ids are known: exact and near duplicates,
 * supersession of chain heads only, and the proof lines scripts read.
 */
@JdbcTest
// the index poll would call the Repositories mock while a test stubs it (a Mockito race)
@TestPropertySource(properties = "learnings.store.poll-interval=1h")
@Import(RecallSlice.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class WriteDecisionTests {

	// Fingerprints are sha1("<status>|<learning lower-cased>"), first 16 hex characters.

	private static final String KEYS = "Rotate signing keys before cutting the release branch";

	private static final String KEYS_FINGERPRINT = "0fbb59f459916ff3";

	private static final String KEYS_ID = "lrn-20261123T120000Z-0fbb59f4";

	/** KEYS and "weekly": 7 of 8 terms shared, similarity 0.875. */
	private static final String KEYS_WEEKLY = "Rotate the signing keys before the release branch is cut weekly";

	private static final String KEYS_WEEKLY_ID = "lrn-20261123T120000Z-4b97c68f";

	private static final String NODE = "Pin the node version in CI";

	private static final String NODE_WITH_NVMRC_ID = "lrn-20261123T120000Z-4d28ca95";

	@TempDir
	Path root;

	@Autowired
	LearningIndex index;

	@Autowired
	NearDuplicates nearDuplicates;

	@Autowired
	TermsAhead ahead;

	@Autowired
	Clock clock;

	@Test
	void appendsANewRowWithAnIdFromTheClockAndTheFingerprint() throws Exception {
		Batch batch = store(row("lrn-node").learning(NODE));

		Decision decision = decide(batch, draft(KEYS, "do_more", null), false);

		assertThat(decision).isEqualTo(new Decision("appended",
				"appended: id=" + KEYS_ID + " status=do_more path=" + storeFile(), KEYS_ID, null));
		assertThat(batch.accepted()).singleElement().satisfies((accepted) -> {
			assertThat(accepted.id()).isEqualTo(KEYS_ID);
			assertThat(accepted.row().capturedAt()).isEqualTo("2026-11-23T12:00:00Z");
			assertThat(accepted.row().fingerprint()).isEqualTo(KEYS_FINGERPRINT);
			assertThat(accepted.row().supersedesId()).isNull();
		});
	}

	@Test
	void skipsAnExactDuplicateOfAnIndexedRowEvenWhenForced() throws Exception {
		Batch batch = store(row("lrn-node").learning(NODE),
				row("lrn-keys").learning(KEYS).fingerprint(KEYS_FINGERPRINT));
		String sameRuleOtherwiseWritten = "Rotate  signing keys before cutting the RELEASE branch";
		String proof = "duplicate-skip: fingerprint=" + KEYS_FINGERPRINT + " existing_id=lrn-keys path=" + storeFile();

		assertThat(decide(batch, draft(sameRuleOtherwiseWritten, "do_more", null), false))
			.isEqualTo(new Decision("duplicate-skip", proof, "lrn-keys", null));
		assertThat(decide(batch, draft(sameRuleOtherwiseWritten, "do_more", null), true))
			.isEqualTo(new Decision("duplicate-skip", proof, "lrn-keys", null));
		assertThat(batch.accepted()).isEmpty();
	}

	@Test
	void anExactDuplicateNamesTheFirstRowWithThatFingerprint() throws Exception {
		Batch batch = store(row("lrn-first").learning(KEYS).fingerprint(KEYS_FINGERPRINT),
				row("lrn-again").learning(KEYS).fingerprint(KEYS_FINGERPRINT));

		assertThat(decide(batch, draft(KEYS, "do_more", null), false).id()).isEqualTo("lrn-first");
	}

	@Test
	void skipsAnExactDuplicateOfADraftEarlierInTheSameBatch() throws Exception {
		Batch batch = store(row("lrn-node").learning(NODE));

		decide(batch, draft(KEYS, "do_more", null), false);
		Decision second = decide(batch, draft(KEYS, "do_more", null), true);

		assertThat(second).isEqualTo(new Decision("duplicate-skip",
				"duplicate-skip: fingerprint=" + KEYS_FINGERPRINT + " existing_id=" + KEYS_ID + " path=" + storeFile(),
				KEYS_ID, null));
		assertThat(batch.accepted()).extracting(WriteDecision.Accepted::id).containsExactly(KEYS_ID);
	}

	@Test
	void skipsANearDuplicateOfTheSameStatusUnlessForced() throws Exception {
		Batch batch = store(row("lrn-keys").learning(KEYS).status("do_more"));

		assertThat(decide(batch, draft(KEYS_WEEKLY, "do_more", null), false)).isEqualTo(new Decision("duplicate-skip",
				"duplicate-skip: near-duplicate similarity=0.88 existing_id=lrn-keys path=" + storeFile()
						+ " (append with force=true to keep both)",
				"lrn-keys", 0.875));
		assertThat(batch.accepted()).isEmpty();

		assertThat(decide(batch, draft(KEYS_WEEKLY, "do_more", null), true).outcome()).isEqualTo("appended");
		assertThat(batch.accepted()).extracting(WriteDecision.Accepted::id).containsExactly(KEYS_WEEKLY_ID);
	}

	@Test
	void aRowWithAnotherStatusIsNoNearDuplicate() throws Exception {
		Batch batch = store(row("lrn-keys").learning(KEYS).status("do_more"));

		Decision decision = decide(batch, draft(KEYS, "codify_now", null), false);

		assertThat(decision).isEqualTo(new Decision("appended",
				"appended: id=lrn-20261123T120000Z-e13fd5d7 status=codify_now path=" + storeFile(),
				"lrn-20261123T120000Z-e13fd5d7", null));
	}

	@Test
	void theRowBeingSupersededIsNotItsOwnNearDuplicate() throws Exception {
		Batch batch = store(row("lrn-keys").learning(KEYS));

		Decision decision = decide(batch, draft(KEYS_WEEKLY, "do_more", "lrn-keys"), false);

		assertThat(decision.outcome()).isEqualTo("appended");
		assertThat(decision.id()).isEqualTo(KEYS_WEEKLY_ID);
		assertThat(batch.accepted()).singleElement()
			.satisfies((accepted) -> assertThat(accepted.row().supersedesId()).isEqualTo("lrn-keys"));
	}

	@Test
	void skipsANearDuplicateOfADraftEarlierInTheSameBatch() throws Exception {
		Batch batch = store(row("lrn-node").learning(NODE).status("do_less"));

		decide(batch, draft(KEYS, "do_more", null), false);
		Decision near = decide(batch, draft(KEYS_WEEKLY, "do_more", null), false);
		// 0.8 similar to the indexed do_less row, but of another status
		Decision nodeWithNvmrc = decide(batch, draft("Pin the node version in CI with nvmrc", "do_more", null), false);

		assertThat(near)
			.isEqualTo(new Decision("duplicate-skip", "duplicate-skip: near-duplicate similarity=0.88 existing_id="
					+ KEYS_ID + " path=" + storeFile() + " (append with force=true to keep both)", KEYS_ID, 0.875));
		assertThat(nodeWithNvmrc.id()).isEqualTo(NODE_WITH_NVMRC_ID);
		assertThat(batch.accepted()).extracting(WriteDecision.Accepted::id)
			.containsExactly(KEYS_ID, NODE_WITH_NVMRC_ID);
	}

	@Test
	void supersedesTheHeadOfAChain() throws Exception {
		Batch batch = store(row("lrn-a").learning(NODE),
				row("lrn-b").learning("Pin node with volta").supersedes("lrn-a"));

		Decision decision = decide(batch, draft(KEYS, "do_more", "lrn-b"), false);

		assertThat(decision.proof()).isEqualTo("appended: id=" + KEYS_ID + " status=do_more path=" + storeFile());
	}

	@Test
	void refusesToSupersedeARowThatIsNoLongerTheHeadAndNamesTheHead() throws Exception {
		Batch batch = store(row("lrn-a").learning(NODE),
				row("lrn-b").learning("Pin node with volta").supersedes("lrn-a"),
				row("lrn-c").learning("Pin node with mise").supersedes("lrn-b"));

		AlreadySupersededException refused = catchThrowableOfType(AlreadySupersededException.class,
				() -> decide(batch, draft(KEYS, "do_more", "lrn-a"), false));

		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		ProblemDetail problem = refused.getBody();
		assertThat(problem.getTitle()).isEqualTo("Already superseded");
		assertThat(problem.getDetail()).isEqualTo("Row 'lrn-a' in repository 'writes' is already superseded; "
				+ "the current head of its chain is 'lrn-c'. Supersede that row instead.");
		assertThat(problem.getProperties()).containsEntry("id", "lrn-a").containsEntry("head", "lrn-c");
		assertThat(batch.accepted()).isEmpty();
	}

	@Test
	void refusesToSupersedeAWithdrawnRowAndNamesTheWithdrawal() throws Exception {
		Batch batch = store(row("lrn-a").learning(NODE), row("lrn-w").withdraws("lrn-a"));

		AlreadySupersededException refused = catchThrowableOfType(AlreadySupersededException.class,
				() -> decide(batch, Draft.withdrawal("lrn-a", "again", "test"), true));

		assertThat(refused.getBody().getProperties()).containsEntry("id", "lrn-a").containsEntry("head", "lrn-w");
	}

	@Test
	void anUnknownTargetFromThePathIsNotFound() throws Exception {
		Batch batch = store(row("lrn-a").learning(NODE));

		LearningNotFoundException missing = catchThrowableOfType(LearningNotFoundException.class,
				() -> decide(batch, draft(KEYS, "do_more", "lrn-nope"), false, true));

		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(missing.getBody().getDetail()).isEqualTo("No learning with id 'lrn-nope' in repository 'writes'.");
	}

	@Test
	void anUnknownTargetFromTheBodyIsAnInvalidSupersedesId() throws Exception {
		Batch batch = store(row("lrn-a").learning(NODE));

		InvalidLearningException invalid = catchThrowableOfType(InvalidLearningException.class,
				() -> decide(batch, draft(KEYS, "do_more", "lrn-nope"), false, false));

		assertThat(invalid.getStatusCode().value()).isEqualTo(400);
		assertThat(invalid.getBody().getDetail())
			.isEqualTo("Field 'supersedes_id' no row with id 'lrn-nope' in repository 'writes' to supersede");
		assertThat(invalid.getBody().getProperties()).containsEntry("errors", List.of(Map.of("field", "supersedes_id",
				"message", "no row with id 'lrn-nope' in repository 'writes' to supersede")));
	}

	@Test
	void refusesTheSecondOfTwoDraftsInOneBatchSupersedingTheSameRow() throws Exception {
		Batch batch = store(row("lrn-a").learning(NODE));

		Decision first = decide(batch, draft(KEYS, "do_more", "lrn-a"), false);
		AlreadySupersededException second = catchThrowableOfType(AlreadySupersededException.class,
				() -> decide(batch, draft("Pin node with volta in every repository", "do_more", "lrn-a"), false));

		assertThat(first.id()).isEqualTo(KEYS_ID);
		assertThat(second.getBody().getProperties()).containsEntry("id", "lrn-a").containsEntry("head", KEYS_ID);
		assertThat(batch.accepted()).extracting(WriteDecision.Accepted::id).containsExactly(KEYS_ID);
	}

	@Test
	void appendsAWithdrawalOfTheHeadWithStatusWithdrawn() throws Exception {
		Batch batch = store(row("lrn-keys").learning(KEYS));

		Decision decision = decide(batch, Draft.withdrawal("lrn-keys", "keys live in the vault now", "test"), true);

		// sha1("withdrawn|withdrawn lrn-keys: keys live in the vault now") = 4be54d64...
		assertThat(decision.proof())
			.isEqualTo("appended: id=lrn-20261123T120000Z-4be54d64 status=withdrawn path=" + storeFile());
	}

	/**
	 * Scripts parse the proof line, so it must not follow the JVM's locale (a German
	 * default locale writes {@code 0,88}).
	 */
	@Test
	void printsTheNearDuplicateSimilarityWithADecimalPointWhateverTheDefaultLocale() throws Exception {
		Batch batch = store(row("lrn-keys").learning(KEYS));
		Locale before = Locale.getDefault();
		Decision decision;
		try {
			Locale.setDefault(Locale.GERMANY);
			decision = decide(batch, draft(KEYS_WEEKLY, "do_more", null), false);
		}
		finally {
			Locale.setDefault(before);
		}

		assertThat(decision.proof()).startsWith("duplicate-skip: near-duplicate similarity=0.88 existing_id=lrn-keys ");
	}

	private Batch store(Line... lines) throws Exception {
		LearningLines.write(this.root, lines);
		Repo repo = new Repo("writes", this.root);
		this.index.rebuild(repo);
		return new Batch(repo);
	}

	private Path storeFile() {
		return this.root.resolve(".learnings.jsonl");
	}

	private WriteDecision decision() {
		return new WriteDecision(this.index, this.nearDuplicates, this.ahead, this.clock);
	}

	private Decision decide(Batch batch, Draft draft, boolean force) {
		return decide(batch, draft, force, false);
	}

	/** Prepares the draft as a caller does before the lock, then decides it. */
	private Decision decide(Batch batch, Draft draft, boolean force, boolean targetInPath) {
		WriteDecision decision = decision();
		return decision.decide(batch, decision.prepare(new Repo("writes", this.root), draft), force, targetInPath);
	}

	private static Draft draft(String learning, String status, String supersedes) {
		AppendRequest request = new AppendRequest(learning, List.of("seen in review"), "Apply it next time.", status,
				"test", new AppendRequest.ContextInput("acme/service", "main", List.of()), null, null, null);
		return Draft.of(request, "test", supersedes, QualityMode.STRICT);
	}

}

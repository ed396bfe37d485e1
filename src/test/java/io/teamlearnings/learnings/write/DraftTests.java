package io.teamlearnings.learnings.write;

import java.util.List;

import io.teamlearnings.learnings.quality.QualityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A request becomes the row the {@code learnings} tool would write for the same arguments
 * ({@code append_learning.zig}).
 */
class DraftTests {

	@Test
	void normalisesEveryFieldAsTheTool() {
		AppendRequest request = new AppendRequest("  When\tX,\u000B prefer\n\nY  because\fZ. ",
				List.of("  ./mvnw test\n-> passed ", " \t ", "exit 0"), "\r\nDo  Y first.\n", "  Do More / ASAP  ",
				null, null, List.of("Tooling, git", "CI,git"), List.of(" lrn-a, lrn-b", "lrn-a "), "  lrn-c\t");

		Draft draft = Draft.of(request, "skill:learnings", request.supersedesId(), QualityMode.STRICT);

		assertThat(draft.status()).isEqualTo("do_more_asap");
		assertThat(draft.learning()).isEqualTo("When X, prefer Y because Z.");
		assertThat(draft.evidence()).containsExactly("./mvnw test -> passed", "exit 0");
		assertThat(draft.application()).isEqualTo("Do Y first.");
		assertThat(draft.tags()).containsExactly("tooling", "git", "ci");
		assertThat(draft.relatedIds()).containsExactly("lrn-a", "lrn-b");
		assertThat(draft.supersedesId()).isEqualTo("lrn-c");
	}

	@Test
	void aMissingStatusIsReviewLater() {
		Draft draft = Draft.of(request("When X, prefer Y because Z.", null, null, null), "s", null, QualityMode.STRICT);

		assertThat(draft.status()).isEqualTo("review_later");
		assertThat(draft.fingerprint())
			.isEqualTo(io.teamlearnings.learnings.jsonl.CanonicalFormat.fingerprint("review_later", draft.learning()));
	}

	@Test
	void keepsAnyStatusTheToolWouldKeep() {
		assertThat(Draft
			.of(request("When X, prefer Y because Z.", "Try Next Sprint", List.of("e.txt"), "a"), "s", null,
					QualityMode.STRICT)
			.status()).isEqualTo("try_next_sprint");
	}

	@Test
	void reservesTheWithdrawnStatusForWithdrawals() {
		InvalidLearningException refused = catchThrowableOfType(InvalidLearningException.class,
				() -> Draft.of(request("When X, prefer Y because Z.", "Withdrawn", List.of("e.txt"), "a"), "s", null,
						QualityMode.BEST_EFFORT));

		assertThat(refused.getBody().getDetail()).startsWith("Field 'status' 'withdrawn' is written only by POST");
	}

	@Test
	void fillsInTheToolsPlaceholdersInBestEffortModeOnly() {
		AppendRequest bare = request("Use caches.", "do_more", List.of(" "), "  ");

		Draft bestEffort = Draft.of(bare, "s", null, QualityMode.BEST_EFFORT);
		Draft strict = Draft.of(bare, "s", null, QualityMode.STRICT);

		assertThat(bestEffort.evidence()).containsExactly("none_provided");
		assertThat(bestEffort.application()).isEqualTo("capture_follow_up_later");
		assertThat(strict.evidence()).isEmpty();
		assertThat(strict.application()).isEmpty();
	}

	@Test
	void collapsesVerticalTabsAndFormFeedsButRefusesOtherControlCharacters() {
		assertThat(Draft
			.of(request("When\u000BX, prefer\fY.", "do_more", List.of("e.txt"), "a"), "s", null, QualityMode.STRICT)
			.learning()).isEqualTo("When X, prefer Y.");

		InvalidLearningException refused = catchThrowableOfType(InvalidLearningException.class, () -> Draft
			.of(request("When X, prefer \u0007Y.", "do_more", List.of("e.txt"), "a"), "s", null, QualityMode.STRICT));
		assertThat(refused.getBody().getDetail()).isEqualTo("Field 'learning' contains control characters");
	}

	@ParameterizedTest
	@CsvSource({ "related_ids, 0001", "related_ids, d800", "context.repo, 0000", "context.branch, 0007",
			"context.branch, d800", "supersedes_id, 001b" })
	void refusesControlCharactersAndLoneSurrogatesInEveryFieldItWrites(String field, String hex) {
		String bad = "lrn-" + (char) Integer.parseInt(hex, 16) + "x";
		AppendRequest request = new AppendRequest("When X, prefer Y because Z.", List.of("e.txt"), "a", "do_more", null,
				new AppendRequest.ContextInput(field.equals("context.repo") ? bad : null,
						field.equals("context.branch") ? bad : null, null),
				null, field.equals("related_ids") ? List.of("lrn-ok", bad) : null, null);
		String supersedes = field.equals("supersedes_id") ? bad : null;

		InvalidLearningException refused = catchThrowableOfType(InvalidLearningException.class,
				() -> Draft.of(request, "s", supersedes, QualityMode.STRICT));

		assertThat(refused).as(field).isNotNull();
		assertThat(refused.getBody().getDetail()).startsWith("Field '" + field + "' contains");
	}

	@ParameterizedTest
	@CsvSource({ "reason, 0007", "reason, d800", "source, 0001", "source, dfff" })
	void refusesControlCharactersAndLoneSurrogatesInAWithdrawal(String field, String hex) {
		String bad = "bad " + (char) Integer.parseInt(hex, 16) + " text";

		InvalidLearningException refused = catchThrowableOfType(InvalidLearningException.class,
				() -> Draft.withdrawal("lrn-1", field.equals("reason") ? bad : "no longer holds",
						field.equals("source") ? bad : "skill:learnings"));

		assertThat(refused).as(field).isNotNull();
		assertThat(refused.getBody().getDetail()).startsWith("Field '" + field + "' contains");
		assertThat(Draft.withdrawal("lrn-1", "It no longer\tholds.", "skill:learnings").learning())
			.isEqualTo("Withdrawn lrn-1: It no longer holds.");
	}

	@Test
	void refusesALearningThatIsOnlyWhitespace() {
		InvalidLearningException refused = catchThrowableOfType(InvalidLearningException.class, () -> Draft
			.of(request(" \u000B\f ", "do_more", List.of("e.txt"), "a"), "s", null, QualityMode.BEST_EFFORT));

		assertThat(refused.getBody().getDetail()).isEqualTo("Field 'learning' is empty once normalised");
	}

	private static AppendRequest request(String learning, String status, List<String> evidence, String application) {
		return new AppendRequest(learning, evidence, application, status, null, null, null, null, null);
	}

}

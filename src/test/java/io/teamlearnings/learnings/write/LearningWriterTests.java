package io.teamlearnings.learnings.write;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.teamlearnings.learnings.SupersessionFollower;
import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningView;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.index.StoreProperties;
import io.teamlearnings.learnings.quality.QualityMode;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Which quality mode judges an append (the request's, else the server's), and that a
 * refused row never reaches the group commit that writes rows.
 */
class LearningWriterTests {

	private static final Path TEMPORARY_ROOT = Path.of("/tmp/learnings-writer-tests/no-such-repo");

	private static final Path DURABLE_ROOT = Path.of("/srv/learnings-writer-tests/no-such-repo");

	private static final AppendRequest WEAK = new AppendRequest("Use caches.", null, null, null, null, null, null, null,
			null);

	private static final AppendRequest GOOD = new AppendRequest("When X, prefer Y because Z.",
			List.of("./mvnw test -> passed"), "Do Y first.", "review_later", null, null, null, null, null);

	private final GroupCommit commits = mock(GroupCommit.class);

	@Test
	void judgesStrictlyByDefaultAndWritesNothingItRefuses() {
		LearningWriter writer = writer(QualityMode.STRICT, false, DURABLE_ROOT);

		QualityRefusedException refused = catchThrowableOfType(QualityRefusedException.class,
				() -> writer.append("app", WEAK, false, null, null));

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.lines()).isEqualTo("""
				quality-error: learning is too short; include a durable decision rule.
				quality-error: learning must include explicit condition + action (for example: 'When X, prefer Y ...').
				quality-error: at least one --evidence value is required in strict mode.
				quality-error: application must be concrete in strict mode.
				quality-error: use --quality-mode best_effort only for intentional exceptions.
				""");
		verifyNoInteractions(this.commits);
	}

	@Test
	void aRequestForBestEffortWritesTheRowWithTheToolsPlaceholders() {
		LearningWriter writer = writer(QualityMode.STRICT, false, DURABLE_ROOT);

		AppendResult result = writer.append("app", WEAK, false, null, QualityMode.BEST_EFFORT);

		Draft written = written();
		assertThat(written.evidence()).containsExactly("none_provided");
		assertThat(written.application()).isEqualTo("capture_follow_up_later");
		assertThat(written.status()).isEqualTo("review_later");
		assertThat(result.warnings()).isEmpty();
	}

	@Test
	void aServerInBestEffortModeWritesRowsUnjudgedUnlessARequestAsksForStrict() {
		LearningWriter writer = writer(QualityMode.BEST_EFFORT, false, TEMPORARY_ROOT);

		writer.append("app", WEAK, false, null, null);
		assertThat(written().evidence()).containsExactly("none_provided");

		QualityRefusedException refused = catchThrowableOfType(QualityRefusedException.class,
				() -> writer.supersede("app", "lrn-old", WEAK, false, null, QualityMode.STRICT));
		assertThat(refused.getBody().getProperties()).containsEntry("fields",
				List.of("repo", "learning", "evidence", "application"));
	}

	@Test
	void refusesARepositoryUnderATemporaryDirectoryUnlessTheServerAllowsIt() {
		QualityRefusedException refused = catchThrowableOfType(QualityRefusedException.class,
				() -> writer(QualityMode.STRICT, false, TEMPORARY_ROOT).append("app", GOOD, false, null, null));

		assertThat(refused.lines()).isEqualTo("quality-error: repo root is ephemeral: " + TEMPORARY_ROOT
				+ ". Use --allow-temp-path only when capture must be temporary.\n"
				+ "quality-error: use --quality-mode best_effort only for intentional exceptions.\n");
		assertThat(refused.getBody().getDetail()).contains("learnings.store.allow-temp-path=true");
		verifyNoInteractions(this.commits);

		AppendResult allowed = writer(QualityMode.STRICT, true, TEMPORARY_ROOT).append("app", GOOD, false, null, null);
		assertThat(allowed.warnings()).containsExactly(
				"quality-warning: status=review_later used; ensure this uncertainty is itself decision-shaping.");
	}

	@Test
	void judgesASupersedingRowLikeAnAppend() {
		LearningWriter writer = writer(QualityMode.STRICT, false, DURABLE_ROOT);

		assertThat(catchThrowableOfType(QualityRefusedException.class,
				() -> writer.supersede("app", "lrn-old", WEAK, false, null, null)))
			.isNotNull();
		verifyNoInteractions(this.commits);

		writer.supersede("app", "lrn-old", GOOD, false, null, null);
		assertThat(written().supersedesId()).isEqualTo("lrn-old");
	}

	private Draft written() {
		ArgumentCaptor<Draft> draft = ArgumentCaptor.forClass(Draft.class);
		verify(this.commits, org.mockito.Mockito.atLeastOnce()).append(any(), draft.capture(), anyBoolean(),
				anyBoolean());
		return draft.getValue();
	}

	@SuppressWarnings("unchecked")
	private LearningWriter writer(QualityMode mode, boolean allowTempPath, Path root) {
		Repositories repositories = mock(Repositories.class);
		given(repositories.require("app")).willReturn(new Repo("app", root));
		given(this.commits.append(eq(new Repo("app", root)), any(), anyBoolean(), anyBoolean()))
			.willReturn(new AppendResult(AppendResult.APPENDED, "appended: id=lrn-1 status=do_more path=/x", "lrn-1",
					"/x", null, new LearningView("app", 1, Map.of("id", "lrn-1"), List.of(), List.of()), null,
					List.of()));
		return new LearningWriter(
				repositories, mock(IndexSync.class), this.commits, mock(LearningViews.class), new StoreProperties(0.8,
						Duration.ofSeconds(2), "learnings-service", null, mode, allowTempPath, Duration.ofSeconds(5)),
				mock(ObjectProvider.class));
	}

}

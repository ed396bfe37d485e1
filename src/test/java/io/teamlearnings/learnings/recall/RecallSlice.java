package io.teamlearnings.learnings.recall;

import java.time.Duration;

import io.teamlearnings.learnings.index.IndexSlice;
import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.learnings.index.LearningViews;
import io.teamlearnings.learnings.semantic.EmbeddingModelChoice;
import io.teamlearnings.learnings.semantic.SemanticIndex;
import io.teamlearnings.learnings.semantic.SemanticProperties;
import io.teamlearnings.learnings.index.StoreProperties;
import io.teamlearnings.learnings.quality.QualityMode;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.support.FixedClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.mockito.Mockito.mock;

/**
 * What a {@code @JdbcTest} of recall, near-duplicates, themes or the write decision needs
 * over a real index, shared so that all of them run in one context.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ IndexSlice.class, FixedClock.class, RecallCorpus.class, NearDuplicates.class, Bm25f.class, BoostRules.class,
		LearningRecall.class, IndexSync.class })
public class RecallSlice {

	// The index slice, the in-memory corpus, scoring and recall, the documented defaults
	// of learnings.recall and learnings.store, and the clock pinned to FixedClock.NOW.
	// Repositories and LearningViews are mocks (the slice has no JPA): a test stubs
	// Repositories.require for the repository it wrote; recall hits carry no row view.

	@Bean
	RecallProperties recallProperties() {
		return RecallDefaults.properties();
	}

	@Bean
	StoreProperties storeProperties() {
		return new StoreProperties(0.8, Duration.ofSeconds(2), "learnings-service", null, QualityMode.STRICT, false,
				Duration.ofSeconds(5));
	}

	@Bean
	Repositories repositories() {
		return mock(Repositories.class);
	}

	@Bean
	LearningViews learningViews() {
		return mock(LearningViews.class);
	}

	// semantic recall off, as in every test but SemanticRecallQualityTests
	@Bean
	SemanticIndex semanticIndex() {
		return mock(SemanticIndex.class);
	}

	@Bean
	SemanticProperties semanticProperties() {
		return new SemanticProperties(false, EmbeddingModelChoice.BGE_SMALL_EN_V15_Q, 32, Duration.ofSeconds(2), 100, 5,
				1000, 0.15, null);
	}

}

package io.teamlearnings.learnings.index;

import io.teamlearnings.learnings.analysis.TermsAhead;
import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.learnings.jsonl.LineParser;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @DataJpaTest} needs to fill the index from a file: the index with its
 * line indexer and coverage, the parser and analysis (and the terms writers analyse
 * ahead), and Boot's task executor builder.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ LearningIndex.class, IndexedLines.class, IndexCoverage.class, IndexGenerations.class, LineIndexer.class,
		LineParser.class, TextAnalysis.class, TermsAhead.class })
@ImportAutoConfiguration(TaskExecutionAutoConfiguration.class)
public class IndexSlice {

}

package io.teamlearnings.learnings.recall;

import io.teamlearnings.learnings.index.IndexSync;
import io.teamlearnings.repos.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Catches every index up with its file before the service reports ready, so the first
 * request does not pay for lines appended while the service was down; then loads the
 * recall corpora in the background, so the first recall does not pay for that either
 * (about ten seconds at 100,000 rows).
 */
@Component
class StartupSync implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StartupSync.class);

	private final Repositories repositories;

	private final IndexSync sync;

	private final RecallCorpus corpus;

	private final SimpleAsyncTaskExecutor loader;

	StartupSync(Repositories repositories, IndexSync sync, RecallCorpus corpus,
			SimpleAsyncTaskExecutorBuilder executors) {
		this.repositories = repositories;
		this.sync = sync;
		this.corpus = corpus;
		this.loader = executors.threadNamePrefix("recall-corpus-loader-").build();
		this.loader.setDaemon(true);
	}

	@Override
	public void run(ApplicationArguments args) {
		this.repositories.all().forEach(this.sync::ensureFresh);
		this.loader.execute(() -> this.repositories.all().forEach((repo) -> {
			try {
				this.corpus.read(repo, (loaded) -> loaded.docs().size());
			}
			catch (RuntimeException ex) {
				log.warn("Could not load the recall corpus of {} ahead of time; the first recall will", repo.name(),
						ex);
			}
		}));
	}

}

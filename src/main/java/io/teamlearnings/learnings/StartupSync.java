package io.teamlearnings.learnings;

import io.teamlearnings.repos.Repositories;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Catches every index up with its file before the service reports ready, so the first
 * request does not pay for lines appended while the service was down.
 */
@Component
class StartupSync implements ApplicationRunner {

	private final Repositories repositories;

	private final LearningStore store;

	StartupSync(Repositories repositories, LearningStore store) {
		this.repositories = repositories;
		this.store = store;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.repositories.all().forEach(this.store::ensureFresh);
	}

}

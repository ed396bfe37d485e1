package io.teamlearnings.learnings;

import java.util.Map;

import io.teamlearnings.security.Caller;
import io.teamlearnings.security.Role;
import io.teamlearnings.support.SharedServiceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What other modules see of the learnings: the related learnings a lesson signal shows
 * come only from repositories its caller may read.
 */
class LearningLookupTests extends SharedServiceContext {

	private static final String QUERY = "launchd automation runner";

	@Autowired
	LearningLookup lookup;

	@AfterEach
	void forgetTheCaller() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void recallsAcrossOnlyTheRepositoriesTheCallerMayRead() {
		assertThat(this.lookup.recallAcross(QUERY, 50)).extracting(LearningLookup.Recalled::repo)
			.contains("fixture-dotfiles", "fixture-shared");

		callAs(new Caller("shared-only", Map.of("fixture-shared", Role.READER), false));
		assertThat(this.lookup.recallAcross(QUERY, 50)).isNotEmpty()
			.extracting(LearningLookup.Recalled::repo)
			.containsOnly("fixture-shared");

		callAs(new Caller("elsewhere", Map.of("retired", Role.WRITER), false));
		assertThat(this.lookup.recallAcross(QUERY, 50)).isEmpty();
	}

	private static void callAs(Caller caller) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, java.util.List.of()));
	}

}

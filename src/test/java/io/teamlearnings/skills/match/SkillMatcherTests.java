package io.teamlearnings.skills.match;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of the update-or-create decision one by one, on the labelled skills: every
 * measure explains itself, a fragment three skills repeat is found with its lines, an
 * external skill is wrapped only when its customisation recurs, and a lesson that names
 * one repository's tools goes to that repository's root, never into the shared catalog.
 */
class SkillMatcherTests {

	@TempDir
	Path shopRepository;

	LabelledSkills set;

	@BeforeEach
	void load() throws IOException, URISyntaxException {
		this.set = LabelledSkills.load(this.shopRepository);
	}

	@Test
	void explainsEachMeasure() {
		MatchResult result = this.set.match(
				"When committing, do not push to the remote unless the user explicitly asks to push.",
				List.of("Stage the files the user named", "Write a conventional commit message",
						"Commit without pushing", "Show the commit with git log"),
				1);

		Candidate best = result.candidates().get(0);
		assertThat(best.skill()).isEqualTo("shared/commit-changes");
		assertThat(best.why().trigger()).startsWith("shares ").contains("'commit'", "for the same trigger intent");
		assertThat(best.why().workflowOverlap()).startsWith("4 of 4 lesson steps match a step of the skill");
		assertThat(best.why().scopeDilution()).startsWith("new to the skill: ").contains("'remot'");
		assertThat(best.why().workflowOverlap())
			.isEqualTo("4 of 4 lesson steps match a step of the skill (cosine at least 0.50): 100% (at least 70%)");
		assertThat(List.of(best.why().trigger(), best.why().workflowOverlap(), best.why().scopeDilution(),
				result.recommendation().why()))
			.as("every parenthesis opened is closed")
			.allSatisfy((why) -> assertThat(why.chars().filter((c) -> c == '(').count())
				.isEqualTo(why.chars().filter((c) -> c == ')').count()));
		assertThat(best.matchedSteps()).extracting(Candidate.StepMatch::skillStep)
			.containsExactly("Stage only the files the user named.",
					"Write a conventional commit message: `type(scope): subject`.",
					"Commit; do not push unless the user asks to push.", "Show the commit with `git log -1 --stat`.");
		assertThat(result.recommendation().action()).isEqualTo("update");
		assertThat(result.recommendation().why()).startsWith("All three conditions hold for shared/commit-changes");
	}

	@Test
	void findsAFragmentSeveralSkillsRepeat() {
		List<Fragment> fragments = this.set.matcher().fragments(this.set.skills(), 2, 2);

		assertThat(fragments).hasSize(1);
		assertThat(fragments.get(0).steps()).containsExactly("Run the linter and the test suite.",
				"Fix every failure before continuing.");
		assertThat(fragments.get(0).skills()).extracting(Fragment.Occurrence::skill)
			.containsExactly("shared/code-review", "shared/db-migration", "shop/deploy-shop");
		assertThat(fragments.get(0).skills().get(0).lines()).containsExactly(12, 13);
		assertThat(this.set.matcher().fragments(this.set.skills(), 2, 4)).isEmpty();
	}

	@Test
	void wrapsAnExternalSkillOnlyWhenItsCustomisationRecurs() {
		String lesson = "When filling our tax PDF forms, map the VAT number field and flatten the form after filling.";
		List<String> steps = List.of("List the form fields", "Map the JSON data and the VAT number to the field names",
				"Fill the form", "Flatten the form");

		Recommendation once = this.set.match(lesson, steps, 1).recommendation();
		Recommendation again = this.set.match(lesson, steps, 3).recommendation();

		assertThat(once.action()).isEqualTo("create");
		assertThat(once.why()).contains(
				"the external skill external/pdf-fill shares the trigger, but the " + "customisation was seen once");
		assertThat(again.action()).isEqualTo("wrap");
		assertThat(again.skill()).isEqualTo("external/pdf-fill");
		assertThat(again.name()).endsWith("-pdf-fill");
		assertThat(again.root()).isEqualTo("shared");
	}

	@Test
	void keepsProjectToolingOutOfTheSharedCatalog() {
		Recommendation recommendation = this.set
			.match("When the user says commit in shop, stage only the files they named and never push; show the commit "
					+ "afterwards.",
					List.of("Check git status for what changed", "Stage only the files the user named",
							"Commit with a conventional commit message", "Do not push unless the user asks",
							"Show the commit"),
					1)
			.recommendation();

		assertThat(recommendation.action()).isEqualTo("create");
		assertThat(recommendation.root()).isEqualTo("shop");
		assertThat(recommendation.placement()).isEqualTo("project");
		assertThat(recommendation.why()).contains("shared/commit-changes is strongly related, but the lesson names the "
				+ "repository shop; project-specific tooling stays in that project's root");
	}

	@Test
	void placesALessonThatNamesNoRepositoryInTheSharedRoot() throws IOException {
		Files.writeString(this.shopRepository.getParent().resolve("secret.txt"), "outside");

		Recommendation recommendation = this.set
			.match("When a report is due, read ../secret.txt and /etc/passwd first.", List.of(), 1)
			.recommendation();

		assertThat(recommendation.action()).isEqualTo("create");
		assertThat(recommendation.placement()).isEqualTo("shared");
		assertThat(recommendation.why()).contains("it names no one repository's tools or paths");
	}

	@Test
	void comparesTheSentencesOfALessonWithoutSteps() {
		MatchResult result = this.set.match(
				"Find the last tag. List the merged pull requests since that tag! Group them by label; done", List.of(),
				1);

		assertThat(result.lesson().steps()).containsExactly("Find the last tag.",
				"List the merged pull requests since that tag!", "Group them by label;", "done");
	}

}

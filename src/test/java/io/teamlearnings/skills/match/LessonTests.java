package io.teamlearnings.skills.match;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson without steps is compared by its sentences, as many as a request may give
 * steps and no more, so a long text costs what fifty steps cost.
 */
class LessonTests {

	@Test
	void splitsItsTextIntoSentencesAtTheirEndsAndAtLineBreaks() {
		Lesson lesson = new Lesson("Run the tests first. Then commit!  Ask before pushing?\nNever force;  tag it",
				List.of(), "lesson", null, List.of(), 1);

		assertThat(lesson.workflow()).containsExactly("Run the tests first.", "Then commit!", "Ask before pushing?",
				"Never force;", "tag it");
	}

	@Test
	void keepsTheFirstFiftySentencesOfALongText() {
		String text = IntStream.rangeClosed(1, 5000)
			.mapToObj((n) -> "Step number " + n + ".")
			.collect(Collectors.joining(" "));

		List<String> workflow = new Lesson(text, List.of(), "lesson", null, List.of(), 1).workflow();

		assertThat(workflow).hasSize(Lesson.MAX_STEPS).startsWith("Step number 1.").endsWith("Step number 50.");
	}

	@Test
	void givenStepsComeAsGiven() {
		assertThat(new Lesson("One. Two.", List.of("only"), "lesson", null, List.of(), 1).workflow())
			.containsExactly("only");
	}

}

package io.teamlearnings.skills.catalog;

import io.teamlearnings.skills.validation.QuickValidate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headings are ATX headings of the body; workflow steps are the list items below a
 * heading, with their nesting depth and line, never inside a fenced block or before the
 * first heading.
 */
class OutlineTests {

	private static final String SKILL_MD = """
			---
			name: release-notes
			description: Drafts release notes.
			---
			- not a step: no heading above it

			# Release Notes

			## Workflow

			1. Collect merged pull requests since the last tag.
			2. Group them by label:
			   - features
			   - fixes
			3) Write the draft.

			```sh
			- not a step: inside a fence
			# not a heading
			```

			### Checks ###
			* Run `make docs`.
			+ Ask for review.

			* * *
			""";

	@Test
	void findsHeadingsWithTheirLevelAndLine() {
		Outline outline = Outline.of(QuickValidate.check(SKILL_MD));

		assertThat(outline.headings()).containsExactly(new Heading(1, "Release Notes", 7),
				new Heading(2, "Workflow", 9), new Heading(3, "Checks", 22));
	}

	@Test
	void findsListItemsBelowHeadingsAsSteps() {
		Outline outline = Outline.of(QuickValidate.check(SKILL_MD));

		assertThat(outline.steps()).containsExactly(
				new Step("Workflow", "Collect merged pull requests since the last tag.", 11, true, 0),
				new Step("Workflow", "Group them by label:", 12, true, 0),
				new Step("Workflow", "features", 13, false, 1), new Step("Workflow", "fixes", 14, false, 1),
				new Step("Workflow", "Write the draft.", 15, true, 0),
				new Step("Checks", "Run `make docs`.", 23, false, 0),
				new Step("Checks", "Ask for review.", 24, false, 0));
	}

	@Test
	void countsLinesOfACrLfFileAsAnEditorDoes() {
		Outline outline = Outline
			.of(QuickValidate.check("---\r\nname: a\r\ndescription: b\r\n---\r\n# A\r\n- one\r\n"));

		assertThat(outline.headings()).containsExactly(new Heading(1, "A", 5));
		assertThat(outline.steps()).containsExactly(new Step("A", "one", 6, false, 0));
	}

	@Test
	void readsTheWholeTextWhenThereIsNoFrontMatter() {
		Outline outline = Outline.of(QuickValidate.check("# Title\n1. first\n"));

		assertThat(outline.steps()).containsExactly(new Step("Title", "first", 2, true, 0));
	}

}

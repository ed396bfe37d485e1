package io.teamlearnings.skills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.teamlearnings.learnings.CanonicalLearning;
import io.teamlearnings.learnings.LearningLookup;
import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.security.SecurityConfiguration;
import io.teamlearnings.security.TokenRegistry;
import io.teamlearnings.skills.catalog.RootKind;
import io.teamlearnings.skills.catalog.SkillCatalog;
import io.teamlearnings.skills.catalog.SkillRoot;
import io.teamlearnings.skills.catalog.SkillRoots;
import io.teamlearnings.skills.match.MatchSettings;
import io.teamlearnings.skills.match.SkillMatcher;
import io.teamlearnings.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The skills web layer over real skill roots in a temporary directory: validation answers
 * the script's message for one skill and its PASS/FAIL lines and summary for several, and
 * refuses a path outside the roots before reading anything.
 */
@WebMvcTest(SkillsController.class)
@Import({ SecurityConfiguration.class, Skills.class, SkillsControllerTests.Roots.class })
class SkillsControllerTests {

	static final Path HOME = TestStores.newDirectory("skills-web");

	static final Path CODEX = HOME.resolve("codex");

	static final Path DRAFTS = HOME.resolve("drafts");

	static final Path OPS = HOME.resolve("ops");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	TokenRegistry tokens;

	@MockitoBean
	Repositories repositories;

	@MockitoBean
	LearningLookup learnings;

	@TestConfiguration(proxyBeanMethods = false)
	static class Roots {

		@Bean
		SkillRoots skillRoots() {
			skill("release-notes", "---\nname: release-notes\ndescription: Drafts release notes.\n---\n# Notes\n"
					+ "1. Collect merged pull requests.\n");
			skill("deploy", "---\nname: deploy\n---\n");
			for (String name : List.of("backup", "restore")) {
				write(OPS.resolve(name),
						"---\nname: " + name + "\ndescription: Does " + name + ".\n---\n# " + name
								+ "\n1. Stop the database service.\n2. Take a snapshot of the data volume.\n3. Do the "
								+ name + ".\n");
			}
			return new SkillRoots(List.of(new SkillRoot("codex", CODEX, RootKind.SHARED, null),
					new SkillRoot("drafts", DRAFTS, RootKind.SHARED, null),
					new SkillRoot("ops", OPS, RootKind.SHARED, null)));
		}

		@Bean
		SkillCatalog skillCatalog(SkillRoots roots) {
			return new SkillCatalog(roots);
		}

		@Bean
		SkillMatcher skillMatcher() {
			return new SkillMatcher(new TextAnalysis()::terms, MatchSettings.DEFAULTS);
		}

	}

	static void skill(String name, String skillMd) {
		write(CODEX.resolve(name), skillMd);
	}

	static void write(Path skill, String skillMd) {
		try {
			Files.createDirectories(skill);
			Files.writeString(skill.resolve("SKILL.md"), skillMd);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Skills created by a test are removed, so every test sees the same skills. */
	@AfterEach
	void removeCreatedSkills() throws IOException {
		TestStores.deleteRecursively(DRAFTS);
	}

	@Test
	void listsTheSkillsOfEveryRootWithTheirVerdict() {
		MvcTestResult result = this.mvc.get().uri("/api/skills?root=codex").exchange();

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.skills[*].name").isEqualTo(List.of("deploy", "release-notes"));
		assertThat(result).bodyJson().extractingPath("$.skills[0].root").isEqualTo("codex");
		assertThat(result).bodyJson().extractingPath("$.skills[0].root_kind").isEqualTo("shared");
		assertThat(result).bodyJson().extractingPath("$.skills[0].valid").isEqualTo(false);
		assertThat(result).bodyJson().extractingPath("$.skills[1].description").isEqualTo("Drafts release notes.");
		assertThat(result).bodyJson().extractingPath("$.skills[1].message").isEqualTo("Skill is valid!");
		assertThat(result).bodyJson().extractingPath("$.skipped").asArray().isEmpty();
	}

	@Test
	void filtersTheInventoryByNameAndVerdict() {
		assertThat(this.mvc.get().uri("/api/skills?name=RELEASE&root=codex").exchange()).bodyJson()
			.extractingPath("$.skills[*].name")
			.isEqualTo(List.of("release-notes"));
		assertThat(this.mvc.get().uri("/api/skills?valid=false&root=codex").exchange()).bodyJson()
			.extractingPath("$.skills[*].name")
			.isEqualTo(List.of("deploy"));
		assertThat(this.mvc.get().uri("/api/skills?repository=app").exchange()).bodyJson()
			.extractingPath("$.skills")
			.asArray()
			.isEmpty();
		assertThat(this.mvc.get().uri("/api/skills?root=nowhere").exchange()).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unknown skill root");
	}

	@Test
	void listsTheFragmentsSkillsRepeat() {
		MvcTestResult result = this.mvc.get().uri("/api/skills/fragments?root=ops").exchange();

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson()
			.extractingPath("$[0].steps")
			.isEqualTo(List.of("Stop the database service.", "Take a snapshot of the data volume."));
		assertThat(result).bodyJson()
			.extractingPath("$[0].skills[*].skill")
			.isEqualTo(List.of("ops/backup", "ops/restore"));
		assertThat(result).bodyJson().extractingPath("$[0].skills[0].lines").isEqualTo(List.of(6, 7));
		assertThat(this.mvc.get().uri("/api/skills/fragments?min_skills=1").exchange())
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void answersOneSkillWithFrontMatterHeadingsAndSteps() {
		MvcTestResult result = this.mvc.get().uri("/api/skills/codex/release-notes").exchange();

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.skill.name").isEqualTo("release-notes");
		assertThat(result).bodyJson().extractingPath("$.front_matter.description").isEqualTo("Drafts release notes.");
		assertThat(result).bodyJson().extractingPath("$.headings[0].text").isEqualTo("Notes");
		assertThat(result).bodyJson().extractingPath("$.steps[0].text").isEqualTo("Collect merged pull requests.");
		assertThat(result).bodyJson().extractingPath("$.steps[0].section").isEqualTo("Notes");
	}

	@Test
	void answersUnknownSkillForAMissingOne() {
		assertThat(this.mvc.get().uri("/api/skills/codex/missing").exchange()).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unknown skill");
	}

	@Test
	void createsASkillAndNamesItInLocation() {
		MvcTestResult result = create(
				"{\"name\": \"Weekly Report\", \"root\": \"drafts\", \"resources\": [\"references\"], "
						+ "\"description\": \"Writes the weekly report. Use on Fridays.\"}");

		assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/skills/drafts/weekly-report");
		assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("weekly-report");
		assertThat(result).bodyJson().extractingPath("$.normalized_from").isEqualTo("Weekly Report");
		assertThat(result).bodyJson()
			.extractingPath("$.files")
			.isEqualTo(List.of("SKILL.md", "agents/", "agents/openai.yaml", "references/"));
		assertThat(result).bodyJson().extractingPath("$.validation.valid").isEqualTo(true);
		assertThat(result).bodyJson().extractingPath("$.validation.message").isEqualTo("Skill is valid!");
		assertThat(DRAFTS.resolve("weekly-report/references")).isDirectory();
	}

	@Test
	void refusesANullResourceOrInterfaceValueNamingTheField() {
		MvcTestResult resource = create("{\"name\": \"null-resource\", \"root\": \"drafts\", \"resources\": [null]}");
		MvcTestResult display = create(
				"{\"name\": \"null-display\", \"root\": \"drafts\", \"interface\": {\"display_name\": null}}");

		assertThat(resource).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("resources[0]");
		assertThat(display).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("interface.display_name");
		assertThat(DRAFTS.resolve("null-resource")).doesNotExist();
		assertThat(DRAFTS.resolve("null-display")).doesNotExist();
	}

	@Test
	void refusesToCreateOverAnExistingSkill() {
		MvcTestResult result = create("{\"name\": \"deploy\", \"root\": \"codex\"}");

		assertThat(result).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Skill exists");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Skill directory already exists: " + CODEX.resolve("deploy"));
	}

	@Test
	void refusesToCreateInARootThatIsNotConfigured() {
		MvcTestResult result = create("{\"name\": \"x\", \"root\": \"../codex\"}");

		assertThat(result).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unknown skill root");
		assertThat(HOME.resolve("x")).doesNotExist();
		assertThat(CODEX.resolve("x")).doesNotExist();
	}

	@Test
	void matchesALessonAgainstTheSkills() {
		MvcTestResult result = match("{\"lesson\": \"When drafting release notes, group merged pull requests by "
				+ "label.\", \"steps\": [\"Collect merged pull requests\"]}");

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.lesson.source").isEqualTo("lesson");
		assertThat(result).bodyJson().extractingPath("$.candidates[0].skill").isEqualTo("codex/release-notes");
		assertThat(result).bodyJson().extractingPath("$.candidates[0].workflow_overlap").isEqualTo(1.0);
		assertThat(result).bodyJson().extractingPath("$.candidates[0].why.trigger").asString().startsWith("shares ");
		assertThat(result).bodyJson().extractingPath("$.recommendation.action").isEqualTo("update");
		assertThat(result).bodyJson().extractingPath("$.recommendation.skill").isEqualTo("codex/release-notes");
		assertThat(result).bodyJson()
			.extractingPath("$.recommendation.why")
			.asString()
			.startsWith("All three conditions hold for codex/release-notes");
	}

	@Test
	void matchesALearningWithItsThemeAsRecurrence() {
		given(this.learnings.find("default", "lrn-1")).willReturn(Optional.of(new CanonicalLearning("default", "lrn-1",
				"2026-01-01T00:00:00Z", "do_more", "When a weekly report is due, collect closed issues.",
				List.of("report sent"), "Group them by milestone.", List.of(), List.of(), "o/r", List.of(), "lrn-1",
				false, List.of("lrn-1", "lrn-2", "lrn-3"), "/r/.learnings.jsonl")));

		MvcTestResult result = match("{\"learning\": {\"repo\": \"default\", \"id\": \"lrn-1\"}}");

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.lesson.source").isEqualTo("learning default/lrn-1");
		assertThat(result).bodyJson().extractingPath("$.lesson.occurrences").isEqualTo(3);
		assertThat(result).bodyJson()
			.extractingPath("$.lesson.text")
			.isEqualTo("When a weekly report is due, collect closed issues. Group them by milestone.");
		assertThat(result).bodyJson().extractingPath("$.recommendation.action").isEqualTo("create");
		assertThat(result).bodyJson().extractingPath("$.recommendation.root").isEqualTo("codex");
	}

	@Test
	void matchesASignalAsListed() {
		MvcTestResult result = match("{\"signal\": {\"kind\": \"correction\", \"score\": 3.5, \"session_id\": "
				+ "\"0199a213\", \"evidence\": [\"[ASSISTANT] Pushed.\", \"[USER] no, do not push\"], "
				+ "\"related_learnings\": []}}");

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.lesson.source").isEqualTo("signal correction 0199a213");
	}

	@Test
	void refusesAMatchWithoutExactlyOneLesson() {
		assertThat(match("{\"lesson\": \"x\", \"learning\": {\"repo\": \"default\", \"id\": \"lrn-1\"}}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(match("{\"steps\": [\"x\"]}")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void answersUnknownLearningForAMissingOne() {
		given(this.learnings.find("default", "lrn-9")).willReturn(Optional.empty());

		assertThat(match("{\"learning\": {\"repo\": \"default\", \"id\": \"lrn-9\"}}")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unknown learning");
	}

	private MvcTestResult match(String json) {
		return this.mvc.post()
			.uri("/api/skills/match")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	@Test
	void answersTheScriptsMessageForOneSkill() {
		MvcTestResult result = validate("{\"paths\": [\"codex/release-notes\"]}", MediaType.TEXT_PLAIN);

		assertThat(result).hasStatus(HttpStatus.OK).hasBodyTextEqualTo("Skill is valid!\n");
	}

	@Test
	void answersALineEachAndTheSummaryForSeveral() {
		MvcTestResult result = validate("{\"paths\": [\"codex/release-notes\", \"" + CODEX.resolve("deploy")
				+ "\", \"codex/missing\"], \"uploads\": [{\"name\": \"draft\", \"content\": \"# no front matter\"}]}",
				MediaType.TEXT_PLAIN);

		assertThat(result).hasStatus(HttpStatus.OK)
			.hasBodyTextEqualTo("PASS\t" + CODEX.resolve("release-notes") + "\tSkill is valid!\n" + "FAIL\t"
					+ CODEX.resolve("deploy") + "\tMissing 'description' in frontmatter\n" + "FAIL\t"
					+ CODEX.resolve("missing") + "\tSKILL.md not found\n"
					+ "FAIL\tupload:draft\tNo YAML frontmatter found\n" + "Summary: 1/4 skills valid; 3 failed.\n");
	}

	@Test
	void answersTheReportAsJson() {
		MvcTestResult result = validate("{\"paths\": [\"codex/release-notes\", \"codex/deploy\"]}",
				MediaType.APPLICATION_JSON);

		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.summary.total").isEqualTo(2);
		assertThat(result).bodyJson().extractingPath("$.summary.passed").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.summary.failed").isEqualTo(1);
		assertThat(result).bodyJson().extractingPath("$.results[0].root").isEqualTo("codex");
		assertThat(result).bodyJson().extractingPath("$.results[0].name").isEqualTo("release-notes");
		assertThat(result).bodyJson().extractingPath("$.results[0].valid").isEqualTo(true);
		assertThat(result).bodyJson()
			.extractingPath("$.results[1].message")
			.isEqualTo("Missing 'description' in frontmatter");
		assertThat(result).bodyJson().extractingPath("$.results[1].resolved_path").asString().endsWith("/deploy");
	}

	@Test
	void refusesAPathOutsideTheRootsBeforeReadingAny() {
		MvcTestResult result = validate("{\"paths\": [\"codex/release-notes\", \"/etc\"]}", MediaType.TEXT_PLAIN);

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Path outside the skill roots");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("paths[1]");
	}

	@Test
	void refusesARequestThatNamesNoSkill() {
		assertThat(validate("{\"paths\": []}", MediaType.APPLICATION_JSON)).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void validatesAnUploadedSkillFileAsItsBytes() {
		MvcTestResult crlf = this.mvc.post()
			.uri("/api/skills/validate")
			.contentType(MediaType.parseMediaType("text/markdown"))
			.accept(MediaType.TEXT_PLAIN)
			.content(
					"---\r\nname: crlf\r\ndescription: Written on Windows.\r\n---\r\n".getBytes(StandardCharsets.UTF_8))
			.exchange();
		MvcTestResult latin1 = this.mvc.post()
			.uri("/api/skills/validate")
			.contentType(MediaType.parseMediaType("text/markdown"))
			.accept(MediaType.TEXT_PLAIN)
			.content(new byte[] { '-', '-', '-', '\n', (byte) 0xE9, '\n' })
			.exchange();

		assertThat(crlf).hasStatus(HttpStatus.OK).hasBodyTextEqualTo("Skill is valid!\n");
		assertThat(latin1).hasBodyTextEqualTo(
				"Could not read SKILL.md: 'utf-8' codec can't decode byte 0xe9 in position 4: invalid continuation byte\n");
	}

	@Test
	void saysAnEmptyUploadIsMissingWithoutCallingItJson() {
		MvcTestResult empty = this.mvc.post()
			.uri("/api/skills/validate")
			.contentType(MediaType.parseMediaType("text/markdown; charset=utf-8"))
			.content(new byte[0])
			.exchange();

		assertThat(empty).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The request body is missing or cannot be read as text/markdown.");
	}

	private MvcTestResult create(String json) {
		return this.mvc.post().uri("/api/skills").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private MvcTestResult validate(String json, MediaType accept) {
		return this.mvc.post()
			.uri("/api/skills/validate")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(accept)
			.content(json)
			.exchange();
	}

}

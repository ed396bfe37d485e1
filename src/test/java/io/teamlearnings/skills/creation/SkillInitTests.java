package io.teamlearnings.skills.creation;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.teamlearnings.skills.catalog.RootKind;
import io.teamlearnings.skills.catalog.SkillRoot;
import io.teamlearnings.skills.validation.QuickValidate;
import io.teamlearnings.skills.validation.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Creation as skill-creator's {@code init_skill.py} (1734b3ed): the tree it makes, byte
 * for byte (compared with {@code src/test/resources/skills/init-expected}, which the
 * script itself wrote), its name normalisation and limits with its messages, never over
 * an existing directory, and nothing written outside the root for a name or root that
 * tries to leave it.
 */
class SkillInitTests {

	@TempDir
	Path home;

	SkillRoot codex;

	@BeforeEach
	void root() {
		this.codex = new SkillRoot("codex", this.home.resolve("codex"), RootKind.SHARED, null);
	}

	@Test
	void createsTheScriptsTreeWithExamples() throws IOException, URISyntaxException {
		CreatedSkill created = SkillInit.create(request("My GitHub PR helper",
				List.of("scripts", "references", "assets", "scripts"), true, null, Map.of()));

		assertThat(created.name()).isEqualTo("my-github-pr-helper");
		assertThat(created.normalizedFrom()).isEqualTo("My GitHub PR helper");
		assertThat(created.files()).containsExactly("SKILL.md", "agents/", "agents/openai.yaml", "scripts/",
				"scripts/example.py", "references/", "references/api_reference.md", "assets/",
				"assets/example_asset.txt");
		assertThat(created.validation()).isEqualTo(new Verdict(true, "Skill is valid!"));
		assertSameTree(this.codex.path().resolve("my-github-pr-helper"), expected("my-github-pr-helper"));
		assertThat(PosixFilePermissions.toString(
				Files.getPosixFilePermissions(this.codex.path().resolve("my-github-pr-helper/scripts/example.py"))))
			.isEqualTo("rwxr-xr-x");
	}

	@Test
	void createsTheScriptsTreeWithoutResources() throws IOException, URISyntaxException {
		CreatedSkill created = SkillInit.create(request("release-notes", List.of(), false, null, Map.of()));

		assertThat(created.normalizedFrom()).isNull();
		assertThat(created.files()).containsExactly("SKILL.md", "agents/", "agents/openai.yaml");
		assertThat(created.path()).isEqualTo(this.codex.path().resolve("release-notes").toString());
		assertSameTree(this.codex.path().resolve("release-notes"), expected("release-notes"));
	}

	@Test
	void writesTheDescriptionGivenQuoted() throws IOException {
		CreatedSkill created = SkillInit.create(request("notes", List.of(), false,
				"  Drafts \"release\" notes. Use when a release is cut.\n", Map.of()));

		assertThat(Files.readString(this.codex.path().resolve("notes/SKILL.md")))
			.startsWith("---\nname: notes\ndescription: \"Drafts \\\"release\\\" notes. Use when a release is cut.\"\n"
					+ "---\n\n# Notes\n");
		assertThat(created.validation().valid()).isTrue();
	}

	@Test
	void readsBackADescriptionWithYamlLineBreaksAsGiven() throws IOException {
		String given = "Drafts notes.\nLine two\u0085then NEL, \u2028LS and \u2029PS.";

		CreatedSkill created = SkillInit.create(request("breaks", List.of(), false, given, Map.of()));

		assertThat(created.validation().valid()).isTrue();
		assertThat(QuickValidate.read(this.codex.path().resolve("breaks"), "breaks").frontMatter())
			.containsEntry("description", given);
	}

	@Test
	void refusesADirectoryThatExistsAndLeavesItAlone() throws IOException {
		Path existing = Files.createDirectories(this.codex.path().resolve("release-notes"));
		Files.writeString(existing.resolve("SKILL.md"), "mine");

		SkillExistsException refusal = catchThrowableOfType(SkillExistsException.class,
				() -> SkillInit.create(request("Release Notes", List.of("scripts"), false, null, Map.of())));

		assertThat(refusal.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refusal.getBody().getDetail()).isEqualTo("Skill directory already exists: " + existing);
		assertThat(Files.readString(existing.resolve("SKILL.md"))).isEqualTo("mine");
		assertThat(existing.resolve("scripts")).doesNotExist();
	}

	@Test
	void refusesADanglingLinkOfTheSameName() throws IOException {
		Files.createDirectories(this.codex.path());
		Files.createSymbolicLink(this.codex.path().resolve("notes"), this.home.resolve("nowhere"));

		assertThat(catchThrowableOfType(SkillExistsException.class,
				() -> SkillInit.create(request("notes", List.of(), false, null, Map.of()))))
			.isNotNull();
		assertThat(this.home.resolve("nowhere")).doesNotExist();
	}

	@Test
	void refusesWhatTheScriptRefusesWithItsMessages() {
		assertThat(refusal("--- !!! ---", List.of(), false))
			.isEqualTo("Skill name must include at least one letter or digit.");
		assertThat(refusal("a".repeat(65), List.of(), false))
			.isEqualTo("Skill name '" + "a".repeat(65) + "' is too long (65 characters). Maximum is 64 characters.");
		assertThat(refusal("notes", List.of("scripts", "tests", "docs"), false))
			.isEqualTo("Unknown resource type(s): docs, tests. Allowed: assets, references, scripts");
		assertThat(refusal("notes", List.of(), true)).isEqualTo("examples requires resources to be set.");
		assertThat(this.codex.path()).doesNotExist();
	}

	@Test
	void normalisesAsTheScript() {
		assertThat(SkillInit.normalizedName("  Deploy_To   PROD!  ")).isEqualTo("deploy-to-prod");
		assertThat(SkillInit.normalizedName("Café Crème")).isEqualTo("caf-cr-me");
		assertThat(SkillInit.normalizedName("a".repeat(64))).hasSize(64);
		assertThat(SkillInit.title("gh-pr-review")).isEqualTo("Gh Pr Review");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../escape", "/etc/cron.d/evil", "a/b", "a\\b", "..", "x\0y" })
	void refusesANameThatIsAPathAndWritesNothing(String name) throws IOException {
		Path outside = Files.createDirectories(this.home.resolve("outside"));

		InitRefusedException refusal = catchThrowableOfType(InitRefusedException.class,
				() -> SkillInit.create(request(name, List.of(), false, null, Map.of())));

		assertThat(refusal.getBody().getTitle()).isEqualTo("Skill not created");
		assertThat(this.codex.path()).doesNotExist();
		try (Stream<Path> written = Files.walk(this.home)) {
			assertThat(written).containsExactlyInAnyOrder(this.home, outside);
		}
	}

	@Test
	void refusesARootThatLinksOutOfTheRepositoryAndCreatesNothingThere() throws IOException {
		Path repo = Files.createDirectories(this.home.resolve("repo"));
		Path elsewhere = Files.createDirectories(this.home.resolve("elsewhere"));
		Files.createSymbolicLink(repo.resolve(".codex"), elsewhere);
		SkillRoot project = new SkillRoot("app", repo.resolve(".codex/skills"), RootKind.PROJECT, "app", repo);

		InitRefusedException refusal = catchThrowableOfType(InitRefusedException.class,
				() -> SkillInit.create(new InitRequest("notes", project, List.of(), false, null, Map.of())));

		assertThat(refusal.getBody().getDetail()).contains("leads out of")
			.isEqualTo("The skill root 'app' leads out of " + repo + " through a link; nothing is created there.");
		assertThat(elsewhere.resolve("skills/notes")).doesNotExist();
		try (Stream<Path> outside = Files.list(elsewhere)) {
			assertThat(outside).isEmpty();
		}
	}

	@Test
	void refusesAnUnpairedSurrogateNamingTheFieldBeforeWriting() {
		assertThat(surrogateRefusal("notes", "\ud800", Map.of())).isEqualTo("description");
		assertThat(surrogateRefusal("notes\udc00", null, Map.of())).isEqualTo("name");
		assertThat(surrogateRefusal("notes", null, Map.of("display_name", "Notes \ud83d")))
			.isEqualTo("interface.display_name");
		assertThat(this.codex.path().resolve("notes")).doesNotExist();

		CreatedSkill paired = SkillInit
			.create(request("notes", List.of(), false, "Keeps notes \ud83d\udcdd. Use always.", Map.of()));
		assertThat(paired.validation().valid()).isTrue();
	}

	private Object surrogateRefusal(String name, String description, Map<String, String> overrides) {
		InitRefusedException refusal = catchThrowableOfType(InitRefusedException.class,
				() -> SkillInit.create(request(name, List.of(), false, description, overrides)));
		assertThat(refusal.getBody().getDetail()).startsWith("Text cannot contain an unpaired UTF-16 surrogate");
		return ((List<?>) refusal.getBody().getProperties().get("errors")).stream()
			.map((error) -> ((Map<?, ?>) error).get("field"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void createsAProjectRootsMissingDirectories() {
		Path repo = this.home.resolve("repo");
		SkillRoot project = new SkillRoot("app", repo.resolve(".codex/skills"), RootKind.PROJECT, "app", repo);

		CreatedSkill created = SkillInit.create(new InitRequest("notes", project, List.of(), false, null, Map.of()));

		assertThat(created.repository()).isEqualTo("app");
		assertThat(repo.resolve(".codex/skills/notes/SKILL.md")).isRegularFile();
	}

	@Test
	void createsNothingInAnExternalRoot() {
		SkillRoot system = new SkillRoot("system", this.home.resolve("system"), RootKind.EXTERNAL, null);

		assertThat(catchThrowableOfType(InitRefusedException.class,
				() -> SkillInit.create(new InitRequest("notes", system, List.of(), false, null, Map.of())))
			.getBody()
			.getDetail()).contains("is external");
		assertThat(system.path()).doesNotExist();
	}

	@Test
	void refusesADescriptionTheValidatorWouldRefuse() {
		assertThat(catchThrowableOfType(InitRefusedException.class,
				() -> SkillInit.create(request("notes", List.of(), false, "Use <this>", Map.of())))
			.getBody()
			.getDetail()).isEqualTo("Description cannot contain angle brackets (< or >)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0007", "0009", "000d", "0086", "009f", "fffe", "ffff" })
	void refusesCharactersPyYamlCannotReadBeforeWritingAnything(String hex) {
		String text = "Drafts notes" + (char) Integer.parseInt(hex, 16) + " here.";

		InitRefusedException description = catchThrowableOfType(InitRefusedException.class,
				() -> SkillInit.create(request("notes", List.of(), false, text, Map.of())));
		InitRefusedException value = catchThrowableOfType(InitRefusedException.class,
				() -> SkillInit.create(request("notes", List.of(), false, null, Map.of("short_description", text))));

		assertThat(description.getBody().getDetail())
			.isEqualTo("Description cannot contain control or non-printable characters.");
		assertThat(value.getBody().getDetail())
			.isEqualTo("Interface values cannot contain control or non-printable characters.");
		assertThat(this.codex.path().resolve("notes")).doesNotExist();
	}

	@Test
	void writesInterfaceOverridesInTheScriptsOrder() throws IOException {
		Map<String, String> overrides = new LinkedHashMap<>();
		overrides.put("default_prompt", " Use $notes to draft notes. ");
		overrides.put("short_description", "Draft release notes from merged PRs");
		overrides.put("brand_color", "#123456");

		SkillInit.create(request("notes", List.of(), false, null, overrides));

		assertThat(Files.readString(this.codex.path().resolve("notes/agents/openai.yaml")))
			.isEqualTo("interface:\n  display_name: \"Notes\"\n  short_description: \"Draft release notes from merged "
					+ "PRs\"\n  default_prompt: \"Use $notes to draft notes.\"\n  brand_color: \"#123456\"\n");
	}

	@Test
	void refusesInterfaceFieldsAsTheScript() {
		assertThat(catchThrowableOfType(InitRefusedException.class,
				() -> SkillInit.create(request("notes", List.of(), false, null, Map.of("color", "red"))))
			.getBody()
			.getDetail())
			.isEqualTo("Unknown interface field 'color'. Allowed: brand_color, default_prompt, "
					+ "display_name, icon_large, icon_small, short_description");
		assertThat(catchThrowableOfType(InitRefusedException.class,
				() -> SkillInit
					.create(request("notes", List.of(), false, null, Map.of("short_description", "Too short"))))
			.getBody()
			.getDetail()).isEqualTo("short_description must be 25-64 characters (got 9).");
		assertThat(this.codex.path().resolve("notes")).doesNotExist();
	}

	@Test
	void namesTheInterfaceAsTheScript() {
		assertThat(OpenAiYaml.displayName("openai-docs")).isEqualTo("OpenAI Docs");
		assertThat(OpenAiYaml.displayName("gh-and-ci-to-up-with")).isEqualTo("GH and CI to up with");
		assertThat(OpenAiYaml.displayName("with-and")).isEqualTo("With and");
		assertThat(OpenAiYaml.displayName("sqlite-2-fastapi")).isEqualTo("SQLite 2 FastAPI");
		assertThat(OpenAiYaml.shortDescription("OpenAI Docs")).isEqualTo("Help with OpenAI Docs tasks");
		assertThat(OpenAiYaml.shortDescription("PDF")).isEqualTo("Help with PDF tasks and workflows");
		assertThat(OpenAiYaml.shortDescription("X" + "x".repeat(63))).isEqualTo("X" + "x".repeat(56) + " helper");
		assertThat(OpenAiYaml.shortDescription("Aaaa Bbbb Cccc Dddd Eeee Ffff Gggg Hhhh Iiii Jjjj Kkkk Llll Mmmm"))
			.isEqualTo("Aaaa Bbbb Cccc Dddd Eeee Ffff Gggg Hhhh Iiii Jjjj Kkkk Ll helper");
	}

	private String refusal(String name, List<String> resources, boolean examples) {
		ErrorResponseException refusal = catchThrowableOfType(InitRefusedException.class,
				() -> SkillInit.create(request(name, resources, examples, null, Map.of())));
		assertThat(refusal.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		return refusal.getBody().getDetail();
	}

	private InitRequest request(String name, List<String> resources, boolean examples, String description,
			Map<String, String> overrides) {
		return new InitRequest(name, this.codex, resources, examples, description, overrides);
	}

	private static Path expected(String name) throws URISyntaxException {
		return Path.of(SkillInitTests.class.getResource("/skills/init-expected/" + name).toURI());
	}

	private static void assertSameTree(Path actual, Path expected) throws IOException {
		try (Stream<Path> files = Files.walk(expected)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path relative = expected.relativize(file);
				assertThat(Files.readString(actual.resolve(relative))).as(relative.toString())
					.isEqualTo(Files.readString(file));
			}
		}
		try (Stream<Path> files = Files.walk(actual)) {
			assertThat(files.filter(Files::isRegularFile).map(actual::relativize).map(Path::toString).sorted())
				.as("no other files")
				.containsExactlyElementsOf(expectedFiles(expected));
		}
	}

	private static List<String> expectedFiles(Path expected) throws IOException {
		try (Stream<Path> files = Files.walk(expected)) {
			return files.filter(Files::isRegularFile).map(expected::relativize).map(Path::toString).sorted().toList();
		}
	}

}

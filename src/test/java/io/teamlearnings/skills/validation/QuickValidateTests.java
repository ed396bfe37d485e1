package io.teamlearnings.skills.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of skill-creator's {@code quick_validate.py} (b56cbed4), with its exact
 * message. The cases are {@code src/test/resources/skills/quick-validate-cases.json}:
 * each a {@code SKILL.md} and what the script printed for it (python3 3.11, PyYAML
 * 6.0.3); where the script crashes instead ({@code script} says with what), the message
 * is the service's, documented in the README.
 */
class QuickValidateTests {

	@TempDir
	Path skills;

	record Case(String name, byte[] skillMd, String layout, boolean valid, String message) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Case> cases() throws IOException {
		try (InputStream in = QuickValidateTests.class.getResourceAsStream("/skills/quick-validate-cases.json")) {
			JsonNode cases = JsonMapper.builder().build().readTree(in);
			return cases.valueStream().map((node) -> {
				byte[] content = null;
				if (node.has("skill_md")) {
					content = node.get("skill_md").asString().getBytes(StandardCharsets.UTF_8);
				}
				else if (node.has("skill_md_base64")) {
					content = Base64.getDecoder().decode(node.get("skill_md_base64").asString());
				}
				return new Case(node.get("case").asString(), content, node.path("layout").asString(""),
						node.get("valid").asBoolean(), node.get("message").asString());
			}).toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answersAsTheScript(Case rule) throws IOException {
		Path dir = Files.createDirectories(this.skills.resolve(rule.name()));
		if (rule.skillMd() != null) {
			Files.write(dir.resolve("SKILL.md"), rule.skillMd());
		}
		else if (rule.layout().equals("SKILL.md is a directory")) {
			Files.createDirectory(dir.resolve("SKILL.md"));
		}

		Verdict verdict = QuickValidate.read(dir, rule.name()).verdict();

		assertThat(verdict.message()).isEqualTo(rule.message());
		assertThat(verdict.valid()).isEqualTo(rule.valid());
	}

	/**
	 * A float in PyYAML needs a dot and an exponent a sign; SnakeYAML's YAML 1.1 pattern
	 * took {@code 1e3} for a float. Messages as the script printed them (python3 3.11,
	 * PyYAML 6.0.3).
	 */
	@ParameterizedTest(name = "name: {0}")
	@CsvSource(delimiter = '|',
			value = { "1e3|Skill is valid!",
					"1.5e3|Name '1.5e3' should be hyphen-case (lowercase letters, digits, and hyphens only)",
					"._5|Name '._5' should be hyphen-case (lowercase letters, digits, and hyphens only)",
					"1.5|Name must be a string, got float", "1.5e+3|Name must be a string, got float" })
	void readsNumbersAsPyYamlDoes(String name, String message) {
		assertThat(QuickValidate.check("---\nname: " + name + "\ndescription: ok\n---\n").verdict().message())
			.isEqualTo(message);
	}

	@Test
	void coversEveryRuleTheIssueNames() throws IOException {
		List<String> names = cases().map(Case::name).toList();
		assertThat(names).contains("valid", "missing", "nofm", "crlf", "badyaml", "list", "unexpected", "missing-name",
				"missing-desc", "upper", "lead", "trail", "double", "long", "angle", "longdesc", "int-name");
	}

	@Test
	void readsAnUploadAsItsFile() {
		SkillFile file = QuickValidate.check("---\r\nname: my-skill\r\ndescription: Does X.\r\n---\r\n# My Skill\r\n");

		assertThat(file.verdict()).isEqualTo(new Verdict(true, "Skill is valid!"));
		assertThat(file.declaredName()).isEqualTo("my-skill");
		assertThat(file.description()).isEqualTo("Does X.");
		assertThat(file.body()).isEqualTo("# My Skill\n");
	}

	@Test
	void sortsUnexpectedKeysByCodePointAsPythonDoes() {
		assertThat(QuickValidate.byCodePoints("\uD83D\uDE00", "\uFF21")).as("U+1F600 sorts after U+FF21").isPositive();
		assertThat(QuickValidate.byCodePoints("ab", "abc")).isNegative();
	}

}

package io.teamlearnings.skills.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A request names a skill as {@code <root>/<name>} or by an absolute path inside a root,
 * and nothing else reaches the disk: {@code ..}, a path under no root, an unknown root, a
 * NUL, and a skill directory or {@code SKILL.md} that links out of its root are refused.
 */
class SkillRootsTests {

	@TempDir
	Path home;

	Path codex;

	Path system;

	Path outside;

	SkillRoots roots;

	@BeforeEach
	void roots() throws IOException {
		this.codex = Files.createDirectories(this.home.resolve("codex"));
		this.system = Files.createDirectories(this.codex.resolve(".system"));
		this.outside = Files.createDirectories(this.home.resolve("outside/secret-skill"));
		Files.writeString(this.outside.resolve("SKILL.md"), "---\nname: secret-skill\ndescription: private\n---\n");
		this.roots = new SkillRoots(List.of(new SkillRoot("codex", this.codex, RootKind.SHARED, null),
				new SkillRoot("system", this.system, RootKind.EXTERNAL, null)));
	}

	@Test
	void findsASkillByRootAndName() {
		assertThat(this.roots.locate("codex/release-notes", "paths[0]"))
			.isEqualTo(new Located(this.roots.require("codex"), "release-notes", this.codex.resolve("release-notes")));
	}

	@Test
	void findsASkillByItsAbsolutePathInTheDeepestRoot() {
		assertThat(this.roots.locate(this.system.resolve("skill-creator") + "/", "paths[0]")).isEqualTo(
				new Located(this.roots.require("system"), "skill-creator", this.system.resolve("skill-creator")));
	}

	@Test
	void refusesDotDot() {
		assertThat(refusal("codex/../outside/secret-skill")).contains("has a '..' segment");
		assertThat(refusal(this.codex + "/../outside/secret-skill")).contains("has a '..' segment");
		assertThat(refusal("codex/..")).contains("has a '..' segment");
	}

	@Test
	void refusesAnAbsolutePathUnderNoRoot() {
		assertThat(refusal(this.outside.toString())).contains("is not under a skill root");
		assertThat(refusal("/etc")).contains("is not under a skill root");
		assertThat(refusal(this.codex.toString())).as("the root itself is no skill")
			.contains("is not under a skill root");
	}

	@Test
	void refusesWhatIsNeitherForm() {
		assertThat(refusal("release-notes")).contains("is neither <root>/<name>");
		assertThat(refusal("nowhere/release-notes")).contains("is neither <root>/<name>");
		assertThat(refusal("codex/a/b")).contains("is neither <root>/<name>");
		assertThat(refusal("codex/a\0b")).contains("has a NUL or a backslash");
		assertThat(refusal("codex\\a")).contains("has a NUL or a backslash");
	}

	@Test
	void refusesASkillDirectoryThatLinksOutOfItsRoot() throws IOException {
		Files.createSymbolicLink(this.codex.resolve("linked"), this.outside);

		assertThat(refusal("codex/linked")).contains("leads out of its skill root through a link");
		assertThat(refusal(this.codex.resolve("linked").toString()))
			.contains("leads out of its skill root through a link");
	}

	@Test
	void refusesASkillFileThatLinksOutOfItsRoot() throws IOException {
		Path skill = Files.createDirectories(this.codex.resolve("borrowed"));
		Files.createSymbolicLink(skill.resolve("SKILL.md"), this.outside.resolve("SKILL.md"));

		assertThat(refusal("codex/borrowed")).contains("leads out of its skill root through a link");
	}

	@Test
	void refusesEverySkillOfARootThatLinksOutOfItsRepository() throws IOException {
		Path repo = Files.createDirectories(this.home.resolve("repo"));
		Files.createSymbolicLink(repo.resolve(".codex"), this.outside.getParent());
		Files.createDirectories(this.outside.getParent().resolve("skills/secret"));
		Files.writeString(this.outside.getParent().resolve("skills/secret/SKILL.md"),
				"---\nname: secret\ndescription: private\n---\n");
		SkillRoots roots = new SkillRoots(
				List.of(new SkillRoot("app", repo.resolve(".codex/skills"), RootKind.PROJECT, "app", repo)));

		String expected = "its skill root 'app' leads out of " + repo + " through a link";
		assertThat(catchThrowableOfType(RefusedSkillPathException.class, () -> roots.locate("app/secret", "paths[0]"))
			.getBody()
			.getDetail()).contains(expected);
		assertThat(catchThrowableOfType(RefusedSkillPathException.class,
				() -> roots.locate(repo.resolve(".codex/skills/secret").toString(), "paths[0]"))
			.getBody()
			.getDetail()).contains(expected);
		assertThat(catchThrowableOfType(RefusedSkillPathException.class, () -> roots.skill("app", "secret")).getBody()
			.getDetail()).contains(expected);
	}

	@Test
	void followsALinkThatStaysInsideItsRoot() throws IOException {
		Path real = Files.createDirectories(this.codex.resolve("real"));
		Files.createSymbolicLink(this.codex.resolve("alias"), real);

		assertThat(this.roots.locate("codex/alias", "paths[0]").dir()).isEqualTo(this.codex.resolve("alias"));
	}

	@Test
	void refusesANameThatIsNotOneDirectoryName() {
		assertThat(catchThrowableOfType(RefusedSkillPathException.class, () -> this.roots.skill("codex", "..")))
			.isNotNull();
		assertThat(
				catchThrowableOfType(UnknownSkillRootException.class, () -> this.roots.skill("nowhere", "x")).getBody()
					.getTitle())
			.isEqualTo("Unknown skill root");
	}

	private String refusal(String requested) {
		ProblemDetail problem = catchThrowableOfType(RefusedSkillPathException.class,
				() -> this.roots.locate(requested, "paths[0]"))
			.getBody();
		assertThat(problem.getTitle()).isEqualTo("Path outside the skill roots");
		return problem.getDetail();
	}

}

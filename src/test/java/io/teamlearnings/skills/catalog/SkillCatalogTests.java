package io.teamlearnings.skills.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The inventory reads each directory of a root that holds a {@code SKILL.md}, by name,
 * with its resources, size, last change and verdict; it skips hidden directories and
 * lists what links out of its root as skipped, unread.
 */
class SkillCatalogTests {

	@TempDir
	Path home;

	SkillRoot codex;

	SkillCatalog catalog;

	@BeforeEach
	void roots() {
		this.codex = new SkillRoot("codex", this.home.resolve("codex"), RootKind.SHARED, null);
		SkillRoot missing = new SkillRoot("missing", this.home.resolve("missing"), RootKind.SHARED, null);
		this.catalog = new SkillCatalog(new SkillRoots(List.of(this.codex, missing)));
	}

	@Test
	void listsEachDirectoryWithASkillFileByName() throws IOException {
		write("zeta/SKILL.md", "---\nname: zeta\ndescription: Last.\n---\n");
		write("alpha/SKILL.md", "---\nname: alpha\n---\n");
		write("notes/README.md", "not a skill");
		write(".system/skill-creator/SKILL.md", "---\nname: skill-creator\ndescription: System.\n---\n");
		write("loose-file.md", "not a skill");

		SkillCatalog.Scan scan = this.catalog.scan(List.of(this.codex));

		assertThat(scan.skills()).extracting(Skill::name).containsExactly("alpha", "zeta");
		assertThat(scan.skills().get(0).file().verdict().message()).isEqualTo("Missing 'description' in frontmatter");
		assertThat(scan.skipped()).isEmpty();
	}

	@Test
	void summarisesResourcesSizeAndLastChange() throws IOException {
		write("deploy/SKILL.md", "---\nname: deploy\ndescription: Deploys.\n---\n");
		write("deploy/scripts/run.sh", "#!/bin/sh\n");
		write("deploy/agents/openai.yaml", "interface: {}\n");
		Files.createDirectories(this.codex.path().resolve("deploy/assets"));
		Instant changed = Instant.parse("2026-03-01T10:00:00Z");
		Files.setLastModifiedTime(this.codex.path().resolve("deploy/scripts/run.sh"), FileTime.from(changed));
		for (String path : List.of("deploy", "deploy/SKILL.md", "deploy/scripts", "deploy/agents",
				"deploy/agents/openai.yaml", "deploy/assets")) {
			Files.setLastModifiedTime(this.codex.path().resolve(path),
					FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
		}

		SkillSummary summary = SkillCatalog.summary(this.catalog.scan(List.of(this.codex)).skills().get(0));

		assertThat(summary.resources()).containsExactly("scripts", "assets", "agents/openai.yaml");
		assertThat(summary.sizeBytes()).isEqualTo(43 + 10 + 14);
		assertThat(summary.lastModified()).isEqualTo(changed);
		assertThat(summary.valid()).isTrue();
		assertThat(summary.rootKind()).isEqualTo(RootKind.SHARED);
		assertThat(summary.declaredName()).isEqualTo("deploy");
		assertThat(summary.description()).isEqualTo("Deploys.");
	}

	@Test
	void skipsWhatLinksOutOfItsRootUnread() throws IOException {
		Path outside = Files.createDirectories(this.home.resolve("outside/private"));
		Files.writeString(outside.resolve("SKILL.md"), "---\nname: private\ndescription: Secret.\n---\n");
		Files.createDirectories(this.codex.path());
		Files.createSymbolicLink(this.codex.path().resolve("private"), outside);

		SkillCatalog.Scan scan = this.catalog.scan(List.of(this.codex));

		assertThat(scan.skills()).isEmpty();
		assertThat(scan.skipped()).containsExactly(new Inventory.Skipped("codex",
				this.codex.path().resolve("private").toString(), "it or its SKILL.md links out of the skill root"));
	}

	@Test
	void skipsARootThatLinksOutOfItsRepositoryUnread() throws IOException {
		Path repo = Files.createDirectories(this.home.resolve("repo"));
		Path outside = Files.createDirectories(this.home.resolve("outside/skills/private"));
		Files.writeString(outside.resolve("SKILL.md"), "---\nname: private\ndescription: Secret.\n---\n");
		Files.createSymbolicLink(repo.resolve(".codex"), this.home.resolve("outside"));
		SkillRoot project = new SkillRoot("app", repo.resolve(".codex/skills"), RootKind.PROJECT, "app", repo);

		SkillCatalog.Scan scan = new SkillCatalog(new SkillRoots(List.of(project))).scan(List.of(project));

		assertThat(scan.skills()).isEmpty();
		assertThat(scan.skipped()).containsExactly(new Inventory.Skipped("app", project.path().toString(),
				"its skill root 'app' leads out of " + repo + " through a link; none of its skills is read"));
	}

	@Test
	void hasNoSkillsInARootThatDoesNotExist() {
		assertThat(this.catalog.scan(new SkillRoots(List.of(this.codex)).all()).skills()).isEmpty();
	}

	@Test
	void answersUnknownSkillForADirectoryWithoutSkillFile() throws IOException {
		write("notes/README.md", "not a skill");
		SkillRoots roots = new SkillRoots(List.of(this.codex));

		SkillNotFoundException missing = catchThrowableOfType(SkillNotFoundException.class,
				() -> this.catalog.read(roots.skill("codex", "notes")));

		assertThat(missing.getBody().getTitle()).isEqualTo("Unknown skill");
	}

	@Test
	void detailsTheFrontMatterAsJson() throws IOException {
		write("dated/SKILL.md", "---\nname: dated\ndescription: Has metadata.\nmetadata:\n  since: 2026-01-02\n"
				+ "  tags: [a, b]\n---\n# Dated\n- step\n");

		SkillDetail detail = SkillCatalog.detail(this.catalog.scan(List.of(this.codex)).skills().get(0));

		assertThat(detail.frontMatter()).containsEntry("name", "dated")
			.containsEntry("metadata", java.util.Map.of("since", "2026-01-02", "tags", List.of("a", "b")));
		assertThat(detail.headings()).containsExactly(new Heading(1, "Dated", 8));
		assertThat(detail.steps()).containsExactly(new Step("Dated", "step", 9, false, 0));
	}

	private void write(String relative, String text) throws IOException {
		Path file = this.codex.path().resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

}

package io.teamlearnings.skills.catalog;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.teamlearnings.skills.validation.QuickValidate;
import io.teamlearnings.skills.validation.SkillFile;

/**
 * Reads the skills of the roots: each direct subdirectory of a root that holds a
 * {@code SKILL.md} is a skill, by name; hidden directories ({@code .system}) are not
 * walked (configure one as a root of its own to list its skills). A directory that links
 * out of its root, or whose {@code SKILL.md} does, is not read and is listed as skipped;
 * so is a root whose directory leads out of its boundary through a link. A root whose
 * directory does not exist has no skills.
 */
public final class SkillCatalog {

	private static final List<String> RESOURCE_DIRECTORIES = List.of("scripts", "references", "assets");

	private static final String OPENAI_YAML = "agents/openai.yaml";

	private final SkillRoots roots;

	/**
	 * @param roots the roots to read
	 */
	public SkillCatalog(SkillRoots roots) {
		this.roots = roots;
	}

	/**
	 * The skills of some roots.
	 *
	 * @param skills the skills read, root by root, by name
	 * @param skipped what was not read, and why
	 */
	public record Scan(List<Skill> skills, List<Inventory.Skipped> skipped) {

	}

	/**
	 * @param which the roots to read, in order
	 * @return their skills
	 */
	public Scan scan(List<SkillRoot> which) {
		List<Skill> skills = new ArrayList<>();
		List<Inventory.Skipped> skipped = new ArrayList<>();
		for (SkillRoot root : which) {
			if (!SkillRoots.staysInBoundary(root)) {
				skipped.add(new Inventory.Skipped(root.name(), root.path().toString(),
						SkillRoots.leadsOutReason(root) + "; none of its skills is read"));
				continue;
			}
			for (Path dir : children(root.path())) {
				if (!Files.isDirectory(dir) || !Files.exists(dir.resolve("SKILL.md"))) {
					continue;
				}
				String name = dir.getFileName().toString();
				try {
					skills.add(read(this.roots.skill(root.name(), name)));
				}
				catch (RefusedSkillPathException ex) {
					skipped.add(new Inventory.Skipped(root.name(), dir.toString(),
							"it or its SKILL.md links out of the skill root"));
				}
			}
		}
		return new Scan(skills, skipped);
	}

	/**
	 * @param located a skill directory a request named
	 * @return the skill
	 * @throws SkillNotFoundException if the directory holds no {@code SKILL.md}
	 */
	public Skill read(Located located) {
		if (!Files.isDirectory(located.dir()) || !Files.exists(located.dir().resolve("SKILL.md"))) {
			throw new SkillNotFoundException(located.root().name(), located.name());
		}
		SkillFile file = QuickValidate.read(located.dir(), located.dir().toString());
		return new Skill(located.root(), located.name(), located.dir(), file, Outline.of(file));
	}

	/**
	 * @param skill a skill
	 * @return what the inventory says of it
	 */
	public static SkillSummary summary(Skill skill) {
		List<String> resources = new ArrayList<>();
		for (String directory : RESOURCE_DIRECTORIES) {
			if (Files.isDirectory(skill.dir().resolve(directory))) {
				resources.add(directory);
			}
		}
		if (Files.isRegularFile(skill.dir().resolve(OPENAI_YAML))) {
			resources.add(OPENAI_YAML);
		}
		Tree tree = Tree.of(skill.dir());
		return new SkillSummary(skill.root().name(), skill.root().kind(), skill.root().repository(), skill.name(),
				skill.file().declaredName(), skill.file().description(), skill.dir().toString(), resources,
				tree.bytes(), tree.lastModified(), skill.file().verdict().valid(), skill.file().verdict().message());
	}

	/**
	 * @param skill a skill
	 * @return its summary with its front matter, headings and steps
	 */
	public static SkillDetail detail(Skill skill) {
		return new SkillDetail(summary(skill), skill.file().frontMatterJson(), skill.outline().headings(),
				skill.outline().steps());
	}

	private static List<Path> children(Path root) {
		List<Path> children = new ArrayList<>();
		if (!Files.isDirectory(root)) {
			return children;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(root,
				(entry) -> !entry.getFileName().toString().startsWith("."))) {
			entries.forEach(children::add);
		}
		catch (IOException ex) {
			return children;
		}
		children.sort(null);
		return children;
	}

	/**
	 * The size of a directory tree's regular files and its latest change, links not
	 * followed.
	 */
	private record Tree(long bytes, Instant lastModified) {

		static Tree of(Path dir) {
			long[] bytes = { 0 };
			Instant[] latest = { Instant.EPOCH };
			try {
				Files.walkFileTree(dir.toRealPath(), new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult preVisitDirectory(Path path, BasicFileAttributes attributes) {
						note(attributes);
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) {
						note(attributes);
						if (attributes.isRegularFile()) {
							bytes[0] += attributes.size();
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path path, IOException ex) {
						return FileVisitResult.CONTINUE;
					}

					private void note(BasicFileAttributes attributes) {
						Instant modified = attributes.lastModifiedTime().toInstant();
						if (modified.isAfter(latest[0])) {
							latest[0] = modified;
						}
					}

				});
			}
			catch (IOException ex) {
				return new Tree(bytes[0], latest[0]);
			}
			return new Tree(bytes[0], latest[0]);
		}

	}

}

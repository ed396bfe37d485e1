package io.teamlearnings.skills.match;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.teamlearnings.learnings.analysis.TextAnalysis;
import io.teamlearnings.skills.catalog.RootKind;
import io.teamlearnings.skills.catalog.Skill;
import io.teamlearnings.skills.catalog.SkillCatalog;
import io.teamlearnings.skills.catalog.SkillRoot;
import io.teamlearnings.skills.catalog.SkillRoots;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled skills of {@code src/test/resources/skills/match}: the roots
 * {@code shared}, {@code shop} (the project root of the repository {@code shop}, whose
 * root is given and gets a {@code bin/deploy}) and {@code external}, their skills, where
 * new skills go, and the labelled lessons.
 *
 * @param skills the skills, root by root
 * @param placement the repository {@code shop} and the shared root
 * @param matcher a matcher with the project's text analysis and the default thresholds
 */
record LabelledSkills(List<Skill> skills, Placement placement, SkillMatcher matcher) {

	static LabelledSkills load(Path shopRepository) throws IOException, URISyntaxException {
		Path set = Path.of(LabelledSkills.class.getResource("/skills/match").toURI());
		SkillRoot shared = new SkillRoot("shared", set.resolve("shared"), RootKind.SHARED, null);
		SkillRoot shop = new SkillRoot("shop", set.resolve("shop"), RootKind.PROJECT, "shop");
		SkillRoot external = new SkillRoot("external", set.resolve("external"), RootKind.EXTERNAL, null);
		List<SkillRoot> roots = List.of(shared, shop, external);
		List<Skill> skills = new SkillCatalog(new SkillRoots(roots)).scan(roots).skills();
		Files.createDirectories(shopRepository.resolve("bin"));
		Files.writeString(shopRepository.resolve("bin/deploy"), "#!/bin/sh\n");
		Placement placement = new Placement(List.of(new Placement.Project("shop", shopRepository, shop)), shared);
		return new LabelledSkills(skills, placement,
				new SkillMatcher(new TextAnalysis()::terms, MatchSettings.DEFAULTS));
	}

	static JsonNode lessons() throws IOException {
		try (InputStream in = LabelledSkills.class.getResourceAsStream("/skills/match/lessons.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

	MatchResult match(String text, List<String> steps, int occurrences) {
		return this.matcher.match(new Lesson(text, steps, "lesson", null, List.of(), occurrences), this.skills,
				this.placement, this.skills.size());
	}

}

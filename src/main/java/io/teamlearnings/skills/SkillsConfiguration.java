package io.teamlearnings.skills;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.teamlearnings.learnings.TextTerms;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.skills.catalog.RootKind;
import io.teamlearnings.skills.catalog.SkillCatalog;
import io.teamlearnings.skills.catalog.SkillRoot;
import io.teamlearnings.skills.catalog.SkillRoots;
import io.teamlearnings.skills.match.SkillMatcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The skill roots, resolved once at startup: the configured roots in order, then (unless
 * {@code learnings.skills.repository-roots=false}) each served repository's
 * {@code <root>/.codex/skills} as a project root named after the repository. A name used
 * twice, or a project root naming a repository that is not served, stops the start.
 */
@Configuration(proxyBeanMethods = false)
class SkillsConfiguration {

	@Bean
	SkillRoots skillRoots(SkillsProperties properties, Repositories repositories) {
		return new SkillRoots(resolve(properties, repositories.all()));
	}

	@Bean
	SkillIds skillIds(SkillRoots roots) {
		Set<String> names = new HashSet<>();
		roots.all().forEach((root) -> names.add(root.name()));
		return new SkillIds(names);
	}

	@Bean
	SkillCatalog skillCatalog(SkillRoots roots) {
		return new SkillCatalog(roots);
	}

	@Bean
	SkillMatcher skillMatcher(TextTerms terms, SkillsProperties properties) {
		return new SkillMatcher(terms::terms, properties.match().settings());
	}

	static List<SkillRoot> resolve(SkillsProperties properties, List<Repo> repos) {
		Set<String> served = new HashSet<>();
		repos.forEach((repo) -> served.add(repo.name()));
		Set<String> names = new HashSet<>();
		if (properties.repositoryRoots()) {
			names.addAll(served);
		}
		List<SkillRoot> roots = new ArrayList<>();
		List<SkillsProperties.RootSetting> settings = properties.roots();
		for (int i = 0; i < settings.size(); i++) {
			SkillsProperties.RootSetting setting = settings.get(i);
			if (!names.add(setting.name())) {
				throw SkillRootSettingException.nameTaken(i, setting.name());
			}
			if (setting.repository() != null && setting.kind() != RootKind.PROJECT) {
				throw SkillRootSettingException.repositoryOfNonProjectRoot(i);
			}
			if (setting.repository() != null && !served.contains(setting.repository())) {
				throw SkillRootSettingException.unknownRepository(i, setting.repository());
			}
			roots.add(new SkillRoot(setting.name(), setting.path().toAbsolutePath().normalize(), setting.kind(),
					setting.repository()));
		}
		if (properties.repositoryRoots()) {
			for (Repo repo : repos) {
				roots.add(new SkillRoot(repo.name(), repo.root().resolve(SkillsProperties.REPOSITORY_SKILLS),
						RootKind.PROJECT, repo.name(), repo.root()));
			}
		}
		return roots;
	}

}

package io.teamlearnings.skills;

import java.nio.file.Path;
import java.util.List;

import io.teamlearnings.learnings.TextTerms;
import io.teamlearnings.repos.Repo;
import io.teamlearnings.repos.Repositories;
import io.teamlearnings.skills.catalog.RootKind;
import io.teamlearnings.skills.catalog.SkillRoot;
import io.teamlearnings.skills.catalog.SkillRoots;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Skill roots come from {@code learnings.skills.roots} in order, then one project root
 * per served repository ({@code <root>/.codex/skills}, named after it); a name used twice
 * or a repository that is not served stops the start with the setting at fault.
 */
class SkillsConfigurationTests {

	private static final Repo APP = new Repo("app", Path.of("/srv/app"));

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(WithProperties.class)
		.withBean(Repositories.class, SkillsConfigurationTests::repositories)
		.withBean(TextTerms.class, () -> mock(TextTerms.class));

	@Test
	void listsConfiguredRootsThenEachRepositorysProjectRoot() {
		this.context
			.withPropertyValues("learnings.skills.roots[0].name=codex",
					"learnings.skills.roots[0].path=/home/me/skills", "learnings.skills.roots[0].kind=shared",
					"learnings.skills.roots[1].name=system", "learnings.skills.roots[1].path=/home/me/skills/.system",
					"learnings.skills.roots[1].kind=external")
			.run((context) -> assertThat(context.getBean(SkillRoots.class).all()).containsExactly(
					new SkillRoot("codex", Path.of("/home/me/skills"), RootKind.SHARED, null),
					new SkillRoot("system", Path.of("/home/me/skills/.system"), RootKind.EXTERNAL, null), new SkillRoot(
							"app", Path.of("/srv/app/.codex/skills"), RootKind.PROJECT, "app", Path.of("/srv/app"))));
	}

	@Test
	void leavesRepositoriesOutWhenAsked() {
		this.context.withPropertyValues("learnings.skills.repository-roots=false")
			.run((context) -> assertThat(context.getBean(SkillRoots.class).all()).isEmpty());
	}

	@Test
	void refusesARootNamedAfterAServedRepository() {
		FailureAnalysis analysis = analysis(
				new SkillsProperties.RootSetting("app", Path.of("/skills"), RootKind.SHARED, null));
		assertThat(analysis.getDescription()).isEqualTo("learnings.skills.roots[0].name=app is taken by another "
				+ "skill root or by a served repository's project root.");
		assertThat(analysis.getAction()).contains("learnings.skills.repository-roots=false");
	}

	@Test
	void refusesAProjectRootOfARepositoryThatIsNotServed() {
		FailureAnalysis analysis = analysis(
				new SkillsProperties.RootSetting("web", Path.of("/skills"), RootKind.PROJECT, "web"));
		assertThat(analysis.getDescription())
			.isEqualTo("learnings.skills.roots[0].repository=web is not a served repository.");
	}

	@Test
	void refusesARepositoryOnASharedRoot() {
		FailureAnalysis analysis = analysis(
				new SkillsProperties.RootSetting("codex", Path.of("/skills"), RootKind.SHARED, "app"));
		assertThat(analysis.getDescription()).contains("learnings.skills.roots[0].repository", "not a project root");
	}

	private static FailureAnalysis analysis(SkillsProperties.RootSetting setting) {
		SkillRootSettingException refusal = catchThrowableOfType(SkillRootSettingException.class,
				() -> SkillsConfiguration.resolve(new SkillsProperties(List.of(setting), true, null), List.of(APP)));
		return new SkillRootSettingFailureAnalyzer().analyze(refusal);
	}

	private static Repositories repositories() {
		Repositories repositories = mock(Repositories.class);
		given(repositories.all()).willReturn(List.of(APP));
		return repositories;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SkillsProperties.class)
	@Import(SkillsConfiguration.class)
	static class WithProperties {

	}

}

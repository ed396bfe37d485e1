package io.teamlearnings;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.teamlearnings.sessions.ReachesIntoAnotherModule;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The modules (the packages right below {@code io.teamlearnings}) keep a small public
 * surface: another module uses only a module's root package, never its sub-packages;
 * controllers are package-private; no package depends on another in a cycle.
 */
class ArchitectureTests {

	private static final String BASE = "io.teamlearnings";

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

	/** Other modules use only a module's root package: its facade, records and events. */
	static final ArchRule MODULES_USE_ONLY_EACH_OTHERS_ROOT_PACKAGE = classes().that()
		.resideInAPackage(BASE + "..")
		.should(new ArchCondition<JavaClass>("use only the root package of other modules") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				String own = moduleOf(item.getPackageName());
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					String target = dependency.getTargetClass().getPackageName();
					String other = moduleOf(target);
					if (other != null && !other.equals(own) && !target.equals(BASE + "." + other)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		});

	/** {@code learnings} for {@code io.teamlearnings.learnings.index}; null outside. */
	@Nullable
	static String moduleOf(String packageName) {
		if (!packageName.startsWith(BASE + ".")) {
			return null;
		}
		String rest = packageName.substring(BASE.length() + 1);
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	@Test
	void modulesUseOnlyEachOthersRootPackage() {
		MODULES_USE_ONLY_EACH_OTHERS_ROOT_PACKAGE.check(CLASSES);
	}

	@Test
	void theBoundaryRuleCatchesAModuleReachingIntoAnotherModulesSubPackage() {
		JavaClasses offender = new ClassFileImporter().importClasses(ReachesIntoAnotherModule.class);
		assertThatThrownBy(() -> MODULES_USE_ONLY_EACH_OTHERS_ROOT_PACKAGE.check(offender))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("io.teamlearnings.learnings.index.IndexSync");
	}

	@Test
	void controllersArePackagePrivate() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.check(CLASSES);
	}

	@Test
	void entitiesStayInsideTheirModule() {
		for (JavaClass entity : CLASSES.that(com.tngtech.archunit.base.DescribedPredicate.describe("entities",
				(JavaClass type) -> type.isAnnotatedWith(Entity.class)))) {
			String module = BASE + "." + moduleOf(entity.getPackageName());
			noClasses().that()
				.resideOutsideOfPackage(module + "..")
				.should()
				.dependOnClassesThat()
				.belongToAnyOf(entity.reflect())
				.check(CLASSES);
		}
	}

	@Test
	void modulesDoNotDependOnEachOtherInCycles() {
		slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void packagesDoNotDependOnEachOtherInCycles() {
		slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void noPackageIsCrowded() {
		CLASSES.stream()
			.filter((type) -> type.isTopLevelClass() && !type.getSimpleName().equals("package-info"))
			.collect(java.util.stream.Collectors.groupingBy(JavaClass::getPackageName,
					java.util.stream.Collectors.counting()))
			.forEach((name, types) -> assertThat(types).as(name).isLessThanOrEqualTo(22));
	}

	/**
	 * The {@code learnings} command is built into a jar of its own with picocli and
	 * Jackson's streaming core only: it may use nothing else (no Spring class, no other
	 * package of the service), and the service does not use it.
	 */
	@Test
	void theLearningsCommandUsesOnlyTheJdkPicocliAndJacksonCore() {
		classes().that()
			.resideInAPackage(BASE + ".cli..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "javax.net.ssl..", "picocli..", "tools.jackson.core..", BASE + ".cli..")
			.check(CLASSES);
	}

	@Test
	void noPartOfTheServiceUsesTheLearningsCommand() {
		noClasses().that()
			.resideOutsideOfPackage(BASE + ".cli..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + ".cli..")
			.check(CLASSES);
	}

	@Test
	void theRepositoryRegistryKnowsNothingOfTheWeb() {
		noClasses().that()
			.resideInAPackage(BASE + ".repos..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", BASE + ".learnings..")
			.check(CLASSES);
	}

}

package io.teamlearnings;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package-by-feature layout keeps its small public surface.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.teamlearnings");

	@Test
	void controllersAndEntitiesStayInsideTheirFeature() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(Entity.class)
			.should()
			.notHaveModifier(JavaModifier.PUBLIC)
			.check(CLASSES);
	}

	@Test
	void featuresDoNotDependOnEachOtherInCycles() {
		slices().matching("io.teamlearnings.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void theRepositoryRegistryKnowsNothingOfTheWeb() {
		noClasses().that()
			.resideInAPackage("io.teamlearnings.repos..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "io.teamlearnings.learnings..")
			.check(CLASSES);
	}

}

package dev.tasktalk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's dependency rule, checked on the compiled classes of every module in the WAR. */
class DependencyRuleTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tasktalk");
  }

  @Test
  void domain_dependsOnNothingButItselfAndTheJdk() {
    noClasses()
        .that()
        .resideInAPackage("dev.tasktalk.domain..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("dev.tasktalk.domain..", "java..")
        .check(classes);
  }

  @Test
  void application_dependsOnlyOnTheDomainAndPlainLibraries() {
    noClasses()
        .that()
        .resideInAPackage("dev.tasktalk.application..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "dev.tasktalk.application..",
            "dev.tasktalk.domain..",
            "java..",
            "io.smallrye.mutiny..",
            "javax.crypto..")
        .check(classes);
  }

  @Test
  void adapters_neverReachIntoServicesOrEachOther() {
    noClasses()
        .that()
        .resideInAPackage("dev.tasktalk.adapter..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.tasktalk.application.service..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.tasktalk.adapter.in..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.tasktalk.adapter.out..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.tasktalk.adapter.out..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.tasktalk.adapter.in..")
        .check(classes);
  }

  @Test
  void frameworkTypes_stayInTheirAdapters() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.tasktalk.adapter.out.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.persistence..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.tasktalk.adapter.in.rest..", "dev.tasktalk.bootstrap..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.ws.rs..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.tasktalk.adapter.out.llm..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("okhttp3..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "dev.tasktalk.adapter.in.mcp..",
            "dev.tasktalk.adapter.out.mcp..",
            "dev.tasktalk.bootstrap..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.modelcontextprotocol..")
        .check(classes);
  }
}

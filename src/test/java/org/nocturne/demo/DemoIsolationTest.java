package org.nocturne.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The demo is a client of the service, as an EHR is: it talks to it over HTTP only. */
@AnalyzeClasses(packages = "org.nocturne", importOptions = ImportOption.DoNotIncludeTests.class)
class DemoIsolationTest {

  @ArchTest
  static final ArchRule nothingDependsOnTheDemo =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.nocturne.demo..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.nocturne.demo..");

  @ArchTest
  static final ArchRule theDemoUsesNoOtherPartOfTheService =
      noClasses()
          .that()
          .resideInAPackage("org.nocturne.demo..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.nocturne.cdshooks..",
              "org.nocturne.clinical..",
              "org.nocturne.fhir..",
              "org.nocturne.cards..",
              "org.nocturne.service..",
              "org.nocturne.state..",
              "org.nocturne.app..");
}

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
          // one bounded JSON reader for everything a client sends, the demo's FHIR server included
          // (issue 26: a number HAPI would expand must never reach it): the SDK's, not a copy
          .and()
          .doNotHaveFullyQualifiedName("org.nocturne.demo.DemoJsonBounds")
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

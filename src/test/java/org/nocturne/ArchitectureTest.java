package org.nocturne;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.nocturne.cdshooks.CdsService;

/** The package rules of {@code design/architecture.md}, kept true by the build. */
@AnalyzeClasses(packages = "org.nocturne", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Every package its own slice: none depends, through any path, on one that depends on it. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.nocturne.(**)").should().beFreeOfCycles();

  /**
   * The SDK's wire kernel ({@code org.nocturne.cdshooks} itself: the wire records, the caller, the
   * prefetch values and templates) sits below its parts: {@code prefetch} and {@code security}
   * build on it, and the endpoints build on all three (ADR 0003).
   */
  @ArchTest
  static final ArchRule theSdkKernelDependsOnNoneOfItsParts =
      noClasses()
          .that()
          .resideInAPackage("org.nocturne.cdshooks")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.nocturne.cdshooks.prefetch..",
              "org.nocturne.cdshooks.security..",
              "org.nocturne.cdshooks.endpoint..");

  @ArchTest
  static final ArchRule nothingDependsOnTheEndpoints =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.nocturne.cdshooks.endpoint..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.nocturne.cdshooks.endpoint..");

  @ArchTest
  static final ArchRule clinicalUsesOnlyTheJdk =
      classes()
          .that()
          .resideInAPackage("org.nocturne.clinical..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "org.nocturne.clinical..");

  /**
   * The rooms of the cause model (ADR 0003) form layers: facts, conclusions, knowledge, the rules'
   * shared evaluation, the rule families, the plan, the cause model, order safety. Each package is
   * its own slice, the root included, so a room that reached back up would fail here.
   */
  @ArchTest
  static final ArchRule clinicalRoomsFormNoCycle =
      slices().matching("org.nocturne.(clinical..)").should().beFreeOfCycles();

  /**
   * Every hook's answer passes the go-live gate (ADR 0004): only the invoker, which applies {@code
   * CardGate}, runs a service, so no new caller can answer cards past shadow mode, the pilot group
   * or the kill switch.
   */
  @ArchTest
  static final ArchRule onlyTheInvokerRunsAServiceSoNoAnswerBypassesTheCardGate =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.nocturne.cdshooks.endpoint.CdsHooksInvoker")
          .should()
          .callMethodWhere(
              DescribedPredicate.describe(
                  "a CdsService's call",
                  (JavaMethodCall call) ->
                      call.getName().equals("call")
                          && call.getTargetOwner().isAssignableTo(CdsService.class)));

  @ArchTest
  static final ArchRule cdshooksKnowsNothingOfLegPain =
      noClasses()
          .that()
          .resideInAPackage("org.nocturne.cdshooks..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.nocturne.clinical..",
              "org.nocturne.fhir..",
              "org.nocturne.cards..",
              "org.nocturne.service..");

  @ArchTest
  static final ArchRule fhirMapsToClinicalOnly =
      noClasses()
          .that()
          .resideInAPackage("org.nocturne.fhir..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.nocturne.cdshooks..",
              "org.nocturne.cards..",
              "org.nocturne.service..",
              "org.springframework..");

  @ArchTest
  static final ArchRule cardsDoNotReachIntoServicesOrMapping =
      noClasses()
          .that()
          .resideInAPackage("org.nocturne.cards..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.nocturne.service..", "org.nocturne.fhir..", "org.springframework..");

  @ArchTest
  static final ArchRule nothingDependsOnTheServices =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.nocturne.service..")
          .and()
          .doNotHaveFullyQualifiedName("org.nocturne.NocturneApplication")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.nocturne.service..");

  @ArchTest
  static final ArchRule servicesNeverReachTheAppTheSiteOrTheDemo =
      noClasses()
          .that()
          .resideInAPackage("org.nocturne.service..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.nocturne.app..", "org.nocturne.site..", "org.nocturne.demo..");

  @ArchTest
  static final ArchRule thePublicPagesReadKnowledgeNeverACall =
      noClasses()
          .that()
          .resideInAPackage("org.nocturne.site..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.nocturne.service..",
              "org.nocturne.app..",
              "org.nocturne.fhir..",
              "org.nocturne.state..",
              "org.nocturne.demo..");

  @ArchTest
  static final ArchRule theAssessmentPipelineKnowsNoFrameworkAndNoCaller =
      noClasses()
          .that()
          .resideInAPackage("org.nocturne.assessment..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta.servlet..",
              "org.nocturne.service..",
              "org.nocturne.app..",
              "org.nocturne.cards..");

  @ArchTest
  static final ArchRule theSdkKnowsNoDatabase =
      noClasses()
          .that()
          .resideInAPackage("org.nocturne.cdshooks..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.nocturne.state..",
              "org.nocturne.analytics..",
              "org.springframework.jdbc..",
              "org.springframework.transaction..",
              "org.flywaydb..",
              "java.sql..");

  @ArchTest
  static final ArchRule stateAndAnalyticsKnowOnlyTheSdk =
      noClasses()
          .that()
          .resideInAnyPackage("org.nocturne.state..", "org.nocturne.analytics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.nocturne.clinical..",
              "org.nocturne.fhir..",
              "org.nocturne.cards..",
              "org.nocturne.service..");

  @ArchTest
  static final ArchRule analyticsReadsThroughTheSdkNotTheDatabase =
      noClasses()
          .that()
          .resideInAPackage("org.nocturne.analytics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.nocturne.state..", "org.springframework.jdbc..", "java.sql..");
}

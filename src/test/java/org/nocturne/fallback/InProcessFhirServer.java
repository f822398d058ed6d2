package org.nocturne.fallback;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * A real FHIR R4 server (HAPI {@link RestfulServer}) inside the test application at {@code
 * /test-fhir}, over in-memory data, answering the searches of our prefetch templates: {@code
 * patient=}, {@code code=}, {@code status=}, {@code questionnaire=}, {@code _sort}, {@code _count}.
 * It records the Authorization headers it receives.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InProcessFhirServer {
  public static final String PATH = "/test-fhir";
  static final List<Resource> DATA = Collections.synchronizedList(new ArrayList<>());
  static final List<String> AUTHORIZATIONS = Collections.synchronizedList(new ArrayList<>());

  /** Replaces the server's data with the resources of a searchset or single resources. */
  static void load(List<Resource> resources) {
    DATA.clear();
    DATA.addAll(resources);
    AUTHORIZATIONS.clear();
  }

  static List<Resource> entries(Bundle bundle) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
  }

  @Bean
  ServletRegistrationBean<RestfulServer> testFhirServer() {
    RestfulServer server = new RestfulServer(FhirContext.forR4Cached());
    server.setResourceProviders(
        new PatientProvider(),
        new ConditionProvider(),
        new ObservationProvider(),
        new MedicationRequestProvider(),
        new QuestionnaireResponseProvider());
    return new ServletRegistrationBean<>(server, PATH + "/*");
  }

  @Bean
  FilterRegistrationBean<Filter> recordAuthorization() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(
            (request, response, chain) -> {
              String header = ((HttpServletRequest) request).getHeader("Authorization");
              AUTHORIZATIONS.add(header == null ? "" : header);
              chain.doFilter(request, response);
            });
    registration.addUrlPatterns(PATH + "/*");
    return registration;
  }

  private static <T extends Resource> List<T> find(Class<T> type, Predicate<T> match) {
    synchronized (DATA) {
      return DATA.stream().filter(type::isInstance).map(type::cast).filter(match).toList();
    }
  }

  private static boolean about(Reference subject, ReferenceParam patient) {
    return subject.getReference() != null
        && subject.getReference().endsWith("Patient/" + patient.getIdPart());
  }

  private static boolean hasCode(List<Coding> codings, TokenOrListParam codes) {
    if (codes == null) {
      return true;
    }
    return codes.getValuesAsQueryTokens().stream()
        .anyMatch(
            t ->
                codings.stream()
                    .anyMatch(
                        c ->
                            c.getCode().equals(t.getValue())
                                && (t.getSystem() == null || t.getSystem().equals(c.getSystem()))));
  }

  private static <T> List<T> limit(List<T> results, Integer count) {
    return count == null || results.size() <= count ? results : results.subList(0, count);
  }

  public static class PatientProvider implements IResourceProvider {
    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
      return find(Patient.class, p -> p.getIdElement().getIdPart().equals(id.getIdPart())).stream()
          .findFirst()
          .orElseThrow(() -> new ResourceNotFoundException(id));
    }
  }

  public static class ConditionProvider implements IResourceProvider {
    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Condition.class;
    }

    @Search
    public List<Condition> search(
        @RequiredParam(name = "patient") ReferenceParam patient, @Count Integer count) {
      return limit(find(Condition.class, c -> about(c.getSubject(), patient)), count);
    }
  }

  public static class ObservationProvider implements IResourceProvider {
    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Observation.class;
    }

    @Search
    public List<Observation> search(
        @RequiredParam(name = "patient") ReferenceParam patient,
        @OptionalParam(name = "code") TokenOrListParam code,
        @Sort SortSpec sort,
        @Count Integer count) {
      List<Observation> found =
          new ArrayList<>(
              find(
                  Observation.class,
                  o -> about(o.getSubject(), patient) && hasCode(o.getCode().getCoding(), code)));
      if (sort != null && "date".equals(sort.getParamName())) {
        found.sort(
            Comparator.comparing((Observation o) -> o.getEffectiveDateTimeType().getValueAsString())
                .reversed());
      }
      return limit(found, count);
    }
  }

  public static class MedicationRequestProvider implements IResourceProvider {
    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return MedicationRequest.class;
    }

    @Search
    public List<MedicationRequest> search(
        @RequiredParam(name = "patient") ReferenceParam patient,
        @OptionalParam(name = "status") TokenParam status,
        @Count Integer count) {
      return limit(
          find(
              MedicationRequest.class,
              m ->
                  about(m.getSubject(), patient)
                      && (status == null || m.getStatus().toCode().equals(status.getValue()))),
          count);
    }
  }

  public static class QuestionnaireResponseProvider implements IResourceProvider {
    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return QuestionnaireResponse.class;
    }

    @Search
    public List<QuestionnaireResponse> search(
        @RequiredParam(name = "patient") ReferenceParam patient,
        @OptionalParam(name = "questionnaire") UriParam questionnaire,
        @OptionalParam(name = "status") TokenParam status,
        @Sort SortSpec sort,
        @Count Integer count) {
      List<QuestionnaireResponse> found =
          new ArrayList<>(
              find(
                  QuestionnaireResponse.class,
                  r ->
                      about(r.getSubject(), patient)
                          && (questionnaire == null
                              || questionnaire.getValue().equals(r.getQuestionnaire()))
                          && (status == null || r.getStatus().toCode().equals(status.getValue()))));
      found.sort(Comparator.comparing(QuestionnaireResponse::getAuthored).reversed());
      return limit(found, count);
    }
  }
}

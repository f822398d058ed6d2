package org.nocturne.fallback;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
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
 * HAPI's own {@link RestfulServer} set up as the HAPI FHIR JPA server pages: a paging provider that
 * answers every search with pages of 20 whatever {@code _count} asks, and {@code next} links of the
 * form {@code http://host/paging-fhir?_getpages=…&_getpagesoffset=20…} (on the base URL, not below
 * it). It counts the page requests it serves.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PagingFhirServer {
  public static final String PATH = "/paging-fhir";
  public static final int PAGE_SIZE = 20;
  static final List<Resource> DATA = Collections.synchronizedList(new ArrayList<>());
  static final AtomicInteger SEARCHES = new AtomicInteger();
  static final AtomicInteger PAGES = new AtomicInteger();

  static void load(List<Resource> resources) {
    DATA.clear();
    DATA.addAll(resources);
    SEARCHES.set(0);
    PAGES.set(0);
  }

  @Bean
  ServletRegistrationBean<RestfulServer> pagingFhirServer() {
    RestfulServer server = new RestfulServer(FhirContext.forR4Cached());
    FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
    paging.setDefaultPageSize(PAGE_SIZE);
    paging.setMaximumPageSize(PAGE_SIZE);
    server.setPagingProvider(paging);
    server.setResourceProviders(
        new PatientProvider(),
        new ConditionProvider(),
        new ObservationProvider(),
        new MedicationRequestProvider(),
        new QuestionnaireResponseProvider());
    return new ServletRegistrationBean<>(server, PATH + "/*");
  }

  @Bean
  FilterRegistrationBean<Filter> countPages() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(
            (request, response, chain) -> {
              String query = ((HttpServletRequest) request).getQueryString();
              if (query != null && query.contains("_getpages=")) {
                PAGES.incrementAndGet();
              } else if (query != null) {
                SEARCHES.incrementAndGet();
              }
              chain.doFilter(request, response);
            });
    registration.addUrlPatterns(PATH, PATH + "/*");
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

  private static boolean hasCode(Observation observation, TokenOrListParam codes) {
    return codes == null
        || codes.getValuesAsQueryTokens().stream()
            .anyMatch(
                t ->
                    observation.getCode().getCoding().stream()
                        .anyMatch(c -> c.getCode().equals(t.getValue())));
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
    public List<Condition> search(@RequiredParam(name = "patient") ReferenceParam patient) {
      return find(Condition.class, c -> about(c.getSubject(), patient));
    }
  }

  public static class ObservationProvider implements IResourceProvider {
    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Observation.class;
    }

    /** Newest first, as {@code _sort=-date} asks. */
    @Search
    public List<Observation> search(
        @RequiredParam(name = "patient") ReferenceParam patient,
        @OptionalParam(name = "code") TokenOrListParam code,
        @Sort SortSpec sort) {
      List<Observation> found =
          new ArrayList<>(
              find(Observation.class, o -> about(o.getSubject(), patient) && hasCode(o, code)));
      found.sort(
          Comparator.comparing((Observation o) -> o.getEffectiveDateTimeType().getValueAsString())
              .reversed());
      return found;
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
        @OptionalParam(name = "status") StringParam status) {
      return find(MedicationRequest.class, m -> about(m.getSubject(), patient));
    }
  }

  public static class QuestionnaireResponseProvider implements IResourceProvider {
    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return QuestionnaireResponse.class;
    }

    /** Newest first; {@code _count=1} still pages, so a next link follows the first response. */
    @Search
    public List<QuestionnaireResponse> search(
        @RequiredParam(name = "patient") ReferenceParam patient,
        @OptionalParam(name = "questionnaire") StringParam questionnaire,
        @OptionalParam(name = "status") StringParam status,
        @Sort SortSpec sort) {
      List<QuestionnaireResponse> found =
          new ArrayList<>(find(QuestionnaireResponse.class, r -> about(r.getSubject(), patient)));
      found.sort(Comparator.comparing(QuestionnaireResponse::getAuthored).reversed());
      return found;
    }
  }
}

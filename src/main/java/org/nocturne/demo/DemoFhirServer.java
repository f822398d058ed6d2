package org.nocturne.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.ETagSupportEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The demo EHR's FHIR R4 server: HAPI's plain {@link RestfulServer} over in-memory providers, one
 * per resource type the chart shows or a card suggestion may create.
 */
final class DemoFhirServer {
  static final String PATH = "/demo/fhir";

  private final Map<Class<? extends Resource>, HashMapResourceProvider<?>> providers =
      new LinkedHashMap<>();
  private final RestfulServer server;

  DemoFhirServer(FhirContext fhir) {
    providers.put(Patient.class, new HashMapResourceProvider<>(fhir, Patient.class));
    // the signed-in user of the app's id_token (fhirUser)
    providers.put(Practitioner.class, new HashMapResourceProvider<>(fhir, Practitioner.class));
    providers.put(
        Condition.class,
        new PatientSearchProvider<>(
            fhir,
            Condition.class,
            new PatientSearchProvider.Fields<>(
                Condition::getSubject,
                c -> c.getCode().getCoding(),
                null,
                Condition::getRecordedDateElement,
                null)));
    providers.put(
        Observation.class,
        new PatientSearchProvider<>(
            fhir,
            Observation.class,
            new PatientSearchProvider.Fields<>(
                Observation::getSubject,
                o -> o.getCode().getCoding(),
                o -> o.hasStatus() ? o.getStatus().toCode() : null,
                o -> o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType() : null,
                null)));
    providers.put(
        MedicationRequest.class,
        new PatientSearchProvider<>(
            fhir,
            MedicationRequest.class,
            new PatientSearchProvider.Fields<>(
                MedicationRequest::getSubject,
                m -> m.getMedicationCodeableConcept().getCoding(),
                m -> m.hasStatus() ? m.getStatus().toCode() : null,
                MedicationRequest::getAuthoredOnElement,
                null)));
    providers.put(
        QuestionnaireResponse.class,
        new PatientSearchProvider<>(
            fhir,
            QuestionnaireResponse.class,
            new PatientSearchProvider.Fields<>(
                QuestionnaireResponse::getSubject,
                null,
                r -> r.hasStatus() ? r.getStatus().toCode() : null,
                QuestionnaireResponse::getAuthoredElement,
                QuestionnaireResponse::getQuestionnaire)));
    providers.put(
        ServiceRequest.class,
        new PatientSearchProvider<>(
            fhir,
            ServiceRequest.class,
            new PatientSearchProvider.Fields<>(
                ServiceRequest::getSubject,
                s -> s.getCode().getCoding(),
                s -> s.hasStatus() ? s.getStatus().toCode() : null,
                ServiceRequest::getAuthoredOnElement,
                null)));
    server = new RestfulServer(fhir);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    // The chart always wants the current record; a 304 from a browser cache only adds log noise.
    server.setETagSupport(ETagSupportEnum.DISABLED);
    server.setResourceProviders(List.copyOf(providers.values()));
  }

  /** Guards (access control, test settings) run on every request, in order. */
  void register(Object interceptor) {
    server.registerInterceptor(interceptor);
  }

  /** The names of the resource types this server holds ({@code Patient}, ...). */
  Set<String> resourceTypes() {
    return providers.keySet().stream()
        .map(Class::getSimpleName)
        .collect(Collectors.toUnmodifiableSet());
  }

  RestfulServer servlet() {
    return server;
  }

  /** The resource types this server holds. */
  boolean holds(Resource resource) {
    return providers.containsKey(resource.getClass());
  }

  /** Stores a resource under its own id (demo data), replacing any earlier version. */
  @SuppressWarnings("unchecked")
  void store(Resource resource) {
    HashMapResourceProvider<Resource> provider =
        (HashMapResourceProvider<Resource>) providers.get(resource.getClass());
    if (provider == null) {
      throw new IllegalArgumentException(
          "the demo FHIR server holds no " + resource.fhirType() + " resources");
    }
    provider.store(resource);
  }

  /** Everything stored of one type, latest versions (for tests and the start-up log). */
  @SuppressWarnings("unchecked")
  <T extends Resource> List<T> all(Class<T> type) {
    HashMapResourceProvider<?> provider = providers.get(type);
    return provider == null ? List.of() : (List<T>) provider.getStoredResources();
  }
}

package org.nocturne.cdshooks.prefetch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.nocturne.cdshooks.CallBudget;
import org.nocturne.cdshooks.CdsServiceDescriptor;
import org.nocturne.cdshooks.CdsServiceRegistry;
import org.nocturne.cdshooks.FhirAuthorization;
import org.nocturne.cdshooks.FhirId;
import org.nocturne.cdshooks.Prefetch;
import org.nocturne.cdshooks.PrefetchTemplate;
import org.nocturne.cdshooks.PrefetchValue;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's prefetch, fetched for one patient outside a hook call with a caller's own bearer
 * token (the questionnaire app's SMART token): the same templates, fetcher, SSRF checks, time
 * budget and byte budget as a call's fallback, but nothing cached, so the token and what it read
 * are forgotten when the call ends. The caller checks the FHIR server against its own allowlist.
 */
public final class PatientFetch {
  private final CdsServiceRegistry registry;
  private final PrefetchResolver resolver;
  private final long maxCallBytes;

  PatientFetch(CdsServiceRegistry registry, PrefetchResolver resolver, long maxCallBytes) {
    this.registry = registry;
    this.resolver = resolver;
    this.maxCallBytes = maxCallBytes;
  }

  /**
   * @param serviceId whose prefetch templates to fetch
   * @param patientId a valid FHIR id ({@link FhirId#valid})
   * @param extra more queries, by key, fetched alongside (for example a read by id)
   * @throws NoSuchElementException for an unknown service
   * @throws IllegalArgumentException for an invalid patient id or extra query
   */
  public Prefetch fetch(
      String serviceId,
      String fhirServer,
      String accessToken,
      String patientId,
      Map<String, String> extra) {
    if (!FhirId.valid(patientId)) {
      throw new IllegalArgumentException("not a FHIR id");
    }
    CdsServiceDescriptor service =
        registry.discovery().discovery().services().stream()
            .filter(descriptor -> descriptor.id().equals(serviceId))
            .findFirst()
            .orElseThrow(() -> new NoSuchElementException(serviceId));
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    context.put("patientId", patientId);
    Map<String, PrefetchTemplate> templates = new LinkedHashMap<>();
    service.prefetch().forEach((key, query) -> templates.put(key, PrefetchTemplate.parse(query)));
    extra.forEach((key, query) -> templates.put(key, PrefetchTemplate.parse(query)));
    return resolver.fetchAll(
        templates,
        context,
        fhirServer,
        new FhirAuthorization(accessToken, "Bearer", null, null, null, patientId),
        new CallBudget(maxCallBytes));
  }

  /**
   * The patient alone, read with the caller's token: whether the FHIR server accepts this token for
   * this patient (the app's proof of a SMART launch, for endpoints that read nothing else).
   *
   * @throws IllegalArgumentException for an invalid patient id
   */
  public PrefetchValue patient(String fhirServer, String accessToken, String patientId) {
    if (!FhirId.valid(patientId)) {
      throw new IllegalArgumentException("not a FHIR id");
    }
    ObjectNode context = JsonNodeFactory.instance.objectNode();
    context.put("patientId", patientId);
    return resolver
        .fetchAll(
            Map.of("patient", PrefetchTemplate.parse("Patient/{{context.patientId}}")),
            context,
            fhirServer,
            new FhirAuthorization(accessToken, "Bearer", null, null, null, patientId),
            new CallBudget(maxCallBytes))
        .values()
        .get("patient");
  }
}

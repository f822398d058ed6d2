package org.nocturne.demo;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.provider.HashMapResourceProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * HAPI's in-memory provider (read, create, update, delete, search all) plus the one search an EHR
 * needs for the CDS prefetch: the patient's resources, by {@code code}, {@code status} and {@code
 * questionnaire}, sorted by the type's date, limited by {@code _count}.
 */
final class PatientSearchProvider<T extends Resource> extends HashMapResourceProvider<T> {

  /** How to read the searched fields of one resource type; {@code null} when the type lacks it. */
  record Fields<T>(
      Function<T, Reference> subject,
      Function<T, List<Coding>> codes,
      Function<T, String> status,
      Function<T, BaseDateTimeType> date,
      Function<T, String> questionnaire) {
    Fields {
      Objects.requireNonNull(subject, "subject");
    }
  }

  private final Fields<T> fields;

  PatientSearchProvider(FhirContext fhir, Class<T> type, Fields<T> fields) {
    super(fhir, type);
    this.fields = fields;
  }

  @Search
  public List<T> searchByPatient(
      @RequiredParam(name = "patient") ReferenceParam patient,
      @OptionalParam(name = "code") TokenOrListParam code,
      @OptionalParam(name = "status") TokenParam status,
      @OptionalParam(name = "questionnaire") UriParam questionnaire,
      @Sort SortSpec sort,
      @Count Integer count) {
    List<T> found = new ArrayList<>();
    for (T resource : getStoredResources()) {
      if (about(resource, patient)
          && hasCode(resource, code)
          && hasStatus(resource, status)
          && answers(resource, questionnaire)) {
        found.add(resource);
      }
    }
    if (sort != null && fields.date() != null) {
      Comparator<T> byDate =
          Comparator.comparing(
              r -> {
                BaseDateTimeType date = fields.date().apply(r);
                return date == null || date.getValue() == null ? null : date.getValue();
              },
              Comparator.nullsFirst(Comparator.naturalOrder()));
      found.sort(sort.getOrder() == SortOrderEnum.DESC ? byDate.reversed() : byDate);
    }
    return count == null || found.size() <= count ? found : found.subList(0, count);
  }

  private boolean about(T resource, ReferenceParam patient) {
    Reference subject = fields.subject().apply(resource);
    return subject != null
        && subject.getReference() != null
        && subject.getReference().endsWith("Patient/" + patient.getIdPart());
  }

  private boolean hasCode(T resource, TokenOrListParam code) {
    if (code == null) {
      return true;
    }
    if (fields.codes() == null) {
      return false;
    }
    List<Coding> codings = fields.codes().apply(resource);
    return code.getValuesAsQueryTokens().stream()
        .anyMatch(
            token ->
                codings.stream()
                    .anyMatch(
                        c ->
                            Objects.equals(c.getCode(), token.getValue())
                                && (token.getSystem() == null
                                    || token.getSystem().equals(c.getSystem()))));
  }

  private boolean hasStatus(T resource, TokenParam status) {
    return status == null
        || (fields.status() != null
            && Objects.equals(fields.status().apply(resource), status.getValue()));
  }

  /**
   * FHIR search on a canonical: without {@code |version} it matches every version (a response to
   * {@code ...nocturnal-leg-pain|1.1.0} answers {@code questionnaire=...nocturnal-leg-pain}).
   */
  private boolean answers(T resource, UriParam questionnaire) {
    if (questionnaire == null) {
      return true;
    }
    String value = fields.questionnaire() == null ? null : fields.questionnaire().apply(resource);
    if (value == null) {
      return false;
    }
    String wanted = questionnaire.getValue();
    return value.equals(wanted) || (!wanted.contains("|") && value.startsWith(wanted + "|"));
  }
}

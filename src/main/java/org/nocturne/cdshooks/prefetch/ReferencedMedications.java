package org.nocturne.cdshooks.prefetch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nocturne.cdshooks.FhirUrls;
import tools.jackson.databind.JsonNode;

/**
 * The Medications that orders name by {@code medicationReference} but nobody sent: Epic's
 * prefetched orders point at {@code …/Medication/eXYZ} without including it. Each is fetched from
 * {@code fhirServer} by id (never by pasting the reference into a URL), at most {@link #MAX} per
 * call, within the call's time and byte budget.
 */
final class ReferencedMedications {
  /** Enough for a real medication list's relevant drugs; bounded so one call stays cheap. */
  static final int MAX = 20;

  /** The id of a relative or absolute Medication reference, with an optional version. */
  private static final Pattern MEDICATION =
      Pattern.compile("(?:^|/)Medication/([A-Za-z0-9\\-.]{1,64})(?:/_history/[A-Za-z0-9\\-.]+)?$");

  private ReferencedMedications() {}

  /**
   * @param records the record's Bundles and the {@code draftOrders} Bundle
   * @param fhirServer where absolute references must point to be followed
   * @return {@code Medication/id} queries, each once
   */
  static List<String> queries(List<JsonNode> records, String fhirServer) {
    Set<String> queries = new LinkedHashSet<>();
    for (JsonNode bundle : records) {
      Set<String> present = new HashSet<>();
      for (JsonNode entry : bundle.path("entry")) {
        JsonNode resource = entry.path("resource");
        if ("Medication".equals(resource.path("resourceType").asString(""))) {
          present.add(entry.path("fullUrl").asString(""));
          present.add("Medication/" + resource.path("id").asString(""));
        }
      }
      for (JsonNode entry : bundle.path("entry")) {
        String ref =
            entry.path("resource").path("medicationReference").path("reference").asString("");
        if (ref.isEmpty() || ref.startsWith("#") || present.contains(ref)) {
          continue;
        }
        Matcher matcher = MEDICATION.matcher(ref);
        if (!matcher.find()) {
          continue;
        }
        String typed = "Medication/" + matcher.group(1);
        boolean absolute = ref.contains("://");
        if (present.contains(typed) || (absolute && !FhirUrls.within(fhirServer, ref))) {
          continue; // in the Bundle, or on another server the caller never sent us to
        }
        if (!absolute && !ref.equals(typed) && !ref.startsWith(typed + "/_history/")) {
          continue;
        }
        queries.add(typed);
        if (queries.size() >= MAX) {
          return new ArrayList<>(queries);
        }
      }
    }
    return new ArrayList<>(queries);
  }
}

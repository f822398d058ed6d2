package org.nocturne.fhir;

import java.util.ArrayList;
import java.util.List;

/** Record entries the mapper left out, each with its reason: nothing is dropped silently. */
final class Skipped {
  private final List<String> reasons = new ArrayList<>();

  void add(String reference, String reason) {
    reasons.add(reference + ": " + reason);
  }

  List<String> reasons() {
    return List.copyOf(reasons);
  }
}

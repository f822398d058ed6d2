package org.nocturne.cards;

import java.util.List;
import java.util.stream.Collectors;
import org.nocturne.clinical.conclusions.Advice;
import org.nocturne.clinical.conclusions.Cause;

/**
 * The path of a cause's education page for one patient: advice the card withheld is named in {@code
 * ?without=} (advice codes only, no patient data), so the page leaves it out too and never says
 * what the card forbids. With nothing withheld it is the plain page.
 */
final class EducationLinks {
  private EducationLinks() {}

  static String path(Cause cause, List<Advice> withheld) {
    String path = "/education/" + cause.code();
    if (withheld.isEmpty()) {
      return path;
    }
    return path
        + "?without="
        + withheld.stream().distinct().map(Advice::key).collect(Collectors.joining(","));
  }
}

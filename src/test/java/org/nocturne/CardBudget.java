package org.nocturne;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.nocturne.cdshooks.Card;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.CdsResponse;
import tools.jackson.databind.JsonNode;

/**
 * The contract's card budget ("Card budget"), checked on the wire JSON: at most three cards per
 * patient-view answer plus one per critical red flag; every detail at most 700 characters, with no
 * record references, evidence grades or "seed article", and nothing cut off ("…"); each guideline
 * named once, as an absolute link; {@code source.url} the service's own page.
 */
public final class CardBudget {
  public static final int MAX_DETAIL = 700;
  public static final int MAX_OTHER_CARDS = 3;

  private static final Pattern REFERENCE =
      Pattern.compile(
          "\\b(QuestionnaireResponse|Observation|Condition|MedicationRequest|ServiceRequest|Patient)/[A-Za-z0-9\\-.#]+");
  private static final Pattern GRADE = Pattern.compile("\\[(V|M|V-weak)\\]");
  private static final Pattern SEED = Pattern.compile("(?i)seed article");

  private CardBudget() {}

  /** What breaks the budget in a patient-view answer; empty when it holds. */
  public static List<String> patientView(List<Card> cards) {
    return patientView(CdsJson.mapper().valueToTree(CdsResponse.of(cards)));
  }

  public static List<String> patientView(JsonNode response) {
    List<String> problems = new ArrayList<>();
    int others = 0;
    for (JsonNode card : response.path("cards")) {
      String what = card.path("summary").asString("");
      if (!card.path("indicator").asString("").equals("critical")) {
        others++;
      }
      String detail = card.path("detail").asString("");
      if (detail.length() > MAX_DETAIL) {
        problems.add(what + ": detail has " + detail.length() + " characters");
      }
      if (detail.contains("…")) {
        problems.add(what + ": detail is cut off");
      }
      Set<String> urls = new HashSet<>();
      for (JsonNode link : card.path("links")) {
        String href = link.path("url").asString("");
        if (href.isEmpty() || !URI.create(href).isAbsolute()) {
          problems.add(what + ": link " + link.path("label").asString("") + " is not absolute");
        }
        if (!urls.add(href)) {
          problems.add(what + ": names " + href + " twice");
        }
      }
      for (String text : List.of(what, detail)) {
        if (REFERENCE.matcher(text).find()) {
          problems.add(what + ": names a record reference");
        }
        if (GRADE.matcher(text).find()) {
          problems.add(what + ": shows an evidence grade");
        }
        if (SEED.matcher(text).find()) {
          problems.add(what + ": cites the seed article");
        }
      }
      String url = card.path("source").path("url").asString("");
      if (url.isEmpty() || !URI.create(url).isAbsolute() || !url.endsWith("/about")) {
        problems.add(what + ": source.url is not the service's page about itself");
      }
    }
    if (others > MAX_OTHER_CARDS) {
      problems.add(others + " cards besides the critical red flags");
    }
    return problems;
  }
}

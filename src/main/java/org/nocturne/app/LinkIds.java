package org.nocturne.app;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/**
 * The item a validation message is about, so the form can point at the question: the deepest item
 * on the message's FHIRPath location, or, for a required item that has no answer (and so no
 * location of its own in the response), the linkId the message quotes.
 */
final class LinkIds {
  private static final Pattern ITEM = Pattern.compile("\\.item\\[(\\d+)]");
  private static final Pattern QUOTED = Pattern.compile("'([A-Za-z0-9][A-Za-z0-9.\\-]{0,63})'");

  private LinkIds() {}

  static String at(QuestionnaireResponse response, String location, String message) {
    if (message != null && message.toLowerCase().contains("required item")) {
      // an unanswered item is absent from the response: its location is the group above it
      Matcher quoted = QUOTED.matcher(message);
      if (quoted.find()) {
        return quoted.group(1);
      }
    }
    String found = null;
    if (location != null) {
      List<QuestionnaireResponseItemComponent> items = response.getItem();
      Matcher m = ITEM.matcher(location);
      while (m.find()) {
        int index = Integer.parseInt(m.group(1));
        if (index >= items.size()) {
          break;
        }
        QuestionnaireResponseItemComponent item = items.get(index);
        found = item.getLinkId();
        items = item.getItem();
      }
    }
    return found;
  }
}

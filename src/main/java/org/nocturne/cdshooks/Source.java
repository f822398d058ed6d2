package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a card's guidance comes from; {@code topic} says what the card is about. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(String label, String url, String icon, Coding topic) {
  public Source {
    Require.text(label, "Source.label");
    if (url != null) {
      Require.absoluteUrl(url, "Source.url");
    }
    if (icon != null) {
      Require.absoluteUrl(icon, "Source.icon");
    }
  }
}

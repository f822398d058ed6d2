package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A link on a card; {@code appContext} only for SMART links (2.0 §Link). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Link(String label, String url, LinkType type, String appContext) {
  public Link {
    Require.text(label, "Link.label");
    Require.absoluteUrl(url, "Link.url");
    Require.present(type, "Link.type");
    if (appContext != null && type != LinkType.SMART) {
      throw new IllegalArgumentException("Link.appContext is only valid on smart links");
    }
  }

  public static Link absolute(String label, String url) {
    return new Link(label, url, LinkType.ABSOLUTE, null);
  }
}

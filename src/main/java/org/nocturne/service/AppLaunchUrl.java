package org.nocturne.service;

import java.util.function.Supplier;
import org.nocturne.app.AppProperties;

/**
 * Where the cards' {@code smart} links point: a questionnaire app hosted elsewhere ({@code
 * nocturne.cards.questionnaire-launch-url}) when set, else our own app's launch page when {@code
 * nocturne.app.enabled}, else nowhere (the cards then link to the FHIR Questionnaire). Read per
 * call: the public base URL of the {@code local} profile is known only once the server has bound.
 */
record AppLaunchUrl(String configured, boolean appEnabled, Supplier<String> publicBaseUrl)
    implements Supplier<String> {

  @Override
  public String get() {
    if (configured != null) {
      return configured;
    }
    if (!appEnabled) {
      return null;
    }
    String base = publicBaseUrl.get();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
        + AppProperties.LAUNCH_PATH;
  }
}

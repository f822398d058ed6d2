package org.nocturne.service;

import java.util.Optional;
import java.util.function.Supplier;
import org.nocturne.cards.QuestionnaireLaunch;

/**
 * Where the cards' {@code smart} links point: a questionnaire app hosted elsewhere ({@code
 * nocturne.cards.questionnaire-launch-url}) when set, else the app this service hosts when one is
 * published ({@code nocturne.app.enabled}), else nowhere (the cards then link to the FHIR
 * Questionnaire).
 */
record AppLaunchUrl(String configured, Optional<QuestionnaireLaunch> hosted)
    implements Supplier<String> {

  @Override
  public String get() {
    return configured != null ? configured : hosted.map(QuestionnaireLaunch::url).orElse(null);
  }
}

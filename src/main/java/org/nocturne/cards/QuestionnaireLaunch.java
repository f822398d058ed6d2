package org.nocturne.cards;

/**
 * Where a questionnaire app is launched from (a SMART launch URL), published by whatever hosts one:
 * the cards' {@code smart} links point there.
 */
@FunctionalInterface
public interface QuestionnaireLaunch {
  /** The absolute launch URL; read per call, as a base URL may be known only once bound. */
  String url();
}

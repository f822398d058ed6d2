package org.nocturne.cdshooks.endpoint;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.cards.*}: who sees the cards (the go-live controls, docs/go-live.md). The card
 * content settings under the same prefix are the service's own ({@code CardsProperties}).
 *
 * @param mode {@code live} (default): cards are answered; {@code shadow}: every hook answers no
 *     cards and what it would have shown is recorded
 * @param pilotUsers {@code context.userId} values ({@code Practitioner/…} or {@code
 *     PractitionerRole/…}); when any is set, only these users see cards, everyone else is in shadow
 * @param disabledTopics topic codes never shown (counted as suppressed); hyphenated and
 *     lowerCamelCase forms are the same topic
 * @param disabledTopicsFile a file of further topic codes (one a line, {@code #} comments), read
 *     again within seconds of a change: the kill switch without a restart
 */
@Validated
@ConfigurationProperties("nocturne.cards")
record CardGateProperties(
    @DefaultValue("live") CardMode mode,
    List<String> pilotUsers,
    List<String> disabledTopics,
    String disabledTopicsFile) {
  private static final Pattern USER =
      Pattern.compile("(Practitioner|PractitionerRole)/[A-Za-z0-9\\-.]{1,64}");

  CardGateProperties {
    mode = mode == null ? CardMode.LIVE : mode;
    pilotUsers =
        pilotUsers == null
            ? List.of()
            : pilotUsers.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
    for (String user : pilotUsers) {
      // a typo here silences the pilot: refuse it at start rather than find out on the ward
      if (!USER.matcher(user).matches()) {
        throw new IllegalArgumentException(
            "nocturne.cards.pilot-users: each entry must be Practitioner/<id> or"
                + " PractitionerRole/<id> as the EHR sends it in context.userId, not '"
                + user
                + "'");
      }
    }
    disabledTopics =
        disabledTopics == null
            ? List.of()
            : disabledTopics.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    disabledTopicsFile =
        disabledTopicsFile == null || disabledTopicsFile.isBlank() ? null : disabledTopicsFile;
  }
}

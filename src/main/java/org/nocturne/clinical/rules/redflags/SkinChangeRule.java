package org.nocturne.clinical.rules.redflags;

import java.util.List;
import java.util.Optional;
import org.nocturne.clinical.conclusions.RaisedFlag;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.Urgency;
import org.nocturne.clinical.facts.Answers;
import org.nocturne.clinical.facts.Item;
import org.nocturne.clinical.rules.Evaluation;

/** Any reported change of the skin: a non-healing sore or a change of colour or texture. */
final class SkinChangeRule implements RedFlagRule {
  private static final String SEED =
      "Seed article: any change in the skin, such as non-healing sores or discoloration";

  @Override
  public RedFlag flag() {
    return RedFlag.NON_HEALING_WOUND_OR_SKIN_CHANGE;
  }

  @Override
  public Optional<RaisedFlag> check(Evaluation e) {
    return e.report()
        .flatMap(
            r -> {
              List<String> changes =
                  r.skinChanges().stream()
                      .filter(
                          change ->
                              change != Answers.SkinChange.NONE
                                  && change != Answers.SkinChange.NOT_SURE)
                      .map(SkinChangeRule::words)
                      .sorted()
                      .toList();
              return changes.isEmpty()
                  ? Optional.empty()
                  : Optional.of(
                      new RaisedFlag(
                          flag(),
                          Urgency.WARNING,
                          List.of(
                              RedFlagRule.seen(
                                  "Reported " + String.join(", ", changes),
                                  SEED,
                                  r.evidence(Item.SKIN_CHANGES)))));
            });
  }

  private static String words(Answers.SkinChange change) {
    return switch (change) {
      case NON_HEALING_SORE -> "a sore that does not heal";
      case DARK_DISCOLORATION -> "dark discoloration of the skin";
      case PALE_OR_BLUE -> "pale or blue skin";
      case RED_WARM -> "red, warm skin";
      case SHINY_HAIRLESS -> "shiny, hairless skin";
      case NONE -> "no change";
      case NOT_SURE -> "not sure";
    };
  }
}

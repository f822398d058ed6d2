package org.nocturne.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import org.junit.jupiter.api.Test;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.facts.ComplaintWindow;
import org.nocturne.clinical.knowledge.Knowledge;

class AboutPageTest {
  private static final Knowledge KNOWLEDGE = Knowledge.load();

  @Test
  void thePageSaysTheConfiguredWindowsNotTheDefaults() {
    String page =
        new AboutController(KNOWLEDGE, new ComplaintWindow(Period.ofDays(14), Period.ofMonths(3)))
            .about()
            .getBody();

    assertThat(page)
        .contains("answered in the last 14 days")
        .contains("recorded or begun in the last 3 months")
        .doesNotContain("answered in the last 30 days");
  }

  @Test
  void thePageNamesEveryCauseAndRedFlagTheKnowledgeFileHolds() {
    String page = new AboutController(KNOWLEDGE, ComplaintWindow.DEFAULT).about().getBody();

    assertThat(page).contains("ranks " + Cause.values().length + " causes");
    for (Cause cause : Cause.values()) {
      assertThat(page).contains(KNOWLEDGE.shortName(cause));
    }
    assertThat(page).contains("deep-vein thrombosis likely").contains("possible cauda equina");
  }

  @Test
  void periodsReadAsWords() {
    assertThat(Periods.words(Period.ofDays(1))).isEqualTo("1 day");
    assertThat(Periods.words(Period.of(1, 0, 2))).isEqualTo("1 year and 2 days");
    assertThat(Periods.words(Period.ZERO)).isEqualTo("0 days");
  }
}

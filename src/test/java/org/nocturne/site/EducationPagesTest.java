package org.nocturne.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nocturne.Readability;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.knowledge.Knowledge;

/** Each education page reads as plain English and says when to get help, urgent signs first. */
class EducationPagesTest {
  private static final EducationPages PAGES = new EducationPages(Knowledge.load());
  private static final Pattern BLOCK = Pattern.compile("<(h1|h2|p|li)[^>]*>(.*?)</\\1>");

  /** The words a patient reads, one block per heading, paragraph or list item. */
  static List<String> blocks(String html) {
    String body = html.substring(html.indexOf("<body>"));
    List<String> blocks = new ArrayList<>();
    Matcher block = BLOCK.matcher(body);
    while (block.find()) {
      blocks.add(
          block.group(2).replaceAll("<[^>]+>", "").replace("&quot;", "\"").replace("&amp;", "&"));
    }
    return blocks;
  }

  @ParameterizedTest
  @EnumSource(Cause.class)
  void everyPageReadsAsPlainEnglish(Cause cause) {
    List<String> blocks = blocks(PAGES.page(cause.code()).orElseThrow());

    double score = Readability.fleschReadingEase(blocks);
    System.out.printf("[education] Flesch reading ease %s: %.1f%n", cause.code(), score);

    assertThat(blocks).hasSizeGreaterThan(10);
    assertThat(score).isGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest
  @EnumSource(Cause.class)
  void everyPageSaysWhenToGetHelpWithTheEmergencyFirst(Cause cause) {
    String page = PAGES.page(cause.code()).orElseThrow();

    int emergency = page.indexOf("Call emergency services or go to an emergency department now if");
    int today = page.indexOf("See a doctor today if");
    int soon = page.indexOf("Book a visit with your doctor if");
    assertThat(emergency).isPositive();
    assertThat(today).isGreaterThan(emergency);
    assertThat(soon).isGreaterThan(today);
    assertThat(page.substring(emergency, today))
        .contains("cold, pale or blue", "short of breath", "bladder or bowels", "weak or numb");
    assertThat(page).doesNotContain("[V]", "[M]", "Seed article", "clinician");
  }

  @ParameterizedTest
  @EnumSource(
      value = Cause.class,
      names = {"PERIPHERAL_ARTERY_DISEASE", "PERIPHERAL_NEUROPATHY"})
  void pagesWhereAdviceIsUnsafeSayWhatToAvoid(Cause cause) {
    String page = PAGES.page(cause.code()).orElseThrow();

    assertThat(page).contains("class=\"warn\"");
    if (cause == Cause.PERIPHERAL_ARTERY_DISEASE) {
      assertThat(page).contains("Do not raise your legs").doesNotContain("legs up, higher");
    } else {
      assertThat(page).contains("Do not put a heat pad");
    }
  }
}

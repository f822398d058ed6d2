package org.nocturne.cdshooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.Feedback;
import org.nocturne.cdshooks.FeedbackBatch;

class FeedbackValidatorTest {
  private static FeedbackBatch batch(String json) {
    return RequestBody.bind(json.getBytes(StandardCharsets.UTF_8), FeedbackBatch.class);
  }

  @Test
  void acceptedAndOverriddenFeedbackAreValid() {
    var feedback =
        FeedbackValidator.check(
            batch(
                """
                {"feedback":[
                  {"card":"c1","outcome":"accepted","acceptedSuggestions":[{"id":"s1"}],
                   "outcomeTimestamp":"2021-12-11T10:05:31Z"},
                  {"card":"c2","outcome":"overridden","outcomeTimestamp":"2020-12-11T00:00:00Z",
                   "overrideReason":{"reason":{"code":"reason-code","system":"http://example.org/reasons",
                   "display":"Patient refused"},"userComment":"A comment"}}
                ]}"""));

    assertThat(feedback).extracting(Feedback::outcome).containsExactly("accepted", "overridden");
    assertThat(feedback.get(1).overrideReason().reason().code()).isEqualTo("reason-code");
  }

  /**
   * Epic's overrideReasons, an object or a list, with its extension keys, reasons without display.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"overrideReasons\":{\"reason\":{\"system\":\"http://nocturne-cds.org/fhir/CodeSystem/override-reason\",\"code\":\"patient-declined\"},\"userComment\":\"prefers to wait\"}",
        "\"overrideReasons\":[{\"reason\":{\"system\":\"http://nocturne-cds.org/fhir/CodeSystem/override-reason\",\"code\":\"patient-declined\",\"display\":\"Patient declined\"}}]",
        "\"overrideReasons\":[{\"system\":\"http://nocturne-cds.org/fhir/CodeSystem/override-reason\",\"code\":\"patient-declined\"}]",
        "\"overrideReasons\":[{\"reason\":{\"code\":\"patient-declined\"},\"extension\":{\"com.epic.cdshooks.feedback.override-reason.comment\":\"prefers to wait\"}}]",
        "\"overrideReason\":{\"reason\":{\"system\":\"http://nocturne-cds.org/fhir/CodeSystem/override-reason\",\"code\":\"patient-declined\"}}"
      })
  void theReasonIsReadInEveryFormEhrsSend(String reason) {
    var feedback =
        FeedbackValidator.check(
            batch(
                "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\","
                    + "\"outcomeTimestamp\":\"2024-03-01T10:00:00Z\","
                    + reason
                    + "}]}"));

    assertThat(feedback.get(0).overrideReason().reason().code()).isEqualTo("patient-declined");
    if (reason.contains("comment")) {
      assertThat(feedback.get(0).overrideReason().userComment()).isEqualTo("prefers to wait");
    }
  }

  @Test
  void anEpicReasonListWithNothingReadableStillRecordsTheOutcome() {
    var feedback =
        FeedbackValidator.check(
            batch(
                "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\","
                    + "\"outcomeTimestamp\":\"2024-03-01T10:00:00Z\",\"overrideReasons\":[{}]}]}"));

    assertThat(feedback.get(0).overrideReason()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"feedback\":[]}",
        "{\"feedback\":[{\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2020-12-11T00:00:00Z\"}]}",
        "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"ignored\",\"outcomeTimestamp\":\"2020-12-11T00:00:00Z\"}]}",
        "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2020-12-11T00:00:00Z\"}]}",
        "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{}],\"outcomeTimestamp\":\"2020-12-11T00:00:00Z\"}]}",
        "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\"}]}",
        "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"yesterday\"}]}",
        "{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2020-12-11T00:00:00Z\",\"overrideReason\":{}}]}"
      })
  void invalidFeedbackIsABadRequest(String json) {
    assertThatThrownBy(() -> FeedbackValidator.check(batch(json)))
        .isInstanceOfSatisfying(
            CdsHooksException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}

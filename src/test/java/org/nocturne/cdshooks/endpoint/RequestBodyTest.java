package org.nocturne.cdshooks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.CdsHooksException;
import org.nocturne.cdshooks.CdsRequest;

/** Binding is bounded by JSON values and depth, not only by bytes (issue 19.4). */
class RequestBodyTest {
  private static byte[] call(String prefetchValue) {
    return ("{\"hook\":\"patient-view\",\"hookInstance\":\"h\","
            + "\"context\":{\"userId\":\"Practitioner/u\",\"patientId\":\"p\"},"
            + "\"prefetch\":{\"x\":"
            + prefetchValue
            + "}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aBodyOfMillionsOfTinyJsonValuesIsRefusedBeforeItFillsTheHeap() {
    // 3 MB of {} is 1.5 million objects: ~100 MB of heap if it were bound
    byte[] flood = call("[" + "{},".repeat(1_500_000) + "{}]");

    assertThatThrownBy(() -> RequestBody.bind(flood, CdsRequest.class))
        .isInstanceOfSatisfying(
            CdsHooksException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).contains("more JSON values");
            });
  }

  @Test
  void deepNestingIsRefused() {
    byte[] deep = call("[".repeat(5_000) + "]".repeat(5_000));

    assertThatThrownBy(() -> RequestBody.bind(deep, CdsRequest.class))
        .isInstanceOfSatisfying(
            CdsHooksException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void aRealSizedRecordStillBinds() {
    byte[] record =
        call(
            "{\"resourceType\":\"Bundle\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\"}},"
                    .repeat(20_000)
                + "{}]}");

    assertThat(RequestBody.bind(record, CdsRequest.class).prefetch().get("x").get("entry"))
        .hasSize(20_001);
  }

  @Test
  void aTypeErrorNamesTheJsonFieldNotAJavaClass() {
    byte[] body =
        ("{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"fhirAuthorization\":"
                + "{\"expires_in\":\"Smith\"},\"context\":{}}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RequestBody.bind(body, CdsRequest.class))
        .hasMessageContaining("at fhirAuthorization.expires_in")
        .hasMessageNotContaining("org.nocturne")
        .hasMessageNotContaining("Smith");
  }
}

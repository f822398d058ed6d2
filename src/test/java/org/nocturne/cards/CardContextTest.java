package org.nocturne.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Card and suggestion uuids stay those of UUID.nameUUIDFromBytes (issue 30: one MD5 a thread). */
class CardContextTest {
  @Test
  void aUuidIsTheNameBasedUuidOfHookInstanceAndKey() {
    for (int i = 0; i < 2000; i++) {
      String hookInstance = UUID.randomUUID().toString();
      String key = "flag|" + i + (i % 3 == 0 ? "|problem ü" : "");
      CardContext context =
          new CardContext(hookInstance, "pat-" + i, "https://cds.example.org/", null);

      assertThat(context.uuid(key))
          .isEqualTo(
              UUID.nameUUIDFromBytes((hookInstance + "|" + key).getBytes(StandardCharsets.UTF_8))
                  .toString());
    }
  }
}
